// The cluster layer on the main map: a toggle in the layers control, off by default.
// Contract: register({ map, config, layersControl }); config.clusters comes from
// frontend/pages/clusters.py:cluster_overlay_config().
import { gettext } from "../lib/i18n.js";
import { clusterLayer, loadInView } from "./layer.js";

export function register({ map, config, layersControl }) {
  const settings = config.clusters;
  if (!settings) return {};
  const layer = clusterLayer(settings);
  loadInView(map, layer, settings, {
    onState: ({ state }) => {
      if (state === "error") {
        const message = gettext("The clusters could not be loaded. Please try again.");
        map.fire("stadtmacher:error", { message });
      }
    },
  });
  layersControl.addOverlay(layer, gettext("Clusters"));
  return { clusters: layer };
}

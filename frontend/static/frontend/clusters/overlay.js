// The cluster layer on the main map: a toggle in the layers control, off by default.
// Contract: register({ map, config, layersControl }); config.clusters comes from
// frontend/pages/clusters.py:cluster_overlay_config().
import { clusterLayer, loadInView } from "./layer.js";

export function register({ map, config, layersControl }) {
  const settings = config.clusters;
  if (!settings) return {};
  const layer = clusterLayer(settings);
  loadInView(map, layer, settings, {
    onState: ({ state }) => {
      if (state === "error") map.fire("stadtmacher:error", { message: settings.strings.loadFailed });
    },
  });
  layersControl.addOverlay(layer, settings.strings.clusters);
  return { clusters: layer };
}

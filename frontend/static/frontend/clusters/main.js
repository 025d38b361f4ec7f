// Entry module of the cluster page (/clusters/): outlines on the map, the list beside it.
import { pageConfig } from "../lib/config.js";
import { statusLine } from "../lib/dom.js";
import { fill, gettext } from "../lib/i18n.js";
import { createMap, drawCity } from "../map/base.js";
import { clusterLayer, loadInView } from "./layer.js";

const config = pageConfig();
const settings = config.clusters;
const status = document.getElementById("map-status");
const announce = statusLine(status);

const map = createMap(document.getElementById("map"), config);
drawCity(map, config);
if (settings.query !== null) {
  const layer = clusterLayer(settings);
  let fitted = false;
  const { tiles } = loadInView(map, layer, settings, {
    query: settings.query,
    onState: ({ state, count, error }) => {
      status.dataset.state = state;
      if (state === "loading") announce(gettext("Loading clusters…"));
      if (state === "loaded" && count === null) {
        announce(gettext("Many clusters in view: zoom in to open one."));
        fitted = true;
      } else if (state === "loaded") {
        announce(fill(gettext("%(count)s clusters in this part of the map"), { count }));
        // First load: zoom to the clusters, so small ones are not lost in the city view.
        const bounds = layer.getBounds();
        if (!fitted && count && bounds.isValid()) map.fitBounds(bounds.pad(0.2), { maxZoom: 17 });
        fitted = true;
      }
      if (state === "error") {
        const reason = error?.status === 400 ? error.message : "";
        announce(`${gettext("The clusters could not be loaded. Please try again.")} ${reason}`, true);
      }
    },
  });
  layer.addTo(map);
  window.stadtmacher = { map, clusters: layer, clusterTiles: tiles }; // for the browser tests

  // Pointing at a list entry outlines its cluster on the map.
  const byId = () => {
    const found = new Map();
    layer.eachLayer((featureLayer) => found.set(String(featureLayer.feature.id), featureLayer));
    return found;
  };
  for (const item of document.querySelectorAll("[data-cluster-id]")) {
    const id = item.dataset.clusterId;
    item.addEventListener("mouseenter", () => byId().get(id)?.setStyle({ weight: 6 }));
    item.addEventListener("mouseleave", () => {
      const featureLayer = byId().get(id);
      if (featureLayer) layer.resetStyle(featureLayer);
    });
  }
}

// Entry module of the cluster page (/clusters/): outlines on the map, the list beside it.
import { setStrings, t } from "../i18n/strings.js";
import { createMap, drawCity } from "../map/base.js";
import { clusterLayer, loadInView } from "./layer.js";

const config = JSON.parse(document.getElementById("page-config").textContent);
const settings = config.clusters;
setStrings(settings.strings);

const status = document.getElementById("map-status");
function announce(text, isError = false) {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

const map = createMap(document.getElementById("map"), config);
drawCity(map, config);
if (settings.query !== null) {
  const layer = clusterLayer(settings);
  let fitted = false;
  loadInView(map, layer, settings, {
    query: settings.query,
    onState: ({ state, count, error }) => {
      status.dataset.state = state;
      if (state === "loading") announce(t("loading"));
      if (state === "loaded") {
        announce(t("shown", { count }));
        // First load: zoom to the clusters, so small ones are not lost in the city view.
        const bounds = layer.getBounds();
        if (!fitted && count && bounds.isValid()) map.fitBounds(bounds.pad(0.2), { maxZoom: 17 });
        fitted = true;
      }
      if (state === "error") announce(`${t("loadFailed")} ${error?.status === 400 ? error.message : ""}`, true);
    },
  });
  layer.addTo(map);

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

// The planners' reference layers on the main map, under the proposals: each imported layer
// (zoning coloured by zone code with a legend, districts outlined with names), a toggle that
// highlights the proposals zoning does not allow, and the participation choropleth.
// Contract: register({ map, config, layersControl }); config.layers comes from
// frontend/pages/planner.py:layer_overlay_config().
/* global L */
import { apiFetch } from "../api/client.js";
import {
  ensurePanes,
  legendControl,
  participationLayer,
  referenceLayer,
  zoneLegend,
} from "./view.js";
import { gettext } from "../lib/i18n.js";
import { escapeHtml } from "../map/text.js";

// The layer kinds (layers.models.LayerKind) as the layers control names them.
function kindLabel(kind) {
  const labels = {
    zoning: gettext("Zoning"),
    district: gettext("Districts"),
    other: gettext("Reference layer"),
  };
  return labels[kind] ?? kind;
}

function addStylesheet() {
  const href = new URL("./layers.css", import.meta.url).href;
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

const HIGHLIGHT = { color: "#c00000", weight: 4, fill: false, opacity: 0.9 };

function highlightLayer(url, onError) {
  const group = L.geoJSON(null, {
    style: () => HIGHLIGHT,
    interactive: false,
    // A red ring around each point pin (the pins themselves stay clickable above it).
    pointToLayer: (_feature, latlng) => L.circleMarker(latlng, { ...HIGHLIGHT, radius: 16 }),
  });
  group.on("add", async () => {
    try {
      const data = await apiFetch(url);
      group.clearLayers();
      group.addData(data);
    } catch (error) {
      onError(error);
    }
  });
  return group;
}

export async function register({ map, config, layersControl }) {
  const settings = config.layers;
  if (!settings) return {};
  const { urls } = settings;
  addStylesheet();
  ensurePanes(map);
  const onError = () =>
    map.fire("stadtmacher:error", { message: gettext("A reference layer could not be loaded.") });
  const legend = legendControl().addTo(map);
  let layers;
  try {
    layers = (await apiFetch(urls.layers)).filter((layer) => layer.state === "done");
  } catch {
    onError();
    return {};
  }
  const added = {};
  for (const layer of layers) {
    const overlay = referenceLayer(map, layer, { featuresUrl: urls.features, onError });
    added[layer.slug] = overlay;
    layersControl.addOverlay(overlay, escapeHtml(`${layer.name} (${kindLabel(layer.kind)})`));
    if (layer.kind === "zoning") {
      overlay.on("add", () => legend.set(layer.slug, zoneLegend(layer)));
      overlay.on("remove", () => legend.set(layer.slug, null));
    }
  }
  if (layers.some((layer) => layer.kind === "zoning")) {
    const highlight = highlightLayer(urls.incompatible, onError);
    added.incompatible = highlight;
    layersControl.addOverlay(highlight, gettext("Highlight proposals zoning does not allow"));
  }
  for (const layer of layers.filter((l) => l.kind === "district" && l.population_field)) {
    // Built lazily: counting is cheap, but nobody needs it until they switch it on.
    const holder = L.layerGroup();
    added[`participation:${layer.slug}`] = holder;
    const participation = gettext("Participation (proposals per 1,000 inhabitants)");
    layersControl.addOverlay(holder, escapeHtml(`${participation}: ${layer.name}`));
    holder.on("add", async () => {
      try {
        const choropleth = await participationLayer(layer, { url: urls.participation });
        holder.clearLayers();
        holder.addLayer(choropleth.layer);
        legend.set(`participation:${layer.slug}`, choropleth.legend);
      } catch {
        onError();
      }
    });
    holder.on("remove", () => legend.set(`participation:${layer.slug}`, null));
  }
  return added;
}

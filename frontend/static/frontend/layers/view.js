// Reference layers on a Leaflet map: zoning coloured by zone code, districts outlined with
// their names, other layers plain; the participation choropleth; the legends. Used by the
// main map's overlay (overlay.js) and by the planner page.
/* global L */
import { apiFetch, fillUrl } from "../api/client.js";
import { fill, gettext, ngettext } from "../lib/i18n.js";
import { loadWhileShown } from "../lib/inview.js";
import { bboxFromBounds } from "../map/base.js";
import { asText } from "../map/text.js";

const PANE = "referenceLayers"; // under the proposals' vectors (overlayPane, 400)
const LABEL_PANE = "referenceLabels";
// Participation classes, pale to dark (ColorBrewer YlGnBu, 5 classes; colour-blind safe).
export const CHOROPLETH = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
const NO_RATE = "#d9d9d9";

// Creates the panes the reference layers draw into (idempotent).
export function ensurePanes(map) {
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = 300;
  if (!map.getPane(LABEL_PANE)) {
    const labels = map.createPane(LABEL_PANE);
    labels.style.zIndex = 360;
    labels.style.pointerEvents = "none";
  }
}

function bboxParam(map) {
  return bboxFromBounds(map.getBounds()).map((v) => v.toFixed(6)).join(",");
}

// Simplify with about a pixel's worth of degrees at the current zoom (bounded by the API).
function toleranceParam(map) {
  const degreesPerPixel = 360 / (256 * 2 ** map.getZoom());
  return Math.min(degreesPerPixel, 0.01).toFixed(7);
}

function styleFor(layer) {
  if (layer.kind === "zoning") {
    return (feature) => ({
      color: "#444",
      weight: 0.6,
      fillColor: feature.properties.color || "#999",
      fillOpacity: 0.45,
    });
  }
  if (layer.kind === "district") {
    return () => ({ color: "#3d4a5c", weight: 2, fill: false, dashArray: "6 4" });
  }
  return () => ({ color: "#6a3d9a", weight: 2, fillColor: "#cab2d6", fillOpacity: 0.3 });
}

// A layer of the layers API as an L.GeoJSON on `map` that (re)loads the features in the
// visible bbox whenever it is on the map and the map moves; failures go to onError.
export function referenceLayer(map, layer, { featuresUrl, onError = () => {} }) {
  ensurePanes(map);
  const style = styleFor(layer);
  const group = L.geoJSON(null, {
    pane: PANE,
    style,
    interactive: layer.kind !== "district",
    pointToLayer: (feature, latlng) =>
      L.circleMarker(latlng, { ...style(feature), radius: 5, fill: true, pane: PANE }),
    onEachFeature: (feature, featureLayer) => {
      const p = feature.properties || {};
      if (layer.kind === "district" && p.name) {
        featureLayer.bindTooltip(asText(p.name), {
          permanent: true,
          direction: "center",
          className: "city-label",
          pane: LABEL_PANE,
        });
      } else if (p.zone_code || p.name) {
        featureLayer.bindTooltip(asText(`${layer.name}: ${zoneLabel(p.zone_code, p.name)}`), { sticky: true });
      }
    },
  });
  group.slug = layer.slug;
  const url = fillUrl(featuresUrl, layer.slug);
  loadWhileShown(map, group, {
    url: () => `${url}?bbox=${bboxParam(map)}&tolerance=${toleranceParam(map)}`,
    show: (data) => {
      group.clearLayers();
      group.addData(data);
    },
    onState: ({ state, error }) => {
      if (state === "error") onError(error);
    },
  });
  return group;
}

// A legend box (an L.Control); legend.set(key, element) shows a part, set(key, null) drops it.
export function legendControl(className = "layer-legend") {
  const control = L.control({ position: "bottomright" });
  const parts = new Map();
  control.onAdd = () => {
    const div = L.DomUtil.create("div", `leaflet-bar ${className}`);
    L.DomEvent.disableScrollPropagation(div);
    control.div = div;
    render();
    return div;
  };
  function render() {
    if (!control.div) return;
    control.div.replaceChildren(...parts.values());
    control.div.hidden = parts.size === 0;
  }
  control.set = (key, element) => {
    if (element) parts.set(key, element);
    else parts.delete(key);
    render();
  };
  return control;
}

function swatch(colour) {
  const i = document.createElement("i");
  i.style.background = colour;
  return i;
}

export function legendEntry(colour, text) {
  const span = document.createElement("span");
  span.append(swatch(colour), document.createTextNode(` ${text}`));
  return span;
}

// "WA – Allgemeines Wohngebiet": a zone's code with its name, when it has one (a name that
// already starts with the code, as XPlanung's do, is shown as it is).
export function zoneLabel(code, name) {
  if (!name) return code || "";
  if (!code || name.startsWith(code)) return name;
  return `${code} – ${name}`;
}

// Legend of a zoning layer: its zone codes with their colours (layer.legend from the API).
export function zoneLegend(layer) {
  const title = gettext("Zones");
  const box = document.createElement("div");
  box.className = "zone-legend-box";
  const heading = document.createElement("strong");
  heading.textContent = `${layer.name}: ${title}`;
  box.append(heading);
  for (const entry of layer.legend || []) {
    box.append(document.createElement("br"), legendEntry(entry.color, zoneLabel(entry.zone_code, entry.zone_name)));
  }
  return box;
}

export function classOf(rate, breaks) {
  if (rate === null || rate === undefined) return -1;
  let index = 0;
  while (index < breaks.length && rate > breaks[index]) index += 1;
  return Math.min(index, CHOROPLETH.length - 1);
}

function formatRate(value) {
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 });
}

// The participation choropleth of a district layer, with its legend element.
export async function participationLayer(layer, { url }) {
  const noPopulation = gettext("no population figure");
  const data = await apiFetch(fillUrl(url, layer.slug));
  const breaks = data.breaks || [];
  const geo = L.geoJSON(data, {
    pane: PANE,
    style: (feature) => {
      const k = classOf(feature.properties.per_1000, breaks);
      return {
        color: "#3d4a5c",
        weight: 1,
        fillColor: k < 0 ? NO_RATE : CHOROPLETH[k],
        fillOpacity: 0.75,
      };
    },
    onEachFeature: (feature, featureLayer) => {
      const p = feature.properties;
      const rate =
        p.per_1000 === null
          ? noPopulation
          : fill(gettext("%(rate)s per 1,000 inhabitants"), { rate: formatRate(p.per_1000) });
      const count = fill(ngettext("%(count)s proposal", "%(count)s proposals", p.proposals), { count: p.proposals });
      featureLayer.bindTooltip(asText(`${p.name}: ${rate} (${count})`), { sticky: true });
    },
  });
  const legend = document.createElement("div");
  legend.className = "participation-legend";
  const heading = document.createElement("strong");
  heading.textContent = gettext("Participation (proposals per 1,000 inhabitants)");
  legend.append(heading);
  const bounds = [0, ...breaks];
  CHOROPLETH.forEach((colour, k) => {
    if (k > breaks.length) return;
    const upper = k < breaks.length ? formatRate(breaks[k]) : "…";
    const text = `${formatRate(bounds[k])} – ${upper}`;
    legend.append(document.createElement("br"), legendEntry(colour, text));
  });
  legend.append(document.createElement("br"), legendEntry(NO_RATE, noPopulation));
  return { layer: geo, legend, data };
}

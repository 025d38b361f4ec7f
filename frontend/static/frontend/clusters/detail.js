// Entry module of one cluster's page (/clusters/<id>/): its outline and its members.
/* global L */
import { apiFetch } from "../api/client.js";
import { pageConfig } from "../lib/config.js";
import { gettext } from "../lib/i18n.js";
import { createMap, drawCity } from "../map/base.js";
import { asText } from "../map/text.js";
import { styleFor } from "./layer.js";

const config = pageConfig();
const settings = config.clusters;
const colours = Object.fromEntries(config.categories.map((c) => [c.value, c.colour]));
const status = document.getElementById("map-status");

const map = createMap(document.getElementById("map"), config);
drawCity(map, config, { fitToDistricts: false });

function memberStyle(feature) {
  const colour = colours[feature.properties.category] || "#555555";
  return { color: colour, fillColor: colour, weight: 2, fillOpacity: 0.35, radius: 7 };
}

try {
  const cluster = await apiFetch(settings.detail);
  const outline = L.geoJSON(cluster, {
    style: (feature) => ({ ...styleFor(feature, settings), fillOpacity: 0.05 }),
    interactive: false,
  }).addTo(map);
  const members = L.geoJSON(cluster.properties.members, {
    style: memberStyle,
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, memberStyle(feature)),
    onEachFeature: (feature, layer) => layer.bindTooltip(asText(feature.properties.title)),
  }).addTo(map);
  members.getLayers().forEach((layer) => {
    layer.getElement?.()?.setAttribute("data-proposal-id", String(layer.feature.id));
  });
  const bounds = outline.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.3));
  status.dataset.state = "loaded";
} catch {
  status.textContent = gettext("The clusters could not be loaded. Please try again.");
  status.classList.add("error");
  status.dataset.state = "error";
}

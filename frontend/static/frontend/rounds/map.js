// A small Leaflet map of a cluster's claims (coloured by category), the areas claimed more
// than once, zoning underneath and, on the round page, the options' compromise geometries.
/* global L */
import { gettext } from "../lib/i18n.js";
import { addBaseLayer } from "../map/base.js";
import { escapeHtml } from "../map/text.js";

const ZONING = { color: "#7a7a7a", weight: 1, fillColor: "#bdbdbd", fillOpacity: 0.25, dashArray: "2 3" };
const OVERLAP = { color: "#a4161a", weight: 2, fillColor: "#a4161a", fillOpacity: 0.45 };
const OPTION = { color: "#1c2430", weight: 3, dashArray: "8 4", fillColor: "#1c2430", fillOpacity: 0.1 };

export function colourMap(palette) {
  return Object.fromEntries((palette ?? []).map((c) => [c.value, c.colour]));
}

// base: the page's base-map config (frontend/pages/map.py base_map_config), drawn under the
// claims so a mediator sees the streets; its attribution is then shown, as its licence asks.
export function claimsMap(element, data, { palette, interactive = true, base = null } = {}) {
  const colours = colourMap(palette);
  const withBase = Boolean(base?.tiles || base?.basemap);
  const map = L.map(element, {
    zoomControl: interactive,
    scrollWheelZoom: false,
    attributionControl: withBase,
  });
  if (withBase) addBaseLayer(map, base);
  const bounds = L.latLngBounds([]);
  const add = (layer) => {
    layer.addTo(map);
    if (layer.getBounds && layer.getBounds().isValid()) bounds.extend(layer.getBounds());
    return layer;
  };
  if (data.zoning?.features?.length) {
    L.geoJSON(data.zoning, {
      style: ZONING,
      onEachFeature: (f, layer) =>
        layer.bindTooltip(`${escapeHtml(gettext("Zone"))} ${escapeHtml(f.properties.zone)}`),
    }).addTo(map);
  }
  const claims = add(
    L.geoJSON(data.claims, {
      style: (f) => {
        const colour = colours[f.properties.category] ?? "#555555";
        const left = f.properties.in_snapshot && !f.properties.in_cluster;
        return {
          color: colour,
          weight: 3,
          fillColor: colour,
          fillOpacity: left ? 0.05 : 0.3,
          dashArray: f.properties.kind === "conflict" || left ? "6 5" : null,
        };
      },
      pointToLayer: (f, latlng) => {
        const colour = colours[f.properties.category] ?? "#555555";
        return L.circleMarker(latlng, { radius: 7, color: "#fff", weight: 2, fillColor: colour, fillOpacity: 1 });
      },
      onEachFeature: (f, layer) => {
        const p = f.properties;
        let note = "";
        if (p.in_snapshot === false && p.in_cluster) {
          note = gettext("Joined the cluster since the round opened");
        } else if (p.in_snapshot && p.in_cluster === false) {
          note = gettext("Left the cluster since the round opened");
        }
        layer.bindTooltip(
          `<strong>${escapeHtml(p.title)}</strong>${note ? `<br>${escapeHtml(note)}` : ""}`,
        );
      },
    }),
  );
  if (data.overlaps) {
    L.geoJSON(data.overlaps, { style: OVERLAP })
      .bindTooltip(escapeHtml(gettext("Claimed more than once")))
      .addTo(map);
  }
  let options = null;
  if (data.options?.features?.length) {
    options = add(
      L.geoJSON(data.options, {
        style: OPTION,
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 8, ...OPTION }),
        onEachFeature: (f, layer) =>
          layer.bindTooltip(`${escapeHtml(gettext("Option"))}: ${escapeHtml(f.properties.title)}`),
      }),
    );
  }
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.15), { maxZoom: 18 });
  else map.setView([51.345, 12.375], 14);
  return { map, claims, options };
}

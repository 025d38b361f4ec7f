// Cluster outlines as a Leaflet layer: contested ones in a warning colour and drawn on top,
// convergent ones in a calm colour. Used by the cluster page and the main map's overlay.
// Outlines are GeoJSON for views with few clusters: the request carries
// limit=settings.limit, and when more match, the answer says so (limitExceeded) and the
// clusters are drawn as vector tiles instead (tiles.js), with the same filters.
/* global L, protomapsL */
import { fillUrl } from "../api/client.js";
import { fill, gettext } from "../lib/i18n.js";
import { loadWhileShown } from "../lib/inview.js";
import { bboxFromBounds } from "../map/base.js";
import { asText } from "../map/text.js";
import { createClusterTiles } from "./tiles.js";

function popupContent(feature, settings) {
  const { properties } = feature;
  const box = document.createElement("div");
  box.className = "cluster-popup";
  const badge = document.createElement("strong");
  badge.textContent = properties.contested ? gettext("Contested") : gettext("Convergent");
  const explanation = document.createElement("p");
  explanation.textContent = properties.explanation;
  const count = document.createElement("p");
  count.textContent = fill(gettext("%(count)s claims"), { count: properties.claim_count });
  box.append(badge, explanation, count);
  if (settings.urls.page) {
    const link = document.createElement("a");
    link.href = fillUrl(settings.urls.page, feature.id);
    link.textContent = gettext("Open this cluster");
    box.append(link);
  }
  return box;
}

export function styleFor(feature, settings) {
  const contested = feature.properties.contested;
  return {
    color: contested ? settings.colours.contested : settings.colours.convergent,
    weight: contested ? 3 : 2,
    dashArray: contested ? null : "6 4",
    fillOpacity: contested ? 0.18 : 0.1,
  };
}

// A GeoJSON layer of clusters; `show(collection)` replaces its content.
export function clusterLayer(settings) {
  const layer = L.geoJSON(null, {
    style: (feature) => styleFor(feature, settings),
    onEachFeature: (feature, featureLayer) => {
      featureLayer.bindTooltip(asText(feature.properties.explanation), { sticky: true });
      featureLayer.bindPopup(() => popupContent(feature, settings));
    },
  });
  layer.show = (collection) => {
    layer.clearLayers();
    // Convergent first, contested last: contested outlines end up on top.
    const features = [...collection.features].sort(
      (a, b) => Number(a.properties.contested) - Number(b.properties.contested),
    );
    layer.addData({ type: "FeatureCollection", features });
    return features.length;
  };
  return layer;
}

// The clusters API URL for the given query parameters and the map's current view.
export function clustersUrl(settings, map, query = {}) {
  const url = new URL(settings.urls.clusters, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) url.searchParams.set(key, value);
  if (map) url.searchParams.set("bbox", bboxFromBounds(map.getBounds()).map((v) => v.toFixed(5)).join(","));
  return url.pathname + url.search;
}

// Keeps `layer` filled with the clusters in view while it is on the map, or, where they are
// more than settings.limit, the cluster tiles. Returns { loader, tiles } (tiles: null
// where the page has no tile renderer).
export function loadInView(map, layer, settings, { query = {}, onState } = {}) {
  const tiles =
    settings.urls.tiles && settings.limit && typeof protomapsL !== "undefined"
      ? createClusterTiles(map, settings)
      : null;
  layer.on("remove", () => tiles?.hide());
  const loader = loadWhileShown(map, layer, {
    url: () => clustersUrl(settings, map, tiles ? { ...query, limit: settings.limit } : query),
    show: (data) => {
      if (data?.limitExceeded) {
        layer.clearLayers();
        tiles.show(new URLSearchParams(query || {}));
        return null; // counted by the tiles, not here
      }
      tiles?.hide();
      return layer.show(data);
    },
    onState,
  });
  return { loader, tiles };
}

// The Leaflet map of the city: optional base-map tiles and the city's outline.
/* global L */
import { apiFetch } from "../api/client.js";
import { gettext } from "../lib/i18n.js";
import { addVectorBasemap } from "./basemap.js";
import { asText, escapeHtml } from "./text.js";

const LABEL_MIN_ZOOM = 12;

// The API and the config speak lon/lat; Leaflet speaks lat/lng. Convert only here.
export function boundsFromBbox([minLon, minLat, maxLon, maxLat]) {
  return L.latLngBounds([minLat, minLon], [maxLat, maxLon]);
}

export function bboxFromBounds(bounds) {
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}

export function createMap(element, config) {
  const city = boundsFromBbox(config.cityBbox);
  const map = L.map(element, {
    minZoom: config.minZoom,
    maxZoom: config.maxZoom,
    maxBounds: city.pad(0.5),
    zoomSnap: 0.5,
  });
  map.fitBounds(city);
  addBaseLayer(map, config);
  map.attributionControl.setPrefix(false);
  return map;
}

// The base map: a configured raster tile server (BASEMAP_TILE_URL) first, else the city's
// own vector base map when one has been imported, else nothing (drawCity outlines the city).
export function addBaseLayer(map, config) {
  if (config.tiles) {
    L.tileLayer(config.tiles.url, {
      attribution: config.tiles.attribution,
      maxZoom: config.maxZoom,
    }).addTo(map);
  } else if (config.basemap) {
    const basemap = { ...config.basemap, attribution: escapeHtml(config.basemap.attribution) };
    addVectorBasemap(map, basemap).catch(() => {}); // without it the districts still show
  }
}

// Without tiles the city must still be recognisable: draw its districts when the layers
// area serves them (config.urls.districts, a GeoJSON FeatureCollection with a `name`
// property), else the city's bounding box.
export async function drawCity(map, config, { fitToDistricts = true } = {}) {
  const outline = L.rectangle(boundsFromBbox(config.cityBbox), {
    color: "#5b6675",
    weight: 2,
    dashArray: "8 6",
    fill: false,
    interactive: false,
  }).addTo(map);
  if (!config.urls.districts) return outline;
  // District names lie under the pins, not over them as tooltips normally do.
  map.createPane("districtLabels").style.zIndex = 350;
  const [centre, zoom] = [map.getCenter(), map.getZoom()];
  try {
    const districts = await apiFetch(config.urls.districts);
    const layer = L.geoJSON(districts, {
      // Over a base map the districts are outlines with a tint, not a canvas of their own.
      style: {
        color: "#7d8794",
        weight: 1.5,
        fillColor: "#dfe5dc",
        fillOpacity: config.basemap && !config.tiles ? 0.08 : 0.45,
      },
      interactive: false,
      onEachFeature: (feature, districtLayer) => {
        const name = feature.properties?.name;
        if (name) {
          // Layer data comes from imported files: the name goes in as text, not as HTML.
          districtLayer.bindTooltip(asText(name), {
            permanent: true,
            direction: "center",
            className: "city-label",
            interactive: false,
            pane: "districtLabels",
          });
        }
      },
    }).addTo(map);
    layer.bringToBack();
    outline.remove();
    // District names only once there is room for them.
    const toggleLabels = () =>
      map.getContainer().classList.toggle("hide-city-labels", map.getZoom() < LABEL_MIN_ZOOM);
    map.on("zoomend", toggleLabels);
    toggleLabels();
    const untouched = map.getCenter().equals(centre) && map.getZoom() === zoom;
    if (fitToDistricts && untouched && layer.getBounds().isValid()) {
      map.fitBounds(layer.getBounds());
    }
    return layer;
  } catch {
    outline.bindTooltip(gettext("City limits"));
    return outline;
  }
}

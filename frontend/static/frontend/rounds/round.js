// The round page: the map of the claims and options, and drawing a compromise geometry
// (Leaflet.draw from django-leaflet) into the add-option form's hidden field.
/* global L */
import { translateDrawing } from "../draw/tools.js";
import { pageConfig } from "../lib/config.js";
import { gettext } from "../lib/i18n.js";
import { claimsMap } from "./map.js";

const config = pageConfig();

function enableDrawing(map) {
  const input = document.getElementById("id_geometry");
  const status = document.getElementById("draw-status");
  if (!input || !L.Control.Draw) return;
  translateDrawing();
  const drawn = new L.FeatureGroup().addTo(map);
  map.addControl(
    new L.Control.Draw({
      draw: { polygon: { showArea: true }, polyline: true, rectangle: true, marker: true, circle: false, circlemarker: false },
      edit: { featureGroup: drawn },
    }),
  );
  const drawnText = gettext("Compromise geometry drawn. It is saved with the option.");
  const clearedText = gettext("No compromise geometry.");
  const sync = () => {
    const layers = drawn.getLayers();
    const geometry = layers.length ? layers[layers.length - 1].toGeoJSON().geometry : null;
    input.value = geometry ? JSON.stringify(geometry) : "";
    if (status) status.textContent = geometry ? drawnText : clearedText;
  };
  map.on(L.Draw.Event.CREATED, (event) => {
    drawn.clearLayers(); // one compromise geometry per option
    drawn.addLayer(event.layer);
    sync();
  });
  map.on(L.Draw.Event.EDITED, sync);
  map.on(L.Draw.Event.DELETED, sync);
}

function start() {
  const element = document.getElementById("round-map");
  if (!element) return;
  const { map } = claimsMap(element, config, { palette: config.palette, base: config.base });
  if (config.draw) enableDrawing(map);
}

if (window.L) start();
else window.addEventListener("load", start);

// Entry module of a pin's page: the pin on a small map, and the forms that use the API.
/* global L */
import { showFlash } from "../lib/flash.js";
import { pageConfig } from "../lib/config.js";
import { addBaseLayer, drawCity } from "../map/base.js";
import { pathStyle, pinIcon, setPalette } from "../map/style.js";
import { bindApiForm } from "./forms.js";
import { bindPlaceEditor } from "./place.js";

const config = pageConfig();
setPalette(config.categories);

function showPin(element, { geometry, kind, category }) {
  const map = L.map(element, { minZoom: config.minZoom, maxZoom: config.maxZoom });
  addBaseLayer(map, config);
  map.attributionControl.setPrefix(false);
  const pin = L.geoJSON(geometry, {
    style: pathStyle(category, kind),
    pointToLayer: (_feature, latlng) => L.marker(latlng, { icon: pinIcon(category, kind), keyboard: false }),
    interactive: false,
  }).addTo(map);
  map.fitBounds(pin.getBounds(), { maxZoom: 16, padding: [24, 24] });
  drawCity(map, config, { fitToDistricts: false });
  return map;
}

showFlash();
const map = showPin(document.getElementById("small-map"), config.pin);
for (const form of document.querySelectorAll("form.api-form")) bindApiForm(form);
const placeEditor = document.getElementById("edit-place");
if (placeEditor && L.Draw) bindPlaceEditor({ map, section: placeEditor, url: config.urls.detail, config });

// Entry module of the map page (/): map, pins, filters, drawing, and other areas' overlays.
/* global L */
import { bindDrawForm, focusNewPin } from "../draw/form.js";
import { keyboardDrawing } from "../draw/keyboard.js";
import { addDrawTools } from "../draw/tools.js";
import { pageConfig } from "../lib/config.js";
import { statusLine } from "../lib/dom.js";
import { showFlash } from "../lib/flash.js";
import { fill, gettext } from "../lib/i18n.js";
import { bindFilterForm, filtersFromForm } from "../list/query.js";
import { createMap, drawCity } from "./base.js";
import { keepViewInHash, viewFromHash } from "./hash.js";
import { createLoader } from "./loader.js";
import { addLocateControl } from "./locate.js";
import { registerOverlays } from "./overlays.js";
import { createPins } from "./pins.js";
import { addPlaceSearch } from "./search.js";
import { setPalette } from "./style.js";
import { createPinTiles } from "./tiles.js";

const config = pageConfig();
setPalette(config.categories);
showFlash(); // e.g. after withdrawing a pin on its page

const status = document.getElementById("map-status");
const announce = statusLine(status);

const map = createMap(document.getElementById("map"), config);
const view = viewFromHash();
if (view) map.setView(view.centre, view.zoom);
drawCity(map, config, { fitToDistricts: !view });
keepViewInHash(map);
const pins = createPins(map, config);
const tiles = config.urls.proposalTiles
  ? createPinTiles(map, { url: config.urls.proposalTiles, fresh: config.tileFresh })
  : null;
// Other areas add their overlays here; the control appears once there is something in it.
const layersControl = L.control.layers(null, null, { collapsed: true });
let controlShown = false;
for (const method of ["addOverlay", "addBaseLayer"]) {
  const original = layersControl[method].bind(layersControl);
  layersControl[method] = (...args) => {
    if (!controlShown) layersControl.addTo(map);
    controlShown = true;
    return original(...args);
  };
}

const filterForm = document.querySelector("form[data-filters]");
const listLink = document.getElementById("list-link");
const loader = createLoader({
  map,
  config,
  pins,
  tiles,
  getFilters: () => filtersFromForm(filterForm),
  onState: ({ state, count, error }) => {
    status.dataset.state = state;
    if (state === "loading") announce(gettext("Loading pins…"));
    if (state === "loaded" && count === null) {
      announce(gettext("Many pins here: the circles count them. Zoom in to see single pins."));
    } else if (state === "loaded") {
      announce(fill(gettext("%(count)s pins in this part of the map"), { count }));
    }
    if (state === "error") {
      // A 400 names the filter that is wrong; anything else gets the general message.
      const failed = gettext("The pins could not be loaded. Please try again.");
      announce(error?.status === 400 ? `${failed} ${error.message}` : failed, true);
    }
  },
});
bindFilterForm(filterForm, { onChange: () => loader.reload(), links: listLink ? [listLink] : [] });

const drawForm = document.getElementById("draw-form");
let pinHere = null; // offered by the place search to a signed-in resident
if (config.user.authenticated && drawForm) {
  let form = null;
  const { drawn, handlers, pinCentre } = addDrawTools(map, { onDrawn: (layer) => form.open(layer) });
  pinHere = pinCentre;
  const tools = document.getElementById("draw-tools");
  tools.hidden = false;
  // Drawing speaks in its own live region, which the pins' loading news does not overwrite.
  const say = statusLine(document.getElementById("draw-status"));
  keyboardDrawing(map, {
    handlers,
    placePoint: pinCentre,
    announce: say,
    elements: { tools, steps: document.getElementById("draw-steps") },
  });
  form = bindDrawForm({
    form: drawForm,
    hint: document.getElementById("draw-hint"),
    errorBox: document.getElementById("draw-error"),
    url: config.urls.proposals,
    photosUrl: config.urls.proposalPhotos,
    drawn,
    onCreated: (feature) => {
      tiles?.refresh();
      if ((feature.properties.scope ?? "drawn") !== "drawn") return listWideClaim(feature);
      focusNewPin(map);
      pins.addOne(feature);
    },
    announce: say,
    city: config,
  });
  document.getElementById("draw-wide").addEventListener("click", () => form.open(null));
}

// A new claim about a whole district or the city joins the list beside the map (the page
// lists them grouped on its next load).
function listWideClaim(feature) {
  const list = document.getElementById("wide-claims");
  document.getElementById("wide-none")?.remove();
  const item = document.createElement("p");
  const link = document.createElement("a");
  link.href = config.urls.proposalPage.replace("{id}", feature.id);
  link.textContent = feature.properties.title;
  item.append(link);
  list.append(item);
  link.focus(); // the form that had the focus is gone
}

const placeSearch = addPlaceSearch(map, config, { onPinHere: pinHere, announce });
addLocateControl(map, config, { announce, box: placeSearch.box, row: placeSearch.row });
registerOverlays({ map, config, layersControl });
loader.reload();
window.stadtmacher = { map, pins, tiles }; // for debugging and the browser tests

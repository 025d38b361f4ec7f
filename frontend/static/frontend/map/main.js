// Entry module of the map page (/): map, pins, filters, drawing, and other areas' overlays.
/* global L */
import { bindDrawForm } from "../draw/form.js";
import { addDrawTools } from "../draw/tools.js";
import { setStrings, t } from "../i18n/strings.js";
import { bindFilterForm, filtersFromForm } from "../list/query.js";
import { createMap, drawCity } from "./base.js";
import { keepViewInHash, viewFromHash } from "./hash.js";
import { createLoader } from "./loader.js";
import { registerOverlays } from "./overlays.js";
import { createPins } from "./pins.js";
import { setPalette } from "./style.js";

const config = JSON.parse(document.getElementById("page-config").textContent);
setStrings(config.strings);
setPalette(config.categories);

const status = document.getElementById("map-status");
function announce(text, isError = false) {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

const map = createMap(document.getElementById("map"), config);
const view = viewFromHash();
if (view) map.setView(view.centre, view.zoom);
drawCity(map, config, { fitToDistricts: !view });
keepViewInHash(map);
const pins = createPins(map, config);
// Other areas add their overlays here; the control appears once there is something in it.
const layersControl = L.control.layers(null, null, { collapsed: true });
for (const method of ["addOverlay", "addBaseLayer"]) {
  const original = layersControl[method].bind(layersControl);
  layersControl[method] = (...args) => {
    if (!layersControl._map) layersControl.addTo(map);
    return original(...args);
  };
}

const filterForm = document.querySelector("form[data-filters]");
const listLink = document.getElementById("list-link");
const loader = createLoader({
  map,
  config,
  pins,
  getFilters: () => filtersFromForm(filterForm),
  onState: ({ state, count, error }) => {
    status.dataset.state = state;
    if (state === "loading") announce(t("loading"));
    if (state === "loaded") announce(t("pinsShown", { count }));
    if (state === "error") {
      // A 400 names the filter that is wrong; anything else gets the general message.
      announce(error?.status === 400 ? `${t("loadFailed")} ${error.message}` : t("loadFailed"), true);
    }
  },
});
bindFilterForm(filterForm, { onChange: () => loader.reload(), links: listLink ? [listLink] : [] });

const drawForm = document.getElementById("draw-form");
if (config.user.authenticated && drawForm) {
  let form = null;
  const { drawn, pinCentre } = addDrawTools(map, { onDrawn: (layer) => form.open(layer) });
  document.getElementById("pin-centre-hint").hidden = false;
  document.getElementById("pin-centre").addEventListener("click", pinCentre);
  form = bindDrawForm({
    form: drawForm,
    hint: document.getElementById("draw-hint"),
    errorBox: document.getElementById("draw-error"),
    url: config.urls.proposals,
    drawn,
    onCreated: (feature) => pins.addOne(feature),
    announce,
  });
}

registerOverlays({ map, config, layersControl });
loader.reload();
window.stadtmacher = { map, pins }; // for debugging and the browser tests

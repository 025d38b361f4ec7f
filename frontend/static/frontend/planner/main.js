// Entry module of the planner page (/planner/): import, layers, rules, participation.
import { pageConfig } from "../lib/config.js";
import { createMap } from "../map/base.js";
import { bindBasemap } from "./basemap.js";
import { createLayerList } from "./layers.js";
import { createParticipation } from "./participation.js";
import { createRules } from "./rules.js";
import { bindUpload } from "./upload.js";

const config = pageConfig();

const map = createMap(document.getElementById("planner-map"), config);
const rules = createRules({ config });
const participation = createParticipation({ config });
const list = createLayerList({
  map,
  tbody: document.getElementById("layer-rows"),
  legendBox: document.getElementById("zone-legend"),
  config,
  onChange: (layers) => {
    rules.setLayers(layers);
    participation.setLayers(layers);
  },
});

bindUpload({
  form: document.getElementById("import-form"),
  urls: { ...config.planner.urls, layers: config.layers.urls.layers },
  onImported: () => list.refresh(),
});

bindBasemap({ form: document.getElementById("basemap-form"), url: config.planner.urls.basemapImports });

list.refresh();
window.stadtmacher = { map, participationMap: participation.map }; // for the browser tests

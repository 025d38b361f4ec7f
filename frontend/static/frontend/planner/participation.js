// The participation map: proposals per 1,000 inhabitants per district as a choropleth.
import { ensurePanes, fmt, participationLayer } from "../layers/view.js";
import { createMap } from "../map/base.js";

function option(value, label) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = label;
  return element;
}

export function createParticipation({ config }) {
  const select = document.getElementById("participation-layer");
  const legend = document.getElementById("participation-legend");
  const status = document.getElementById("participation-status");
  const strings = { ...config.layers.strings, ...config.planner.strings };
  const map = createMap(document.getElementById("participation-map"), config);
  ensurePanes(map);
  let current = null;
  let districts = [];

  async function show() {
    current?.remove();
    current = null;
    legend.replaceChildren();
    const layer = districts.find((l) => l.slug === select.value);
    if (!layer) {
      status.textContent = strings.noDistricts;
      return;
    }
    try {
      const choropleth = await participationLayer(layer, {
        url: config.layers.urls.participation,
        strings,
      });
      current = choropleth.layer.addTo(map);
      if (choropleth.layer.getBounds().isValid()) map.fitBounds(choropleth.layer.getBounds());
      legend.replaceChildren(choropleth.legend);
      status.textContent = choropleth.data.unassigned
        ? fmt(strings.unassigned, { count: choropleth.data.unassigned })
        : "";
    } catch (exc) {
      status.textContent = exc.message;
    }
  }
  select.addEventListener("change", show);

  return {
    map,
    setLayers(layers) {
      districts = layers.filter((l) => l.kind === "district" && l.state === "done");
      const previous = select.value;
      select.replaceChildren(...districts.map((l) => option(l.slug, l.name)));
      if (districts.some((l) => l.slug === previous)) select.value = previous;
      show();
    },
  };
}

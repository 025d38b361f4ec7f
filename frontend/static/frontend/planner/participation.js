// The participation map: proposals per 1,000 inhabitants per district as a choropleth.
import { ensurePanes, participationLayer } from "../layers/view.js";
import { option } from "../lib/dom.js";
import { fill, gettext, ngettext } from "../lib/i18n.js";
import { createMap } from "../map/base.js";

export function createParticipation({ config }) {
  const select = document.getElementById("participation-layer");
  const legend = document.getElementById("participation-legend");
  const status = document.getElementById("participation-status");
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
      status.textContent = gettext(
        "Import a district layer with a population attribute to see participation.",
      );
      return;
    }
    try {
      const choropleth = await participationLayer(layer, { url: config.layers.urls.participation });
      current = choropleth.layer.addTo(map);
      if (choropleth.layer.getBounds().isValid()) map.fitBounds(choropleth.layer.getBounds());
      legend.replaceChildren(choropleth.legend);
      status.textContent = choropleth.data.unassigned
        ? fill(ngettext("%(count)s proposal lies outside every district.", "%(count)s proposals lie outside every district.", choropleth.data.unassigned), {
            count: choropleth.data.unassigned,
          })
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

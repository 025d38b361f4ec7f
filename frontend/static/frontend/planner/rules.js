// The rule matrix of a zoning layer: zone codes × categories, a verdict per cell; saved
// with PUT to the rules API, or replaced from a CSV file.
import { apiFetch, fillUrl } from "../api/client.js";
import { elementsById, option, statusLine } from "../lib/dom.js";
import { fill, gettext } from "../lib/i18n.js";
import { zoneLabel } from "../layers/view.js";
import { postForm } from "./forms.js";

export function createRules({ config }) {
  const { urls, verdicts } = config.planner;
  const noZoning = gettext("Import a zoning layer to set its rules.");
  const saveFailed = (exc) =>
    say(fill(gettext("The rules could not be saved: %(error)s"), { error: exc.message }), true);
  const { select, table, form, csvForm, status, section } = elementsById({
    select: "rules-layer",
    table: "rule-matrix",
    form: "rules-form",
    csvForm: "rules-csv-form",
    status: "rules-status",
    section: "rules-section",
  });

  const say = statusLine(status);
  let zoneNames = {}; // the chosen layer's {zone code: zone name}, from its legend
  let zoningLayers = [];

  function render(matrix) {
    const head = document.createElement("tr");
    const corner = document.createElement("th");
    corner.textContent = gettext("Zone");
    head.append(corner);
    for (const category of config.categories) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = category.label;
      head.append(th);
    }
    const rows = Object.entries(matrix).map(([code, row]) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = zoneLabel(code, zoneNames[code]);
      tr.append(th);
      for (const category of config.categories) {
        const td = document.createElement("td");
        const cellSelect = document.createElement("select");
        cellSelect.dataset.zone = code;
        cellSelect.dataset.category = category.value;
        cellSelect.setAttribute("aria-label", `${code} · ${category.label}`);
        cellSelect.append(option("", gettext("not set")), ...verdicts.map((v) => option(v.value, v.label)));
        cellSelect.value = row[category.value] || "";
        cellSelect.dataset.verdict = cellSelect.value;
        cellSelect.addEventListener("change", () => {
          cellSelect.dataset.verdict = cellSelect.value;
        });
        td.append(cellSelect);
        tr.append(td);
      }
      return tr;
    });
    const thead = document.createElement("thead");
    thead.append(head);
    const tbody = document.createElement("tbody");
    tbody.append(...rows);
    table.replaceChildren(thead, tbody);
  }

  async function load() {
    if (!select.value) {
      table.replaceChildren();
      return;
    }
    const legend = zoningLayers.find((l) => l.slug === select.value)?.legend || [];
    zoneNames = Object.fromEntries(legend.map((entry) => [entry.zone_code, entry.zone_name]));
    render(await apiFetch(fillUrl(urls.rules, select.value)));
  }

  select.addEventListener("change", () => {
    say("");
    load();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const matrix = {};
    for (const cellSelect of table.querySelectorAll("select")) {
      matrix[cellSelect.dataset.zone] ??= {};
      if (cellSelect.value) matrix[cellSelect.dataset.zone][cellSelect.dataset.category] = cellSelect.value;
    }
    try {
      render(await apiFetch(fillUrl(urls.rules, select.value), { method: "PUT", body: matrix }));
      say(gettext("The rules are saved; overlays are updated."));
    } catch (exc) {
      saveFailed(exc);
    }
  });

  csvForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = csvForm.elements.file.files[0];
    if (!file) return;
    const data = new FormData();
    data.append("file", file);
    try {
      render(await postForm(fillUrl(urls.rulesCsv, select.value), data));
      say(gettext("The rules from the CSV file are saved."));
      csvForm.reset();
    } catch (exc) {
      saveFailed(exc);
    }
  });

  return {
    setLayers(layers) {
      const zoning = layers.filter((l) => l.kind === "zoning" && l.state === "done");
      zoningLayers = zoning;
      const previous = select.value;
      select.replaceChildren(...zoning.map((l) => option(l.slug, l.name)));
      if (zoning.some((l) => l.slug === previous)) select.value = previous;
      form.hidden = csvForm.hidden = zoning.length === 0;
      if (zoning.length === 0) say(noZoning);
      else if (status.textContent === noZoning) say("");
      section.dataset.layers = String(zoning.length);
      load();
    },
  };
}

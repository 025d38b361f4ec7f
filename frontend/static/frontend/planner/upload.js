// The import form: read the file's layers and attributes, upload it, follow the import's
// progress until it is done or failed, then show the import report.
import { apiFetch } from "../api/client.js";
import { fill, fmt } from "../layers/view.js";
import { postForm, showError } from "./forms.js";

const POLL_MS = 500;

function option(value, label) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = label;
  return element;
}

export function bindUpload({ form, urls, strings, onImported }) {
  const file = form.elements.file;
  const layerField = document.getElementById("import-layer-field");
  const layerSelect = form.elements.layer;
  const fields = document.getElementById("import-fields");
  const inspectStatus = document.getElementById("inspect-status");
  const error = document.getElementById("import-error");
  const box = document.getElementById("import-progress-box");
  const progress = document.getElementById("import-progress");
  const status = document.getElementById("import-status");
  const report = document.getElementById("import-report");
  let inspected = [];

  function showKindFields() {
    for (const field of form.querySelectorAll("[data-for-kind]")) {
      field.hidden = field.dataset.forKind !== form.elements.kind.value;
    }
  }
  form.elements.kind.addEventListener("change", showKindFields);
  showKindFields();

  function offerFields() {
    const chosen = inspected.find((l) => l.name === layerSelect.value) || inspected[0];
    fields.replaceChildren(...(chosen?.fields || []).map((name) => option(name, name)));
  }
  layerSelect.addEventListener("change", offerFields);

  file.addEventListener("change", async () => {
    inspected = [];
    layerSelect.replaceChildren();
    layerField.hidden = true;
    showError(error, "");
    const chosen = file.files[0];
    if (!chosen) return;
    if (!form.elements.name.value) form.elements.name.value = chosen.name.replace(/\.[^.]+$/, "");
    inspectStatus.textContent = strings.inspecting;
    const data = new FormData();
    data.append("file", chosen);
    try {
      inspected = (await postForm(urls.inspect, data)).layers;
      inspectStatus.textContent = "";
    } catch (exc) {
      inspectStatus.textContent = fmt(strings.inspectFailed, { error: exc.message });
      return;
    }
    for (const layer of inspected) {
      const label = `${layer.name} (${layer.geometry_type}, ${layer.feature_count})`;
      layerSelect.append(option(layer.name, label));
    }
    layerField.hidden = inspected.length < 2;
    offerFields();
  });

  function renderReport(layer) {
    const r = layer.report || {};
    const list = document.createElement("div");
    list.className = "import-report";
    const counts = document.createElement("p");
    counts.textContent =
      `${strings.reportRead}: ${r.read ?? 0} · ${strings.reportImported}: ${r.imported ?? 0}` +
      ` · ${strings.reportRepaired}: ${r.repaired ?? 0} · ${strings.reportRefused}: ${r.refused ?? 0}`;
    list.append(counts);
    for (const key of ["refusals", "repairs"]) {
      const items = (r[key] || []).slice(0, 100);
      if (!items.length) continue;
      const ul = document.createElement("ul");
      ul.dataset.report = key;
      for (const item of items) {
        const li = document.createElement("li");
        li.textContent = fmt(strings.reportFeature, item);
        ul.append(li);
      }
      list.append(ul);
    }
    report.replaceChildren(list);
    report.hidden = false;
  }

  async function follow(slug) {
    for (;;) {
      const layer = await apiFetch(fill(urls.detail, slug));
      progress.value = layer.state === "done" ? 100 : layer.progress;
      box.dataset.state = layer.state;
      if (layer.state === "done") {
        status.textContent = fmt(strings.done, { count: layer.feature_count });
        renderReport(layer);
        return layer;
      }
      if (layer.state === "failed") {
        status.textContent = fmt(strings.failed, { error: layer.error });
        status.classList.add("error");
        renderReport(layer);
        return layer;
      }
      status.textContent = layer.state === "pending" ? strings.pending : strings.running;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(error, "");
    if (!file.files[0]) {
      file.focus();
      return;
    }
    const data = new FormData(form);
    for (const [key, value] of [...data.entries()]) {
      if (value === "" || (key === "layer" && inspected.length < 2)) data.delete(key);
    }
    for (const field of form.querySelectorAll("[data-for-kind][hidden] input")) {
      data.delete(field.name);
    }
    const submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    box.hidden = false;
    box.dataset.state = "uploading";
    progress.value = 0;
    report.hidden = true;
    status.classList.remove("error");
    status.textContent = strings.uploading;
    try {
      const accepted = await postForm(urls.layers, data);
      const layer = await follow(accepted.slug);
      onImported(layer);
      if (layer.state === "done") {
        form.reset();
        showKindFields();
        layerField.hidden = true;
      }
    } catch (exc) {
      box.hidden = true;
      showError(error, fmt(strings.uploadFailed, { error: exc.message }));
    } finally {
      submit.disabled = false;
    }
  });
}

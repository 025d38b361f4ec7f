// The import form: read the file's layers and attributes, upload it, follow the import's
// progress until it is done or failed, then show the import report.
import { apiFetch, fillUrl } from "../api/client.js";
import { elementsById, option } from "../lib/dom.js";
import { fill, gettext, ngettext } from "../lib/i18n.js";
import { postForm, showError } from "./forms.js";

const POLL_MS = 500;
const XPLAN_ZONE = "xplan:artDerBaulNutzung"; // layers.xplanung.ZONE_FIELD

export function bindUpload({ form, urls, onImported }) {
  const file = form.elements.file;
  const layerSelect = form.elements.layer;
  const { layerField, confirmField, fields, inspectStatus, error, box, progress, status, report } = elementsById({
    layerField: "import-layer-field",
    confirmField: "import-confirm-field",
    fields: "import-fields",
    inspectStatus: "inspect-status",
    error: "import-error",
    box: "import-progress-box",
    progress: "import-progress",
    status: "import-status",
    report: "import-report",
  });
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
    // An XPlanung class with ArtDerBaulNutzung: its zone is made from it (BauNVO names).
    const zoneInput = form.elements.zone_field;
    if (chosen?.fields?.[0] === XPLAN_ZONE && !zoneInput.value) zoneInput.value = XPLAN_ZONE;
  }

  // The plan an XPlanGML file describes: "XPlanGML 5.4, BP: name, legal status, dates".
  function planText(plan) {
    const dates = Object.entries(plan.dates || {}).map(([key, value]) => `${key} ${value}`);
    const status = plan.legal_status_name || plan.legal_status;
    return fill(gettext("XPlanGML %(version)s, %(type)s plan: %(name)s"), plan)
      + [status ? fill(gettext("legal status: %(status)s"), { status }) : "", ...dates]
        .filter(Boolean).map((text) => ` · ${text}`).join("");
  }
  layerSelect.addEventListener("change", offerFields);

  file.addEventListener("change", async () => {
    inspected = [];
    layerSelect.replaceChildren();
    layerField.hidden = true;
    confirmField.hidden = true;
    form.elements.confirm_outside.checked = false;
    showError(error, "");
    const chosen = file.files[0];
    if (!chosen) return;
    if (!form.elements.name.value) form.elements.name.value = chosen.name.replace(/\.[^.]+$/, "");
    inspectStatus.textContent = gettext("Reading the file…");
    const data = new FormData();
    data.append("file", chosen);
    try {
      inspected = (await postForm(urls.inspect, data)).layers;
      inspectStatus.textContent = "";
    } catch (exc) {
      inspectStatus.textContent = fill(gettext("The file could not be read: %(error)s"), { error: exc.message });
      return;
    }
    for (const layer of inspected) {
      const label = `${layer.name} (${layer.geometry_type}, ${layer.feature_count})`;
      layerSelect.append(option(layer.name, label));
    }
    if (inspected[0]?.plan) {
      inspectStatus.textContent = planText(inspected[0].plan);
      const zoning = inspected.find((l) => l.fields[0] === XPLAN_ZONE);
      if (zoning) layerSelect.value = zoning.name;
    }
    layerField.hidden = inspected.length < 2;
    offerFields();
  });

  // Where the layer landed: features outside the city's bounds, and the coordinate
  // check's sentence when most of the layer lies outside (imported because confirmed).
  function locationLines(r) {
    const lines = [];
    if (r.outside_city) {
      const p = document.createElement("p");
      p.className = "warning";
      p.dataset.report = "outside-city";
      p.textContent = fill(gettext("%(count)s of %(total)s features lie outside the city's bounds."), {
        count: r.outside_city,
        total: r.imported ?? 0,
      });
      lines.push(p);
    }
    if (r.location?.message) {
      const p = document.createElement("p");
      p.className = "warning";
      p.dataset.report = "location";
      p.textContent = fill(gettext("Coordinate check: %(message)s."), { message: r.location.message });
      lines.push(p);
    }
    return lines;
  }

  // What the new layer changed for live proposals, or, for a zoning layer that waits for
  // confirmation, would change (without rules its zones turn verdicts to "unknown").
  function sideEffectLines(r) {
    const effects = r.side_effects || {};
    const texts = [];
    if (r.pending_effects) {
      texts.push(fill(gettext("The zoning layer is not in effect yet: it would change the verdict of %(count)s of the %(total)s proposals on it (%(unknown)s to unknown). Set its rules below, then put it into effect in the layer table."), {
        count: r.pending_effects.compatibility_changed ?? 0,
        total: r.pending_effects.proposals ?? 0,
        unknown: r.pending_effects.now_unknown ?? 0,
      }));
    }
    if (effects.compatibility_changed) {
      texts.push(fill(gettext("The import changed the compatibility of %(count)s proposals; %(unknown)s are now unknown until the layer's rules are set."), {
        count: effects.compatibility_changed,
        unknown: effects.now_unknown ?? 0,
      }));
    }
    if (effects.district_changed) {
      texts.push(fill(ngettext("%(count)s proposal now belongs to a district of this layer; the layer table says which district layer decides.", "%(count)s proposals now belong to a district of this layer; the layer table says which district layer decides.", effects.district_changed), {
        count: effects.district_changed,
      }));
    }
    return texts.map((text) => {
      const p = document.createElement("p");
      p.className = "warning";
      p.dataset.report = "side-effects";
      p.textContent = text;
      return p;
    });
  }

  function renderReport(layer) {
    const r = layer.report || {};
    const list = document.createElement("div");
    list.className = "import-report";
    const counts = document.createElement("p");
    counts.textContent = [
      `${gettext("Features read")}: ${r.read ?? 0}`,
      `${gettext("imported")}: ${r.imported ?? 0}`,
      `${gettext("repaired")}: ${r.repaired ?? 0}`,
      `${gettext("refused")}: ${r.refused ?? 0}`,
    ].join(" · ");
    list.append(counts);
    list.append(...locationLines(r), ...sideEffectLines(r));
    if (r.plan) {
      const plan = document.createElement("p");
      plan.dataset.report = "plan";
      plan.textContent = planText(r.plan);
      list.append(plan);
    }
    if (r.ignored_files?.length) {
      const ignored = document.createElement("p");
      ignored.dataset.report = "ignored-files";
      ignored.textContent = fill(gettext("Ignored files in the zip: %(files)s"), {
        files: r.ignored_files.join(", "),
      });
      list.append(ignored);
    }
    for (const key of ["refusals", "repairs"]) {
      const items = (r[key] || []).slice(0, 100);
      if (!items.length) continue;
      const ul = document.createElement("ul");
      ul.dataset.report = key;
      for (const item of items) {
        const li = document.createElement("li");
        li.textContent = fill(gettext("Feature %(feature)s: %(reason)s"), item);
        ul.append(li);
      }
      list.append(ul);
    }
    report.replaceChildren(list);
    report.hidden = false;
  }

  async function follow(slug) {
    for (;;) {
      const layer = await apiFetch(fillUrl(urls.detail, slug));
      progress.value = layer.state === "done" ? 100 : layer.progress;
      box.dataset.state = layer.state;
      if (layer.state === "done") {
        status.textContent = fill(gettext("Import finished: %(count)s features."), { count: layer.feature_count });
        renderReport(layer);
        return layer;
      }
      if (layer.state === "failed") {
        status.textContent = fill(gettext("The import failed: %(error)s"), { error: layer.error });
        status.classList.add("error");
        renderReport(layer);
        return layer;
      }
      // layer.waiting: the server's sentence when no worker picked the job up for a while.
      status.textContent = layer.state === "pending"
          ? layer.waiting || gettext("Waiting for the import to start…")
          : gettext("Importing…");
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
    // Only the fields of the chosen kind count (the zone name and the district name are
    // both name_field), and no empty ones.
    const hidden = new Set([...form.querySelectorAll("[data-for-kind][hidden] input")]);
    const data = new FormData();
    for (const element of form.elements) {
      if (!element.name || hidden.has(element) || element.type === "submit") continue;
      if (element.type === "file") {
        if (element.files[0]) data.append(element.name, element.files[0]);
      } else if (element.type === "checkbox") {
        if (element.checked) data.append(element.name, element.value);
      } else if (element.value !== "" && !(element.name === "layer" && inspected.length < 2)) {
        data.append(element.name, element.value);
      }
    }
    const submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    box.hidden = false;
    box.dataset.state = "uploading";
    progress.value = 0;
    report.hidden = true;
    status.classList.remove("error");
    status.textContent = gettext("Uploading…");
    try {
      const accepted = await postForm(urls.layers, data);
      const layer = await follow(accepted.slug);
      onImported(layer);
      if (layer.state === "done") {
        form.reset();
        showKindFields();
        layerField.hidden = true;
        confirmField.hidden = true;
      }
    } catch (exc) {
      box.hidden = true;
      const outside = exc.data?.confirm_outside;
      if (outside) confirmField.hidden = false; // the planner may confirm and send it again
      const reason = outside ? [].concat(outside).join(" ") : exc.message;
      showError(error, fill(gettext("The file was not accepted: %(error)s"), { error: reason }));
    } finally {
      submit.disabled = false;
    }
  });
}

// The layer list: a table with a "show on the map" toggle and delete per layer, and the
// planner's map with the switched-on layers and the legends of zoning layers.
import { apiFetch, fillUrl } from "../api/client.js";
import { referenceLayer, zoneLegend } from "../layers/view.js";
import { fill, gettext, ngettext } from "../lib/i18n.js";

const REFRESH_MS = 2000;

function cell(content) {
  const td = document.createElement("td");
  if (content instanceof Node) td.append(content);
  else td.textContent = content ?? "";
  return td;
}

export function createLayerList({ map, tbody, legendBox, config, onChange }) {
  const { urls } = config.layers;
  const planner = config.planner;
  const kindLabels = Object.fromEntries(
    [...document.getElementById("import-kind").options].map((o) => [o.value, o.textContent]),
  );
  const shown = new Map(); // slug -> Leaflet layer on the map
  const hidden = new Set(); // slugs the planner switched off
  let layers = [];
  let pending = null;

  function renderLegends() {
    const boxes = layers
      .filter((layer) => layer.kind === "zoning" && shown.has(layer.slug))
      .filter((layer) => map.hasLayer(shown.get(layer.slug)))
      .map((layer) => zoneLegend(layer));
    legendBox.replaceChildren(...boxes);
  }

  function setShown(layer, on) {
    let overlay = shown.get(layer.slug);
    if (on && !overlay) {
      overlay = referenceLayer(map, layer, { featuresUrl: urls.features });
      shown.set(layer.slug, overlay);
    }
    if (on) overlay.addTo(map);
    else overlay?.remove();
    if (on) hidden.delete(layer.slug);
    else hidden.add(layer.slug);
    renderLegends();
  }

  async function remove(layer) {
    if (!window.confirm(fill(gettext("Delete the layer “%(name)s” with all its features and rules?"), {
      name: layer.name,
    }))) return;
    try {
      await apiFetch(fillUrl(planner.urls.detail, layer.slug), { method: "DELETE" });
    } catch (exc) {
      window.alert(fill(gettext("The layer could not be deleted: %(error)s"), { error: exc.message }));
    }
    await refresh();
  }

  // Where district layers overlap, the one a planner marks decides a proposal's district.
  async function toggleAuthoritative(layer) {
    try {
      const changes = await apiFetch(layer.urls.authoritative, { method: layer.authoritative ? "DELETE" : "POST" });
      window.alert(fill(ngettext("%(count)s proposal changed its district.", "%(count)s proposals changed their district.", changes.district_changed), { count: changes.district_changed }));
    } catch (exc) {
      window.alert(fill(gettext("The choice could not be saved: %(error)s"), { error: exc.message }));
    }
    await refresh();
  }

  function authoritativeButton(layer) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.action = "authoritative";
    button.setAttribute("aria-pressed", String(Boolean(layer.authoritative)));
    button.textContent = layer.authoritative ? gettext("Decides the districts") : gettext("Let it decide the districts");
    button.addEventListener("click", () => toggleAuthoritative(layer));
    return button;
  }

  // A zoning layer a planner has not confirmed yet: what it would change, counted afresh
  // (rules set meanwhile count), and the button that puts it into effect.
  function effectsText(effects) {
    const labels = planner.compatibilities || {};
    const parts = (effects.transitions || []).map((t) => fill(gettext("%(count)s %(from)s → %(to)s"), {
      count: t.count,
      from: labels[t.from] || t.from,
      to: labels[t.to] || t.to,
    }));
    const sentence = fill(gettext("Not in effect yet. It would change the verdict of %(count)s of the %(total)s proposals on the layer."), {
      count: effects.compatibility_changed ?? 0,
      total: effects.proposals ?? 0,
    });
    return parts.length ? `${sentence} (${parts.join(", ")})` : sentence;
  }

  async function putInEffect(layer, effects) {
    const question = fill(gettext("Put “%(name)s” into effect? The verdict of %(count)s proposals will change."), {
      name: layer.name,
      count: effects.compatibility_changed ?? 0,
    });
    if (!window.confirm(question)) return;
    try {
      const changes = await apiFetch(layer.urls.put_in_effect, { method: "POST" });
      window.alert(fill(gettext("“%(name)s” is in effect: the verdict of %(count)s proposals changed."), {
        name: layer.name,
        count: changes.compatibility_changed,
      }));
    } catch (exc) {
      window.alert(fill(gettext("The layer could not be put into effect: %(error)s"), { error: exc.message }));
    }
    await refresh();
  }

  function pendingBlock(layer) {
    const box = document.createElement("div");
    box.className = "pending-effects warning";
    box.dataset.pendingEffects = layer.slug;
    const text = document.createElement("p");
    let effects = layer.report?.pending_effects || {};
    text.textContent = effectsText(effects);
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.action = "put-in-effect";
    button.textContent = gettext("Put into effect");
    button.addEventListener("click", () => putInEffect(layer, effects));
    box.append(text, button);
    apiFetch(layer.urls.effects).then((fresh) => {
      effects = fresh;
      text.textContent = effectsText(fresh);
      box.dataset.counted = "fresh";
    }).catch(() => {}); // the stored count stays
    return box;
  }

  function row(layer) {
    const tr = document.createElement("tr");
    tr.dataset.slug = layer.slug;
    tr.dataset.state = layer.state;
    const toggle = document.createElement("input");
    toggle.type = "checkbox";
    toggle.setAttribute("aria-label", `${gettext("Show on the map")}: ${layer.name}`);
    toggle.disabled = layer.state !== "done";
    toggle.checked = layer.state === "done" && !hidden.has(layer.slug);
    toggle.addEventListener("change", () => setShown(layer, toggle.checked));
    const state = document.createElement("span");
    const stateLabel = planner.states[layer.state] || layer.state;
    state.textContent = layer.state === "failed" ? `${stateLabel}: ${layer.error}`
      : layer.waiting ? `${stateLabel}: ${layer.waiting}` : stateLabel;
    state.className = `state-${layer.state}`;
    const del = document.createElement("button");
    del.type = "button";
    del.className = "danger";
    del.textContent = gettext("Delete");
    del.addEventListener("click", () => remove(layer));
    const actions = cell(del);
    if (layer.kind === "district" && layer.state === "done") actions.prepend(authoritativeButton(layer), " ");
    const stateCell = cell(state);
    if (layer.state === "done" && layer.in_effect === false) {
      tr.dataset.inEffect = "false";
      stateCell.append(pendingBlock(layer));
    }
    tr.append(
      cell(toggle),
      cell(layer.name),
      cell(kindLabels[layer.kind] || layer.kind),
      stateCell,
      cell(String(layer.feature_count)),
      actions,
    );
    return tr;
  }

  async function refresh() {
    layers = await apiFetch(urls.layers);
    const slugs = new Set(layers.map((l) => l.slug));
    for (const [slug, overlay] of shown) {
      if (!slugs.has(slug)) {
        overlay.remove();
        shown.delete(slug);
      }
    }
    if (layers.length === 0) {
      const tr = document.createElement("tr");
      const td = cell(gettext("No layers yet. Import one above."));
      td.colSpan = 6;
      tr.append(td);
      tbody.replaceChildren(tr);
    } else {
      tbody.replaceChildren(...layers.map(row));
    }
    for (const layer of layers) {
      if (layer.state === "done") setShown(layer, !hidden.has(layer.slug));
    }
    onChange(layers);
    // Imports started elsewhere (another planner, the command line) finish by themselves.
    clearTimeout(pending);
    if (layers.some((l) => l.state === "pending" || l.state === "running")) {
      pending = setTimeout(refresh, REFRESH_MS);
    }
    return layers;
  }

  return { refresh };
}

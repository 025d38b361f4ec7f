// Loads the pins in view: on every move (debounced) and filter change, aborting a request
// that a newer one has overtaken.
import { apiFetch } from "../api/client.js";
import { filterParams } from "../list/query.js";
import { bboxFromBounds } from "./base.js";

const DEBOUNCE_MS = 250;

// The view padded by a quarter and cut to the city's box (no pin lies outside it).
function viewBbox(map, cityBbox) {
  const [w, s, e, n] = bboxFromBounds(map.getBounds().pad(0.25));
  const box = [
    Math.max(w, cityBbox[0]),
    Math.max(s, cityBbox[1]),
    Math.min(e, cityBbox[2]),
    Math.min(n, cityBbox[3]),
  ];
  if (box[0] >= box[2] || box[1] >= box[3]) return null;
  return box.map((v) => v.toFixed(6)).join(",");
}

export function createLoader({ map, config, pins, getFilters, onState }) {
  let controller = null;
  let timer = null;

  async function load() {
    controller?.abort();
    if (!config.urls.proposals) return;
    const bbox = viewBbox(map, config.cityBbox);
    if (!bbox) {
      pins.sync([]);
      return;
    }
    const params = filterParams(getFilters());
    params.set("bbox", bbox);
    controller = new AbortController();
    const { signal } = controller;
    onState({ state: "loading" });
    try {
      const collection = await apiFetch(`${config.urls.proposals}?${params}`, { signal });
      pins.sync(collection.features);
      onState({ state: "loaded", count: collection.features.length });
    } catch (error) {
      if (signal.aborted) return;
      onState({ state: "error", error });
    }
  }

  function schedule(delay = DEBOUNCE_MS) {
    clearTimeout(timer);
    timer = setTimeout(load, delay);
  }

  map.on("moveend", () => schedule());
  return { reload: () => schedule(0) };
}

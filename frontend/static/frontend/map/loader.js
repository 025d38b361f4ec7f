// Loads the pins in view (lib/inview.js): on every move (debounced) and filter change.
import { viewLoader } from "../lib/inview.js";
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
  const loader = viewLoader(map, {
    url: () => {
      const bbox = config.urls.proposals ? viewBbox(map, config.cityBbox) : null;
      if (!bbox) return null;
      const params = filterParams(getFilters());
      params.set("bbox", bbox);
      return `${config.urls.proposals}?${params}`;
    },
    show: (collection) => {
      // Claims about a whole district or the city are listed beside the map, not drawn on it.
      const features = (collection?.features ?? []).filter(
        (f) => (f.properties.scope ?? "drawn") === "drawn",
      );
      pins.sync(features);
      return features.length;
    },
    onState,
    debounceMs: DEBOUNCE_MS,
  });
  loader.start();
  return { reload: () => loader.reload(0) };
}

// Loads the pins in view (lib/inview.js): on every move (debounced) and filter change.
// Markers are for views with few pins: the request carries limit=config.markerLimit, and
// when more match, the answer says so (limitExceeded) and the pins are drawn as vector
// tiles instead (tiles.js), with the same filters. "Only mine" and views from MARKER_ZOOM
// on are always markers.
import { viewLoader } from "../lib/inview.js";
import { filterParams } from "../list/query.js";
import { bboxFromBounds } from "./base.js";
import { MARKER_ZOOM } from "./tiles.js";

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

export function createLoader({ map, config, pins, tiles, getFilters, onState }) {
  const loader = viewLoader(map, {
    url: () => {
      const bbox = config.urls.proposals ? viewBbox(map, config.cityBbox) : null;
      if (!bbox) return null;
      const params = filterParams(getFilters());
      params.set("bbox", bbox);
      if (tiles && !params.has("author") && map.getZoom() < MARKER_ZOOM) {
        params.set("limit", config.markerLimit);
      }
      return `${config.urls.proposals}?${params}`;
    },
    show: (collection) => {
      if (collection?.limitExceeded) {
        pins.sync([]);
        tiles.show(filterParams(getFilters()));
        return null; // counted by the tiles, not here
      }
      tiles?.hide();
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

// Loads the pins in view (lib/inview.js): on every move (debounced) and filter change.
// Markers are for views with few pins: the request carries limit=config.markerLimit, and
// when more match, the answer says so (limitExceeded) and the pins are drawn as vector
// tiles instead (tiles.js), with the same filters. "Only mine" and views from MARKER_ZOOM
// on are always markers.
// Before that request, the view sums the pins of its tiles from the count tiles
// (/api/tiles/proposals/counts/, COUNT_DEPTH zooms above the view, 8 x 8 counts each). They
// are the same for every reader of that part of the city, so shared caches and the browser
// answer them: where they add up to more than markerLimit, the tiles are drawn without any
// question to the app about this particular view.
import { apiFetch } from "../api/client.js";
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

const COUNT_DEPTH = 3; // publishing/tiles.py
const TILE_SIZE = 256;

// How many pins the tiles of the view at `zoom` that meet bbox (w,s,e,n) hold, at least:
// each tile's count stops at config.markerLimit + 1.
async function pinsInTiles(map, template, { bbox, zoom, query, signal }) {
  const [w, s, e, n] = bbox;
  const nw = map.project([n, w], zoom).divideBy(TILE_SIZE).floor();
  const se = map.project([s, e], zoom).divideBy(TILE_SIZE).floor();
  const side = 2 ** COUNT_DEPTH;
  const asks = [];
  for (let cx = Math.floor(nw.x / side); cx <= Math.floor(se.x / side); cx += 1) {
    for (let cy = Math.floor(nw.y / side); cy <= Math.floor(se.y / side); cy += 1) {
      const url = template
        .replace("{z}", zoom - COUNT_DEPTH)
        .replace("{x}", cx)
        .replace("{y}", cy);
      asks.push(apiFetch(query ? `${url}?${query}` : url, { signal }));
    }
  }
  let total = 0;
  for (const answer of await Promise.all(asks)) {
    answer.counts.forEach((row, dy) =>
      row.forEach((count, dx) => {
        const x = answer.x + dx;
        const y = answer.y + dy;
        if (x >= nw.x && x <= se.x && y >= nw.y && y <= se.y) total += count;
      }),
    );
  }
  return total;
}

export function createLoader({ map, config, pins, tiles, getFilters, onState }) {
  const countsUrl = tiles ? config.urls.proposalCounts : null;

  // The features for `target`, unless the count tiles show more pins in view than markers
  // are for: then an answer as the app would give it, without asking the app.
  async function fetchPins(target, options) {
    const url = new URL(target, window.location.origin);
    const zoom = Math.floor(map.getZoom());
    if (countsUrl && url.searchParams.has("limit") && zoom >= COUNT_DEPTH) {
      const query = filterParams(getFilters());
      const stamp = tiles.stamp();
      if (stamp) query.set("fresh", stamp);
      const bbox = url.searchParams.get("bbox").split(",").map(Number);
      const counted = await pinsInTiles(map, countsUrl, {
        bbox,
        zoom,
        query: query.toString(),
        signal: options.signal,
      });
      if (counted > config.markerLimit) return { limitExceeded: true };
    }
    return apiFetch(target, options);
  }

  const loader = viewLoader(map, {
    fetch: fetchPins,
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

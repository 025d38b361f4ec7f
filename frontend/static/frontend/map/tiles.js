// The pins as vector tiles (/api/tiles/proposals/{z}/{x}/{y}.pbf), drawn on canvas by the
// vendored protomaps-leaflet (global protomapsL) where the view holds too many pins for
// markers. Below zoom 14 a tile holds counts per grid cell, drawn as numbered circles in the
// colour of the cell's most frequent category; from 14 on it holds the pins themselves.
// The filters are part of the tile URL: a new filter is a new layer. A click zooms in
// towards what was clicked, down to where the pins are markers again.
/* global protomapsL */
import { cellRules, createTileOverlay } from "../lib/tileoverlay.js";
import { colourOf } from "./style.js";

const CATEGORIES = ["housing", "mobility", "green_space", "public_space", "commons", "other"];
// From this zoom on the view is a few streets: always markers, however many.
export const MARKER_ZOOM = 16;
const POINT = 1;
const LINE = 2;
const POLYGON = 3;

function mainCategory(props) {
  let best = "other";
  for (const category of CATEGORIES) {
    if ((props[category] ?? 0) > (props[best] ?? 0)) best = category;
  }
  return best;
}

const cells = cellRules("proposal_cells", (z, f) => colourOf(mainCategory(f.props)));

const paintRules = [
  cells.paint,
  {
    dataLayer: "proposals",
    filter: (z, f) => f.geomType === POLYGON,
    symbolizer: new protomapsL.PolygonSymbolizer({
      fill: (z, f) => colourOf(f.props.category),
      opacity: 0.35,
      stroke: (z, f) => colourOf(f.props.category),
      width: 2,
    }),
  },
  {
    dataLayer: "proposals",
    filter: (z, f) => f.geomType === LINE,
    symbolizer: new protomapsL.LineSymbolizer({
      color: (z, f) => colourOf(f.props.category),
      width: 3,
    }),
  },
  {
    dataLayer: "proposals",
    filter: (z, f) => f.geomType === POINT,
    symbolizer: new protomapsL.CircleSymbolizer({
      radius: 6,
      fill: (z, f) => (f.props.kind === "conflict" ? "#ffffff" : colourOf(f.props.category)),
      stroke: (z, f) => (f.props.kind === "conflict" ? colourOf(f.props.category) : "#ffffff"),
      width: 2,
    }),
  },
];

const labelRules = [cells.label];

// createPinTiles(map, { url, fresh }) -> { show(params), hide(), refresh(), shown(), stamp() }
//   url: the tile URL template with {z}/{x}/{y}; params: URLSearchParams of the filters.
//   fresh: a stamp for signed-in readers (config.tileFresh), null for anonymous ones.
// Shared caches (a CDN, nginx) may serve a tile up to TILES_MAX_AGE seconds old. A URL with
// `fresh` is a cache key nobody else uses, so it always reaches the app, which answers the
// current version: signed-in readers, and the writer after each write, see their own pins at
// once (docs/operations.md, "Map tiles, caching and a CDN").
export function createPinTiles(map, { url, fresh = null }) {
  let stamp = fresh;
  const overlay = createTileOverlay(map, {
    pane: "pinTiles",
    zIndex: 450, // above areas and districts, below markers
    shownClass: "pin-tiles-shown",
    paintRules,
    labelRules,
    tileUrl: (text) => {
      const params = new URLSearchParams(text);
      if (stamp) params.set("fresh", stamp);
      const full = params.toString();
      return full ? `${url}?${full}` : url;
    },
  });

  // After a write here: fetch the tiles again under a new stamp, past any shared cache (the
  // browser revalidates them by ETag, and those the write touched come back new).
  function refresh() {
    stamp = String(Date.now());
    const query = overlay.shown();
    if (query === null) return;
    overlay.hide();
    overlay.show(new URLSearchParams(query));
  }

  return { ...overlay, refresh, stamp: () => stamp };
}

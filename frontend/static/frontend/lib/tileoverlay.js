// A vector-tile overlay drawn on canvas by the vendored protomaps-leaflet (global
// protomapsL) in a pane of its own, for the pins (map/tiles.js) and the clusters
// (clusters/tiles.js). show(params) draws the tiles with the filters in their URL (a new
// filter is a new layer), hide() removes them; a click on a drawn feature zooms in on it by
// two levels, down to MAX_DATA_ZOOM (clicks beside them, e.g. while drawing, are left alone).
/* global protomapsL */

export const MAX_DATA_ZOOM = 16; // tiles deeper than this are drawn from the z16 tile

// The rules of a low-zoom tile's grid cells (pins' and clusters' tiles alike): a circle that
// grows with the cell's count, filled by fill(z, feature), and the count written on it.
//   -> { paint, label }: one paint rule and one label rule for `dataLayer`.
export function cellRules(dataLayer, fill) {
  return {
    paint: {
      dataLayer,
      symbolizer: new protomapsL.CircleSymbolizer({
        radius: (z, f) => 9 + 3 * Math.log2(1 + (f.props.count ?? 1)),
        fill,
        opacity: 0.85,
        stroke: "#ffffff",
        width: 2,
      }),
    },
    label: {
      dataLayer,
      symbolizer: new protomapsL.CenteredTextSymbolizer({
        labelProps: ["label"],
        fill: "#ffffff",
        stroke: "#222222",
        width: 2,
        font: "600 12px sans-serif",
      }),
    },
  };
}

// createTileOverlay(map, { pane, zIndex, shownClass, paintRules, labelRules, tileUrl })
//   -> { show(params), hide(), shown(), layer() }
//   tileUrl(query): the tile URL template ({z}/{x}/{y}) for the filters' query string;
//   shownClass: set on the map's container while tiles are shown.
export function createTileOverlay(map, { pane, zIndex, shownClass, paintRules, labelRules, tileUrl }) {
  if (!map.getPane(pane)) map.createPane(pane).style.zIndex = zIndex;
  let layer = null;
  let query = null;

  function onClick(event) {
    if (!layer || map.getZoom() >= MAX_DATA_ZOOM) return;
    const { lat, lng } = event.latlng;
    const hits = [...layer.queryTileFeaturesDebug(lng, lat, 12).values()].flat();
    if (!hits.length) return;
    map.setView(event.latlng, Math.min(map.getZoom() + 2, MAX_DATA_ZOOM));
  }

  function show(params) {
    const text = params.toString();
    if (layer && text === query) return;
    hide();
    query = text;
    layer = protomapsL.leafletLayer({
      url: tileUrl(text),
      pane,
      maxDataZoom: MAX_DATA_ZOOM,
      paintRules,
      labelRules,
      attribution: "",
    });
    layer.addTo(map);
    map.on("click", onClick);
    map.getContainer().classList.add(shownClass);
  }

  function hide() {
    if (!layer) return;
    map.off("click", onClick);
    map.removeLayer(layer);
    layer = null;
    query = null;
    map.getContainer().classList.remove(shownClass);
  }

  return { show, hide, shown: () => (layer ? query : null), layer: () => layer };
}

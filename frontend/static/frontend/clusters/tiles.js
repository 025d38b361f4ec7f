// The clusters as vector tiles (/api/tiles/clusters/{z}/{x}/{y}.pbf), drawn on canvas by the
// vendored protomaps-leaflet (global protomapsL) where the view holds too many clusters for
// GeoJSON outlines (layer.js). Below tile zoom 12 (map zoom 13: each 256-pixel map tile is
// drawn from the data tile one zoom down) a tile holds counts per grid cell, drawn as
// numbered circles, in the warning colour where a cell holds a contested cluster; from there
// on it holds the outlines, styled as styleFor styles the GeoJSON ones (contested on top).
// The filters are part of the tile URL: a new filter is a new layer. A click on a circle
// or an outline zooms in towards it, down to where the outlines are GeoJSON again.
/* global protomapsL */
import { cellRules, createTileOverlay } from "../lib/tileoverlay.js";

function rules(colours) {
  const colourOf = (contested) => (contested ? colours.contested : colours.convergent);
  const outlines = (contested) => [
    {
      dataLayer: "clusters",
      filter: (z, f) => Boolean(f.props.contested) === contested,
      symbolizer: new protomapsL.PolygonSymbolizer({
        fill: colourOf(contested),
        opacity: contested ? 0.18 : 0.1,
      }),
    },
    {
      dataLayer: "clusters",
      filter: (z, f) => Boolean(f.props.contested) === contested,
      symbolizer: new protomapsL.LineSymbolizer(
        contested
          ? { color: colourOf(true), width: 3 }
          : { dash: [6, 4], dashColor: colourOf(false), dashWidth: 2 },
      ),
    },
  ];
  const cells = cellRules("cluster_cells", (z, f) => colourOf((f.props.contested ?? 0) > 0));
  const paintRules = [
    cells.paint,
    // Convergent first, contested last: contested outlines end up on top.
    ...outlines(false),
    ...outlines(true),
  ];
  const labelRules = [cells.label];
  return { paintRules, labelRules };
}

// createClusterTiles(map, settings) -> { show(params), hide(), shown() }
//   settings: config.clusters (urls.tiles with {z}/{x}/{y}, colours);
//   params: URLSearchParams of the filters (contested, category, min_size).
export function createClusterTiles(map, settings) {
  const { paintRules, labelRules } = rules(settings.colours);
  const overlay = createTileOverlay(map, {
    pane: "clusterTiles",
    zIndex: 420, // above areas, below pins
    shownClass: "cluster-tiles-shown",
    paintRules,
    labelRules,
    tileUrl: (text) => (text ? `${settings.urls.tiles}?${text}` : settings.urls.tiles),
  });
  return { show: overlay.show, hide: overlay.hide, shown: overlay.shown };
}

// The city's own base map: vector tiles built in PostGIS (/tiles/basemap/, publishing/basemap.py)
// drawn by protomaps-leaflet (the global protomapsL), with streets by class, buildings, water,
// green areas and street names. Used when no raster BASEMAP_TILE_URL is configured.
/* global protomapsL */

const LAND = "#f4f1ea";
const WATER = "#a8cfe6";
const GREEN = "#cfe5bf";
const BUILDING = "#ddd6cc";
const STREET = { major: "#f6cf77", minor: "#ffffff", service: "#ffffff", path: "#b9aea0", rail: "#9a9a9a" };
const CASING = "#c9bfb2";
const WIDTH = { major: [10, 1.5, 18, 14], minor: [12, 0.8, 18, 10], service: [14, 0.6, 18, 5], path: [14, 0.6, 18, 2], rail: [12, 0.8, 18, 2] };

// A line width growing with the zoom, from [z0, w0] to [z1, w1].
function widthFor(klass, extra = 0) {
  const [z0, w0, z1, w1] = WIDTH[klass] ?? WIDTH.minor;
  return (zoom) => {
    const t = Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
    return w0 + t * (w1 - w0) + extra;
  };
}

const isClass = (klass) => (_zoom, feature) => feature.props.klass === klass;

function paintRules() {
  const P = protomapsL;
  const streets = ["path", "service", "minor", "major"];
  return [
    { dataLayer: "green", symbolizer: new P.PolygonSymbolizer({ fill: GREEN }) },
    {
      dataLayer: "water",
      symbolizer: new P.PolygonSymbolizer({ fill: WATER }),
      filter: isClass("area"),
    },
    {
      dataLayer: "water",
      symbolizer: new P.LineSymbolizer({ color: WATER, width: (z) => Math.max(1.5, (z - 10) * 1.5) }),
      filter: isClass("river"),
    },
    { dataLayer: "buildings", symbolizer: new P.PolygonSymbolizer({ fill: BUILDING, stroke: "#c8beb1", width: 0.5 }) },
    ...["minor", "major"].map((klass) => ({
      dataLayer: "streets",
      symbolizer: new P.LineSymbolizer({ color: CASING, width: widthFor(klass, 1.5) }),
      filter: isClass(klass),
    })),
    {
      dataLayer: "streets",
      symbolizer: new P.LineSymbolizer({ color: STREET.rail, width: widthFor("rail"), dash: [4, 3] }),
      filter: isClass("rail"),
    },
    ...streets.map((klass) => ({
      dataLayer: "streets",
      symbolizer: new P.LineSymbolizer({
        color: STREET[klass],
        width: widthFor(klass),
        ...(klass === "path" ? { dash: [2, 2] } : {}),
      }),
      filter: isClass(klass),
    })),
  ];
}

function labelRules() {
  const P = protomapsL;
  const named = (_zoom, feature) => Boolean(feature.props.name);
  return [
    {
      dataLayer: "streets",
      minzoom: 14,
      symbolizer: new P.LineLabelSymbolizer({
        labelProps: ["name"],
        font: "500 12px sans-serif",
        fill: "#3b3b3b",
        stroke: "#ffffff",
        width: 3,
      }),
      filter: named,
    },
    {
      dataLayer: "water",
      minzoom: 13,
      symbolizer: new P.LineLabelSymbolizer({
        labelProps: ["name"],
        font: "italic 12px sans-serif",
        fill: "#2d6a8f",
        stroke: "#ffffff",
        width: 2,
      }),
      filter: named,
    },
  ];
}

// protomaps-leaflet is loaded when a map first needs it (pages without a base map of their
// own, e.g. with a raster BASEMAP_TILE_URL, never load it).
let renderer = null;
function loadRenderer(src) {
  if (globalThis.protomapsL) return Promise.resolve();
  renderer ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", resolve);
    script.addEventListener("error", reject);
    document.head.append(script);
  });
  return renderer;
}

// Adds the vector base map under everything else on the map; resolves to the layer.
export async function addVectorBasemap(map, basemap) {
  await loadRenderer(basemap.script);
  const layer = protomapsL.leafletLayer({
    url: basemap.url,
    paintRules: paintRules(),
    labelRules: labelRules(),
    backgroundColor: LAND,
    attribution: basemap.attribution,
    maxDataZoom: basemap.maxDataZoom,
    pane: "tilePane",
  });
  layer.addTo(map);
  layer.bringToBack();
  map.getContainer().classList.add("has-basemap");
  return layer;
}

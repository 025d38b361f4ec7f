// The pins on the map. Points go into a marker-cluster group (chunked, so 10,000 pins
// stay smooth); lines and areas are drawn on one canvas. sync() applies a new result by
// difference: pins already on the map stay, so panning does not rebuild everything.
/* global L */
import { popupContent } from "./popup.js";
import { pathStyle, pinIcon } from "./style.js";

function pointLatLngs(geometry) {
  if (geometry.type === "Point") return [geometry.coordinates];
  if (geometry.type === "MultiPoint") return geometry.coordinates;
  return null;
}

export function createPins(map, config) {
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 100,
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    spiderfyOnMaxZoom: true,
    disableClusteringAtZoom: 17,
  });
  const renderer = L.canvas({ padding: 0.3, tolerance: 4 });
  const shapes = L.layerGroup();
  map.addLayer(shapes);
  map.addLayer(clusters);
  const shown = new Map(); // id -> { feature, markers: [], shape }

  function bindPopup(layer, entry) {
    // Built on opening, from the newest properties the API sent for this pin.
    layer.bindPopup(() => popupContent(entry.feature.properties, config), {
      maxWidth: 300,
      autoPanPaddingTopLeft: [56, 16], // keep clear of the zoom and drawing buttons
    });
  }

  function build(feature) {
    const { kind, category, title } = feature.properties;
    const entry = { feature, markers: [], shape: null };
    const points = pointLatLngs(feature.geometry);
    if (points) {
      for (const [lon, lat] of points) {
        const marker = L.marker([lat, lon], {
          icon: pinIcon(category, kind),
          title: String(title ?? ""),
          alt: String(title ?? ""),
        });
        bindPopup(marker, entry);
        entry.markers.push(marker);
      }
    } else {
      entry.shape = L.geoJSON(feature, { style: pathStyle(category, kind), renderer });
      bindPopup(entry.shape, entry);
    }
    return entry;
  }

  function remove(ids) {
    const markers = [];
    for (const id of ids) {
      const entry = shown.get(id);
      markers.push(...entry.markers);
      if (entry.shape) shapes.removeLayer(entry.shape);
      shown.delete(id);
    }
    if (markers.length) clusters.removeLayers(markers);
  }

  function add(features) {
    const markers = [];
    for (const feature of features) {
      const entry = build(feature);
      shown.set(feature.id, entry);
      markers.push(...entry.markers);
      if (entry.shape) shapes.addLayer(entry.shape);
    }
    if (markers.length) clusters.addLayers(markers);
  }

  function sync(features) {
    const incoming = new Map(features.map((f) => [f.id, f]));
    const stale = [];
    for (const [id, entry] of shown) {
      const next = incoming.get(id);
      const p = entry.feature.properties;
      if (!next || next.properties.kind !== p.kind || next.properties.category !== p.category ||
          JSON.stringify(next.geometry) !== JSON.stringify(entry.feature.geometry)) {
        stale.push(id);
      } else {
        entry.feature = next; // same look; refresh counts and title for the popup
      }
    }
    remove(stale);
    add(features.filter((f) => !shown.has(f.id)));
  }

  // A pin just created here: show it at once and open its popup.
  function addOne(feature) {
    if (shown.has(feature.id)) remove([feature.id]);
    add([feature]);
    const entry = shown.get(feature.id);
    if (entry.markers.length) {
      clusters.zoomToShowLayer(entry.markers[0], () => entry.markers[0].openPopup());
    } else {
      entry.shape.openPopup(entry.shape.getBounds().getCenter());
    }
  }

  const features = () => [...shown.values()].map((entry) => entry.feature);
  return { sync, addOne, features, clusters, shapes };
}

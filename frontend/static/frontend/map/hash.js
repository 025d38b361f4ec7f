// The map's view in the address: /#zoom/lat/lon (Leaflet's order), so a view can be shared
// and a pin's page can link back to the map where the pin lies.

export function viewFromHash(hash = location.hash) {
  const parts = hash.replace(/^#/, "").split("/").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts;
  return { zoom, centre: [lat, lon] };
}

export function keepViewInHash(map) {
  map.on("moveend", () => {
    const { lat, lng } = map.getCenter();
    const hash = `#${Math.round(map.getZoom() * 2) / 2}/${lat.toFixed(5)}/${lng.toFixed(5)}`;
    history.replaceState(null, "", location.pathname + location.search + hash);
  });
}

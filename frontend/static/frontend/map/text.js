// Leaflet puts string content of tooltips, popups and layer-control names in as HTML.
// Anything a person wrote (titles, names from imported files) goes in through this instead:
//   layer.bindTooltip(asText(feature.properties.title))
export function asText(value) {
  const span = document.createElement("span");
  span.textContent = String(value ?? "");
  return span;
}

// For the few Leaflet APIs that only take an HTML string (the layer control's names):
//   layersControl.addOverlay(layer, escapeHtml(name))
export function escapeHtml(value) {
  const span = document.createElement("span");
  span.textContent = String(value ?? "");
  return span.innerHTML;
}

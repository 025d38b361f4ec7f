// Leaflet puts string content of tooltips, popups and layer-control names in as HTML.
// Anything a person wrote (titles, names from imported files) goes in through this instead:
//   layer.bindTooltip(asText(feature.properties.title))
export function asText(value) {
  const span = document.createElement("span");
  span.textContent = String(value ?? "");
  return span;
}

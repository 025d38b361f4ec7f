// How pins look: colour by category, shape by kind (proposal: round and filled, solid lines;
// conflict: diamond and outlined, dashed lines). Used by the map, the legend and drawing.
/* global L */

let colours = {};

export function setPalette(categories) {
  colours = Object.fromEntries(categories.map((c) => [c.value, c.colour]));
}

export function colourOf(category) {
  return colours[category] ?? "#555555";
}

const icons = new Map();

// One shared icon per (category, kind): 10,000 markers need only twelve icons.
export function pinIcon(category, kind) {
  const key = `${category}/${kind}`;
  if (!icons.has(key)) {
    const c = colourOf(category);
    const svg =
      kind === "conflict"
        ? `<svg width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true">` +
          `<rect x="-6.5" y="-6.5" width="13" height="13" transform="rotate(45)" fill="#fff" stroke="${c}" stroke-width="3.5"/></svg>`
        : `<svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true">` +
          `<circle r="7.5" fill="${c}" stroke="#fff" stroke-width="2"/></svg>`;
    const size = kind === "conflict" ? 22 : 20;
    icons.set(
      key,
      L.divIcon({
        html: svg,
        className: "pin-icon",
        iconSize: [size, size],
        iconAnchor: [size / 2, size / 2],
        popupAnchor: [0, -size / 2],
      }),
    );
  }
  return icons.get(key);
}

export function pathStyle(category, kind) {
  const color = colourOf(category);
  return kind === "conflict"
    ? { color, weight: 3, dashArray: "6 5", fillColor: color, fillOpacity: 0.12, opacity: 0.95 }
    : { color, weight: 3, fillColor: color, fillOpacity: 0.35, opacity: 0.95 };
}

// Leaflet.draw set up for residents: a point, a line or an area (mouse and touch).
/* global L */
import { t } from "../i18n/strings.js";

// Leaflet.draw 1.0.4 predates Leaflet 1.9's pointer handling: browsers already turn a tap
// into mousedown/mouseup, which the polyline handler listens to, so its own touch handler
// would add every vertex twice and end a line after one tap. Let the mouse path do it.
function fixTouch() {
  if (L.Draw?.Polyline && !L.Draw.Polyline.prototype._stadtmacherTouchFix) {
    L.Draw.Polyline.prototype._onTouch = L.Util.falseFn;
    L.Draw.Polyline.prototype._stadtmacherTouchFix = true;
  }
}

function translate() {
  const local = L.drawLocal.draw;
  local.toolbar.buttons.marker = t("drawPoint");
  local.toolbar.buttons.polyline = t("drawLine");
  local.toolbar.buttons.polygon = t("drawArea");
  local.toolbar.actions.title = t("drawCancel");
  local.toolbar.actions.text = t("drawCancel");
  local.toolbar.finish.title = t("drawFinish");
  local.toolbar.finish.text = t("drawFinish");
  local.toolbar.undo.title = t("drawUndo");
  local.toolbar.undo.text = t("drawUndo");
  local.handlers.marker.tooltip.start = t("drawMarker");
  local.handlers.polyline.tooltip.start = t("drawStartLine");
  local.handlers.polyline.tooltip.cont = t("drawContinueLine");
  local.handlers.polyline.tooltip.end = t("drawEndLine");
  local.handlers.polyline.error = t("drawIntersect");
  local.handlers.polygon.tooltip.start = t("drawStartArea");
  local.handlers.polygon.tooltip.cont = t("drawContinueArea");
  local.handlers.polygon.tooltip.end = t("drawEndArea");
}

// Calls onDrawn(layer) with the finished drawing, kept on the map in `drawn`.
export function addDrawTools(map, { onDrawn }) {
  fixTouch();
  translate();
  const draft = { color: "#1c2430", weight: 3, dashArray: "2 6", fillOpacity: 0.15 };
  const drawn = L.featureGroup().addTo(map);
  const control = new L.Control.Draw({
    position: "topleft",
    draw: {
      marker: {
        icon: L.divIcon({
          className: "pin-icon",
          html: '<svg width="22" height="22" viewBox="-11 -11 22 22"><circle r="8" fill="#fff" stroke="#1c2430" stroke-width="3"/></svg>',
          iconSize: [22, 22],
        }),
      },
      polyline: { shapeOptions: draft },
      polygon: { allowIntersection: false, showArea: false, shapeOptions: draft },
      rectangle: false,
      circle: false,
      circlemarker: false,
    },
    edit: false,
  });
  map.addControl(control);
  map.on(L.Draw.Event.CREATED, (event) => {
    drawn.clearLayers();
    drawn.addLayer(event.layer);
    onDrawn(event.layer);
  });
  return { drawn, control };
}

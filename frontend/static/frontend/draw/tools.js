// Leaflet.draw set up for residents: a point, a line or an area (mouse and touch).
/* global L */
import { t } from "../i18n/strings.js";

// Leaflet.draw 1.0.4 adds a vertex on touchstart, and then again on the mousedown/mouseup
// the browser sends after the tap once its 50 ms guard has run out; the duplicate vertex
// ends a line after one tap or misplaces points. Ignore mouse events that follow a touch.
const COMPAT_MOUSE_MS = 800;

function fixTouch() {
  const proto = L.Draw?.Polyline?.prototype;
  if (!proto || proto._stadtmacherTouchFix) return;
  const { _onTouch: onTouch, _onMouseDown: onMouseDown, _onMouseUp: onMouseUp } = proto;
  const afterTouch = (handler) => Date.now() - (handler._lastTouch || 0) < COMPAT_MOUSE_MS;
  proto._onTouch = function (e) {
    this._lastTouch = Date.now();
    return onTouch.call(this, e);
  };
  proto._onMouseDown = function (e) {
    return afterTouch(this) ? undefined : onMouseDown.call(this, e);
  };
  proto._onMouseUp = function (e) {
    return afterTouch(this) ? undefined : onMouseUp.call(this, e);
  };
  proto._stadtmacherTouchFix = true;
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
  const draftIcon = L.divIcon({
    className: "pin-icon draft-pin",
    html: '<svg width="22" height="22" viewBox="-11 -11 22 22"><circle r="8" fill="#fff" stroke="#1c2430" stroke-width="3"/></svg>',
    iconSize: [22, 22],
  });
  const drawn = L.featureGroup().addTo(map);
  const control = new L.Control.Draw({
    position: "topleft",
    draw: {
      marker: { icon: draftIcon },
      polyline: { shapeOptions: draft },
      polygon: { allowIntersection: false, showArea: false, shapeOptions: draft },
      rectangle: false,
      circle: false,
      circlemarker: false,
    },
    edit: false,
  });
  map.addControl(control);
  const finish = (layer) => {
    drawn.clearLayers();
    drawn.addLayer(layer);
    onDrawn(layer);
  };
  map.on(L.Draw.Event.CREATED, (event) => finish(event.layer));
  // Without a pointer: move the map with the arrow keys, then pin its centre.
  const pinCentre = () => finish(L.marker(map.getCenter(), { icon: draftIcon }));
  return { drawn, control, pinCentre };
}

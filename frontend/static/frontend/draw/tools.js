// Leaflet.draw set up for residents: a point, a line or an area (mouse, touch and, with
// draw/keyboard.js, the keyboard).
/* global L */
import { gettext } from "../lib/i18n.js";

// Leaflet.draw's own texts (L.drawLocal, its documented way to translate them), for every
// page that draws (the map, a pin's page, a round's compromise geometry).
export function translateDrawing() {
  const local = L.drawLocal.draw;
  const cancel = gettext("Cancel");
  const finish = gettext("Finish");
  const undo = gettext("Delete last point");
  local.toolbar.buttons.marker = gettext("Place a point");
  local.toolbar.buttons.polyline = gettext("Draw a line");
  local.toolbar.buttons.polygon = gettext("Draw an area");
  local.toolbar.actions.title = cancel;
  local.toolbar.actions.text = cancel;
  local.toolbar.finish.title = finish;
  local.toolbar.finish.text = finish;
  local.toolbar.undo.title = undo;
  local.toolbar.undo.text = undo;
  local.handlers.marker.tooltip.start = gettext("Click or tap on the map to place the point.");
  local.handlers.polyline.tooltip.start = gettext("Click or tap to start the line.");
  local.handlers.polyline.tooltip.cont = gettext("Click or tap to continue the line.");
  local.handlers.polyline.tooltip.end = gettext("Click the last point to finish the line.");
  local.handlers.polyline.error = gettext("The edges of an area must not cross.");
  local.handlers.polygon.tooltip.start = gettext("Click or tap to start the area.");
  local.handlers.polygon.tooltip.cont = gettext("Click or tap to add corners.");
  local.handlers.polygon.tooltip.end = gettext("Click the first point to close the area.");
  local.toolbar.buttons.rectangle = gettext("Draw a rectangle");
  local.handlers.rectangle.tooltip.start = gettext("Click and drag to draw a rectangle.");
  local.handlers.simpleshape.tooltip.end = gettext("Release the mouse to finish the drawing.");
  const edit = L.drawLocal.edit;
  edit.toolbar.actions.save.title = gettext("Save changes");
  edit.toolbar.actions.save.text = gettext("Save");
  edit.toolbar.actions.cancel.title = gettext("Cancel editing, discard all changes");
  edit.toolbar.actions.cancel.text = cancel;
  edit.toolbar.actions.clearAll.title = gettext("Remove all");
  edit.toolbar.actions.clearAll.text = gettext("Remove all");
  edit.toolbar.buttons.edit = gettext("Edit the drawing");
  edit.toolbar.buttons.editDisabled = gettext("Nothing to edit");
  edit.toolbar.buttons.remove = gettext("Remove the drawing");
  edit.toolbar.buttons.removeDisabled = gettext("Nothing to remove");
  edit.handlers.edit.tooltip.text = gettext("Drag the handles or markers to change the drawing.");
  edit.handlers.edit.tooltip.subtext = gettext("Click Cancel to undo the changes.");
  edit.handlers.remove.tooltip.text = gettext("Click on the drawing to remove it.");
}

// Calls onDrawn(layer) with the finished drawing, kept on the map in `drawn`.
export function addDrawTools(map, { onDrawn }) {
  translateDrawing();
  const draft = { color: "#1c2430", weight: 3, dashArray: "2 6", fillOpacity: 0.15 };
  const draftIcon = L.divIcon({
    className: "pin-icon draft-pin",
    html: '<svg width="22" height="22" viewBox="-11 -11 22 22"><circle r="8" fill="#fff" stroke="#1c2430" stroke-width="3"/></svg>',
    iconSize: [22, 22],
  });
  const drawn = L.featureGroup().addTo(map);
  const options = {
    marker: { icon: draftIcon },
    polyline: { shapeOptions: draft },
    polygon: { allowIntersection: false, showArea: false, shapeOptions: draft },
  };
  const control = new L.Control.Draw({
    position: "topleft",
    draw: { ...options, rectangle: false, circle: false, circlemarker: false },
    edit: false,
  });
  map.addControl(control);
  // The same tools for the buttons beside the map (draw/keyboard.js).
  const handlers = {
    marker: new L.Draw.Marker(map, options.marker),
    polyline: new L.Draw.Polyline(map, options.polyline),
    polygon: new L.Draw.Polygon(map, options.polygon),
  };
  const finish = (layer) => {
    drawn.clearLayers();
    drawn.addLayer(layer);
    onDrawn(layer);
  };
  map.on(L.Draw.Event.CREATED, (event) => finish(event.layer));
  // Without a pointer: move the map with the arrow keys, then pin its centre.
  const pinCentre = () => finish(L.marker(map.getCenter(), { icon: draftIcon }));
  return { drawn, control, handlers, pinCentre };
}

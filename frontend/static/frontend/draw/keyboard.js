// Drawing without a pointer: the tool buttons beside the map start a point, a line or an
// area; a crosshair marks the map's centre; the arrow keys move the map (Leaflet's own
// keyboard handler) and keys on the map add a corner at the crosshair (Enter or Space),
// take the last one back (Backspace), finish (F) and cancel (Escape). The same steps are
// buttons too, and every step is said in the live region.
/* global L */
import { fill, gettext } from "../lib/i18n.js";

const MIN_VERTICES = { polyline: 2, polygon: 3 };

function words(type) {
  if (type === "polyline") {
    return {
      start: gettext("Drawing a line."),
      added: gettext("Point %(n)s of the line added."),
      tooFew: gettext("A line needs at least 2 points."),
    };
  }
  return {
    start: gettext("Drawing an area."),
    added: gettext("Corner %(n)s of the area added."),
    tooFew: gettext("An area needs at least 3 corners."),
  };
}

// handlers: { marker, polyline, polygon } (Leaflet.draw handlers of this map);
// placePoint(): finishes a point at the centre; elements: { tools, steps } (beside the map).
export function keyboardDrawing(map, { handlers, placePoint, announce, elements }) {
  const container = map.getContainer();
  const crosshair = L.DomUtil.create("div", "draw-crosshair", container);
  crosshair.setAttribute("aria-hidden", "true");
  const toolButtons = [...elements.tools.querySelectorAll("button[data-tool]")];
  let active = null; // { type, handler } while one of these tools draws
  let vertices = 0;
  let last = null; // the latest point's LatLng
  let starting = false;

  function show(type) {
    container.classList.toggle("keyboard-drawing", Boolean(type));
    elements.steps.hidden = !type || type === "marker";
    for (const button of toolButtons) {
      button.setAttribute("aria-pressed", String(button.dataset.tool === type));
    }
  }

  function stop(message) {
    const current = active;
    active = null;
    show(null);
    if (current?.handler?.enabled()) current.handler.disable();
    if (message) announce(message);
  }

  function start(type) {
    stop();
    cancelMapToolbar(container);
    active = { type, handler: handlers[type] };
    vertices = 0;
    last = null;
    show(type);
    starting = true;
    active.handler.enable(); // a click or tap on the map works as well
    starting = false;
    container.focus();
    const keys = gettext("Move the map with the arrow keys until the cross is on the spot. Enter adds a point there, Backspace takes the last one back, F finishes, Escape cancels.");
    const pointKeys = gettext("Placing a point. Move the map with the arrow keys until the cross is on the spot, then press Enter. Escape cancels.");
    announce(type === "marker" ? pointKeys : `${words(type).start} ${keys}`);
  }

  function add() {
    if (!active) return;
    if (active.type === "marker") {
      stop();
      placePoint();
      return;
    }
    const centre = map.getCenter();
    if (last && map.latLngToContainerPoint(last).distanceTo(map.latLngToContainerPoint(centre)) < 4) {
      announce(gettext("There is a point here already. Move the map first."), true);
      return;
    }
    const before = vertices;
    active.handler.addVertex(centre);
    if (vertices === before) {
      announce(gettext("A corner here would make the edges cross. Move the cross and try again."), true);
    }
  }

  function undo() {
    if (!active || active.type === "marker") return;
    if (vertices === 0) {
      announce(gettext("There is no point to take back."));
      return;
    }
    active.handler.deleteLastVertex();
    if (vertices === 1) {
      // Leaflet.draw keeps a lone first point; start the shape afresh instead.
      const { type } = active;
      stop();
      start(type);
    }
    announce(fill(gettext("Last point taken back; %(n)s left."), { n: vertices }));
  }

  function finish() {
    if (!active || active.type === "marker") return;
    if (vertices < MIN_VERTICES[active.type]) {
      announce(words(active.type).tooFew, true);
      return;
    }
    const { handler } = active;
    active = null;
    show(null);
    handler.completeShape();
  }

  map.on(L.Draw.Event.DRAWVERTEX, (event) => {
    if (!active) return;
    const points = event.layers.getLayers();
    vertices = points.length;
    last = vertices ? points[vertices - 1].getLatLng() : null;
    announce(fill(words(active.type).added, { n: vertices }));
  });
  map.on(L.Draw.Event.CREATED, () => {
    if (!active) return;
    active = null; // finished with the pointer while one of these tools was on
    show(null);
  });
  map.on(L.Draw.Event.DRAWSTART, () => {
    // The map's own toolbar started a tool: ours steps aside.
    if (!starting && active) stop();
  });
  map.on(L.Draw.Event.DRAWSTOP, () => {
    if (active) stop(gettext("Drawing cancelled."));
  });

  const keys = {
    Enter: add,
    " ": add,
    Backspace: undo,
    Delete: undo,
    f: finish,
    F: finish,
    Escape: () => stop(gettext("Drawing cancelled.")),
  };
  container.addEventListener("keydown", (event) => {
    const action = keys[event.key];
    if (!active || !action || event.target !== container || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    action();
  });

  for (const button of toolButtons) {
    button.addEventListener("click", () => {
      if (active?.type === button.dataset.tool) stop(gettext("Drawing cancelled."));
      else start(button.dataset.tool);
    });
  }
  const step = (name, action) => elements.steps.querySelector(`[data-step=${name}]`)?.addEventListener("click", action);
  const thenMap = (action) => () => {
    action();
    if (active) container.focus(); // the arrow keys move the map again
  };
  step("add", thenMap(add));
  step("undo", thenMap(undo));
  step("finish", finish);
  step("cancel", () => stop(gettext("Drawing cancelled.")));
  return { start, stop };
}

// The tool of Leaflet.draw's toolbar on the map, if one is drawing, is stopped through its
// own Cancel action (the last action link of the visible action list).
function cancelMapToolbar(container) {
  for (const list of container.querySelectorAll(".leaflet-draw-actions")) {
    if (list.style.display === "block") list.querySelector("li:last-child a")?.click();
  }
}

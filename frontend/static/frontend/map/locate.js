// "Locate me": the browser's geolocation centres the map on where the person is, and says
// plainly when the browser was not allowed to tell, could not find out, or is outside the city.
/* global L */
import { fill, gettext } from "../lib/i18n.js";
import { boundsFromBbox } from "./base.js";

const ZOOM = 17;

function message(error) {
  if (error.code === 1) {
    return gettext(
      "Your browser was not allowed to tell your position. Allow it in the site settings, or search for your street.",
    );
  }
  return gettext("Your position could not be found. Please search for your street instead.");
}

// The button goes into `row` and its message under `box` when given (the place search's),
// else into a control of its own.
export function addLocateControl(map, config, { announce = () => {}, box = null, row = null } = {}) {
  if (!box) {
    box = document.createElement("div");
    box.className = "locate-control leaflet-bar";
    const control = L.control({ position: "topleft" });
    control.onAdd = () => box;
    control.addTo(map);
    L.DomEvent.disableClickPropagation(box);
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "locate-button";
  button.textContent = gettext("Locate me");
  const status = document.createElement("p");
  status.className = "locate-status";
  (row ?? box).append(button);
  box.append(status);

  const city = boundsFromBbox(config.cityBbox);
  let marker = null;
  const say = (text, isError = false) => {
    status.textContent = text;
    status.classList.toggle("error", isError);
    announce(text, isError);
  };

  let busy = false;
  function found(position) {
    busy = false;
    const { latitude, longitude, accuracy } = position.coords;
    const here = L.latLng(latitude, longitude);
    if (!city.contains(here)) {
      say(fill(gettext("You are outside %(city)s: the map stays where it was."), { city: config.city }), true);
      return;
    }
    map.setView(here, ZOOM);
    marker?.remove();
    marker = L.circle(here, { radius: Math.max(accuracy, 5), color: "#0072B2", weight: 2, interactive: false }).addTo(map);
    say(fill(gettext("The map shows where you are (within about %(metres)s m)."), { metres: Math.round(accuracy) }));
  }

  button.addEventListener("click", () => {
    if (!navigator.geolocation) {
      say(gettext("This browser cannot tell your position. Please search for your street instead."), true);
      return;
    }
    if (busy) return;
    busy = true;
    say(gettext("Finding your position…"));
    navigator.geolocation.getCurrentPosition(found, (error) => {
      busy = false;
      say(message(error), true);
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
  return box;
}

// Address and place search on the map: a combobox (WAI-ARIA 1.2 pattern: an input with
// role=combobox, a listbox of options, aria-activedescendant for the option in focus).
// Arrow keys move through the results, Enter chooses, Escape closes. Choosing centres the
// map on the place and, for a signed-in resident, offers "Pin here".
/* global L */
import { fill, gettext } from "../lib/i18n.js";

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;
const ZOOM = { address: 18, street: 17, place: 16, district: 14 };

// Where the words go and how the answer becomes [{kind, name, lon, lat}]: the city's own
// gazetteer (/api/places/) or an external Nominatim- or Photon-compatible search URL.
const GEOCODERS = {
  local: {
    url: (geocoder, q) => `${geocoder.url}?${new URLSearchParams({ q })}`,
    results: (body) => body,
  },
  nominatim: {
    url: (geocoder, q, [minLon, minLat, maxLon, maxLat]) =>
      `${geocoder.url}?${new URLSearchParams({
        q,
        format: "jsonv2",
        limit: "10",
        bounded: "1",
        viewbox: [minLon, maxLat, maxLon, minLat].join(","),
      })}`,
    results: (body) =>
      body.map((r) => ({ kind: "place", name: r.display_name, lon: Number(r.lon), lat: Number(r.lat) })),
  },
  photon: {
    url: (geocoder, q, bbox) =>
      `${geocoder.url}?${new URLSearchParams({ q, limit: "10", bbox: bbox.join(",") })}`,
    results: (body) =>
      body.features.map((f) => {
        const p = f.properties;
        const street = [p.street, p.housenumber].filter(Boolean).join(" ");
        const name = [p.name, street, p.city].filter(Boolean).join(", ");
        return { kind: "place", name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] };
      }),
  },
};

const KIND_LABELS = () => ({
  address: gettext("Address"),
  street: gettext("Street"),
  place: gettext("Place"),
  district: gettext("District"),
});

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function buildControl() {
  const box = element("div", { class: "place-search", role: "search" });
  const label = element("label", { for: "place-search-input", class: "visually-hidden" }, gettext("Find a street, address or place"));
  const input = element("input", {
    id: "place-search-input",
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "place-search-results",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: gettext("Street, address or place"),
  });
  const list = element("ul", { id: "place-search-results", role: "listbox", "aria-label": gettext("Places found") });
  list.hidden = true;
  // Shown beside the box; screen readers hear it through the page's live region (announce).
  const status = element("p", { class: "place-search-status" });
  const chosen = element("div", { class: "place-search-chosen" });
  chosen.hidden = true;
  const pinHere = element("button", { type: "button", class: "link-button" }, gettext("Pin here"));
  chosen.append(element("span"), pinHere);
  const row = element("div", { class: "place-search-row" }); // the input and its tools
  row.append(input);
  box.append(label, row, list, status, chosen);
  return { box, row, input, list, status, chosen, pinHere };
}

// Adds the search box to the map. onPinHere(latlng), when given, is offered after a place
// is chosen (the map is then centred on it).
export function addPlaceSearch(map, config, { onPinHere = null, announce = () => {} } = {}) {
  const geocoder = config.geocoder ?? { kind: "local", url: config.urls.places };
  const api = GEOCODERS[geocoder.kind] ?? GEOCODERS.local;
  const ui = buildControl();
  // Top right, clear of the drawing tools (top left) and of the map's centre on a phone.
  const control = L.control({ position: "topright" });
  control.onAdd = () => ui.box;
  control.addTo(map);
  L.DomEvent.disableClickPropagation(ui.box);
  L.DomEvent.disableScrollPropagation(ui.box);

  let results = [];
  let active = -1;
  let timer = null;
  let pending = null;
  let marker = null;
  let spot = null;

  const say = (text) => {
    ui.status.textContent = text;
    announce(text);
  };

  function close() {
    ui.list.hidden = true;
    ui.input.setAttribute("aria-expanded", "false");
    ui.input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    const options = ui.list.querySelectorAll("[role=option]");
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) {
      ui.input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      ui.input.removeAttribute("aria-activedescendant");
    }
  }

  function show(found) {
    results = found;
    ui.list.replaceChildren();
    const labels = KIND_LABELS();
    found.forEach((place, i) => {
      const option = element("li", { id: `place-search-option-${i}`, role: "option", "aria-selected": "false" });
      option.append(element("span", { class: "place-name" }, place.name));
      option.append(element("span", { class: "place-kind" }, labels[place.kind] ?? ""));
      option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the input
      option.addEventListener("click", () => choose(i));
      ui.list.append(option);
    });
    const open = found.length > 0;
    ui.list.hidden = !open;
    ui.input.setAttribute("aria-expanded", String(open));
    active = -1;
    say(
      open
        ? fill(gettext("%(count)s places found; arrow keys to choose"), { count: found.length })
        : gettext("No place found. Check the spelling, or try the street alone."),
    );
  }

  async function search(q) {
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(api.url(geocoder, q, config.cityBbox), {
        signal: pending.signal,
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(String(response.status));
      show(api.results(await response.json()));
    } catch (error) {
      if (error.name !== "AbortError") say(gettext("The search is not available right now. Please try again."));
    }
  }

  function choose(index) {
    const place = results[index];
    if (!place) return;
    close();
    ui.input.value = place.name;
    spot = L.latLng(place.lat, place.lon);
    map.setView(spot, Math.min(ZOOM[place.kind] ?? 16, map.getMaxZoom()));
    marker?.remove();
    marker = L.circleMarker(spot, { radius: 9, color: "#1c2430", weight: 3, fill: false, interactive: false }).addTo(map);
    ui.chosen.querySelector("span").textContent = place.name;
    ui.chosen.hidden = !onPinHere;
    say(fill(gettext("The map shows %(place)s."), { place: place.name }));
  }

  ui.pinHere.addEventListener("click", () => {
    if (!spot) return;
    map.setView(spot, map.getZoom(), { animate: false });
    ui.chosen.hidden = true;
    marker?.remove();
    onPinHere(spot);
  });

  ui.input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = ui.input.value.trim();
    if (q.length < MIN_LENGTH) {
      pending?.abort();
      close();
      ui.status.textContent = "";
      return;
    }
    timer = setTimeout(() => search(q), DEBOUNCE_MS);
  });

  ui.input.addEventListener("keydown", (event) => {
    const open = !ui.list.hidden && results.length > 0;
    if (event.key === "ArrowDown" && open) {
      setActive((active + 1) % results.length);
    } else if (event.key === "ArrowUp" && open) {
      setActive(active <= 0 ? results.length - 1 : active - 1);
    } else if (event.key === "Enter" && open) {
      choose(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      if (open) close();
      else ui.input.value = "";
    } else {
      return;
    }
    event.preventDefault();
  });
  ui.input.addEventListener("blur", () => setTimeout(close, 150));
  return ui;
}

// The form a resident fills in after drawing; posts the Feature to the API. It checks what
// it can before sending (a category chosen, a title, lengths, the drawing inside the city)
// and shows every error next to its field, in plain words.
import { apiFetch, ApiError } from "../api/client.js";
import { bindCounter, clearFieldErrors, errorPairs, lengthError, showFieldError } from "../lib/fields.js";
import { fill, gettext } from "../lib/i18n.js";
import { photoFrom, uploadPhoto } from "./photo.js";

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
// On a narrow screen the form opens as a sheet over the map's lower part, in view.
const SHEET = window.matchMedia("(max-width: 50rem)");

// The sentence for a drawing that leaves the city's bounds, or "" when it lies inside.
export function outsideCity(geometry, { city, cityBbox: [minLon, minLat, maxLon, maxLat] }) {
  const positions = JSON.stringify(geometry.coordinates).match(/-?[\d.e+-]+,-?[\d.e+-]+/g) ?? [];
  const inside = positions.every((pair) => {
    const [lon, lat] = pair.split(",").map(Number);
    return minLon <= lon && lon <= maxLon && minLat <= lat && lat <= maxLat;
  });
  if (inside) return "";
  const type = geometry.type.replace("Multi", "");
  if (type === "Point") return fill(gettext("This point is outside %(city)s."), { city });
  if (type === "LineString") return fill(gettext("This line leaves %(city)s."), { city });
  return fill(gettext("This area reaches outside %(city)s."), { city });
}

export function bindDrawForm({ form, hint, errorBox, url, photosUrl, drawn, onCreated, announce, city }) {
  let layer = null;
  const submit = form.querySelector("button[type=submit]");
  const scopes = form.querySelectorAll("input[name=scope]");
  const drawnScope = form.querySelector("input[name=scope][value=drawn]");
  const districtField = form.querySelector("#draw-district-field");
  const fields = {
    title: form.elements.title,
    description: form.elements.description,
    category: form.elements.category,
    kind: form.querySelector("#draw-kind"),
    scope: form.querySelector("#draw-scope"),
    district: form.elements.district ?? form.querySelector("#draw-scope"),
    image: form.elements.image,
    alt_text: form.elements.alt_text,
  };
  bindCounter(fields.title, TITLE_MAX);
  bindCounter(fields.description, DESCRIPTION_MAX);

  // A claim about a whole district or the city sends no drawing (docs/adr/0008-claim-scope.md).
  function showScope() {
    if (districtField) districtField.hidden = form.elements.scope.value !== "district";
  }
  for (const input of scopes) input.addEventListener("change", showScope);

  function showGeneral(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function clearErrors() {
    clearFieldErrors(form);
    showGeneral("");
  }

  // Shows [name, message] pairs next to their fields; the drawing's and unnamed ones in the
  // box at the top. Focus goes to the first field with an error, else to the box.
  function showErrors(pairs) {
    const general = [];
    let first = null;
    for (const [name, message] of pairs) {
      const target = fields[name];
      if (target) {
        showFieldError(target, message);
        first ??= target.tagName === "FIELDSET" ? target.querySelector("input") : target;
      } else {
        general.push(message);
      }
    }
    showGeneral(general.join("\n"));
    (first ?? errorBox).focus();
  }

  function check(data, scope) {
    const pairs = [];
    if (!data.get("category")) pairs.push(["category", gettext("Choose a category.")]);
    if (!data.get("title").trim()) pairs.push(["title", gettext("Give your pin a title.")]);
    for (const [name, max] of [["title", TITLE_MAX], ["description", DESCRIPTION_MAX]]) {
      const error = lengthError(data.get(name).trim(), max);
      if (error) pairs.push([name, error]);
    }
    const photo = photosUrl ? photoFrom(data) : null;
    if (photo?.error) pairs.push(["alt_text", photo.error]);
    if (scope === "drawn" && layer) {
      const outside = outsideCity(layer.toGeoJSON(6).geometry, city);
      if (outside) pairs.push([null, `${outside} ${gettext("Move or redraw it, or choose the whole city.")}`]);
    }
    return pairs;
  }

  function close() {
    layer = null;
    drawn.clearLayers();
    form.reset();
    form.hidden = true;
    form.classList.remove("sheet");
    clearErrors();
    hint.hidden = false;
  }

  // drawnLayer: what the resident drew, or null for a claim about a district or the city.
  function open(drawnLayer) {
    layer = drawnLayer;
    drawnScope.disabled = !layer;
    drawnScope.closest("label").hidden = !layer;
    form.elements.scope.value = layer ? "drawn" : "city";
    showScope();
    clearErrors();
    form.classList.toggle("sheet", SHEET.matches);
    form.hidden = false;
    hint.hidden = true;
    form.scrollIntoView({ block: "nearest" });
    announce(layer ? gettext("Drawing finished. Describe it in the form.") : "");
    const focusTitle = () => form.elements.title.focus({ preventScroll: SHEET.matches });
    if (!SHEET.matches) {
      focusTitle();
      return;
    }
    // The tap that finished the drawing still sends its emulated mouse events, which would
    // land on the sheet now under the finger: it takes no clicks for a moment.
    form.inert = true;
    setTimeout(() => {
      form.inert = false;
      if (!form.hidden) focusTitle();
    }, 400);
  }

  form.querySelector("#draw-cancel").addEventListener("click", () => {
    close();
    announce(gettext("Drawing discarded."));
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const scope = data.get("scope") || "drawn";
    if (!layer && scope === "drawn") return;
    clearErrors();
    const problems = check(data, scope);
    if (problems.length) {
      showErrors(problems);
      return;
    }
    const feature = {
      type: "Feature",
      geometry: scope === "drawn" ? layer.toGeoJSON(6).geometry : null,
      properties: {
        kind: data.get("kind"),
        category: data.get("category"),
        title: data.get("title").trim(),
        description: data.get("description").trim(),
        scope,
      },
    };
    if (scope === "district") feature.properties.district = Number(data.get("district"));
    const photo = photosUrl ? photoFrom(data) : null; // checked in check()
    submit.disabled = true;
    announce(gettext("Saving…"));
    try {
      const created = await apiFetch(url, { method: "POST", body: feature });
      const photoError = photo ? await uploadPhoto(photosUrl, created.id, photo) : null;
      close();
      onCreated(created);
      announce(
        photoError ??
          (scope === "drawn"
            ? gettext("Your pin is on the map.")
            : gettext("Your proposal is listed beside the map.")),
      );
    } catch (error) {
      // The drawing stays on the map so the resident can fix the text and try again.
      if (error instanceof ApiError) {
        const pairs = errorPairs(error.data);
        showErrors(pairs.length ? pairs : [[null, error.message]]);
      } else {
        showErrors([[null, gettext("The server could not be reached. Please try again.")]]);
      }
      announce("");
    } finally {
      submit.disabled = false;
    }
  });
  return { open, close };
}

// After publishing: once the new pin's popup opens, focus moves into it (its title and
// link), so a keyboard user lands on what they just made.
export function focusNewPin(map) {
  map.once("popupopen", (event) => {
    const content = event.popup.getElement()?.querySelector(".popup");
    if (!content) return;
    content.tabIndex = -1;
    content.focus();
  });
}

// The form a resident fills in after drawing; posts the Feature to the API.
import { apiFetch, ApiError } from "../api/client.js";
import { gettext } from "../lib/i18n.js";
import { photoFrom, uploadPhoto } from "./photo.js";

export function bindDrawForm({ form, hint, errorBox, url, photosUrl, drawn, onCreated, announce }) {
  let layer = null;
  const submit = form.querySelector("button[type=submit]");
  const scopes = form.querySelectorAll("input[name=scope]");
  const drawnScope = form.querySelector("input[name=scope][value=drawn]");
  const districtField = form.querySelector("#draw-district-field");

  // A claim about a whole district or the city sends no drawing (docs/adr/0008-claim-scope.md).
  function showScope() {
    if (districtField) districtField.hidden = form.elements.scope.value !== "district";
  }
  for (const input of scopes) input.addEventListener("change", showScope);

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function close() {
    layer = null;
    drawn.clearLayers();
    form.reset();
    form.hidden = true;
    errorBox.hidden = true;
    hint.hidden = false;
  }

  // drawnLayer: what the resident drew, or null for a claim about a district or the city.
  function open(drawnLayer) {
    layer = drawnLayer;
    drawnScope.disabled = !layer;
    drawnScope.closest("label").hidden = !layer;
    form.elements.scope.value = layer ? "drawn" : "city";
    showScope();
    errorBox.hidden = true;
    form.hidden = false;
    hint.hidden = true;
    form.scrollIntoView({ block: "nearest", behavior: "smooth" });
    form.elements.title.focus({ preventScroll: true });
  }

  form.querySelector("#draw-cancel").addEventListener("click", close);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const scope = data.get("scope") || "drawn";
    if (!layer && scope === "drawn") return;
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
    const photo = photosUrl ? photoFrom(data) : null;
    if (photo?.error) {
      showError(photo.error);
      return;
    }
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
      showError(
        error instanceof ApiError
          ? `${gettext("Your pin could not be saved.")}\n${error.message}`
          : gettext("The server could not be reached. Please try again."),
      );
      announce("");
    } finally {
      submit.disabled = false;
    }
  });
  return { open, close };
}

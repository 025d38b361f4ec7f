// The form a resident fills in after drawing; posts the Feature to the API.
import { apiFetch, ApiError } from "../api/client.js";
import { gettext } from "../lib/i18n.js";

export function bindDrawForm({ form, hint, errorBox, url, drawn, onCreated, announce }) {
  let layer = null;
  const submit = form.querySelector("button[type=submit]");

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

  function open(drawnLayer) {
    layer = drawnLayer;
    errorBox.hidden = true;
    form.hidden = false;
    hint.hidden = true;
    form.scrollIntoView({ block: "nearest", behavior: "smooth" });
    form.elements.title.focus({ preventScroll: true });
  }

  form.querySelector("#draw-cancel").addEventListener("click", close);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!layer) return;
    const data = new FormData(form);
    const feature = {
      type: "Feature",
      geometry: layer.toGeoJSON(6).geometry,
      properties: {
        kind: data.get("kind"),
        category: data.get("category"),
        title: data.get("title").trim(),
        description: data.get("description").trim(),
      },
    };
    submit.disabled = true;
    announce(gettext("Saving…"));
    try {
      const created = await apiFetch(url, { method: "POST", body: feature });
      close();
      onCreated(created);
      announce(gettext("Your pin is on the map."));
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

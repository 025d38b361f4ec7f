// Its author changes the place of a published pin: the map page's drawing tools and keys on
// the pin's small map, then PATCH of the geometry. The service checks it as it checks a
// new pin, and its hooks bring the zoning overlay and the clusters up to date.
import { apiFetch, ApiError } from "../api/client.js";
import { outsideCity } from "../draw/form.js";
import { keyboardDrawing } from "../draw/keyboard.js";
import { addDrawTools } from "../draw/tools.js";
import { statusLine } from "../lib/dom.js";
import { errorPairs } from "../lib/fields.js";
import { flash } from "../lib/flash.js";
import { gettext } from "../lib/i18n.js";

export function bindPlaceEditor({ map, section, url, config }) {
  const say = statusLine(section.querySelector("#edit-place-status"));
  const errorBox = section.querySelector("#edit-place-error");
  const tools = section.querySelector(".draw-tools");
  let drawn = null;

  function refuse(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    errorBox.focus();
    drawn?.clearLayers();
  }

  async function save(layer) {
    errorBox.hidden = true;
    const geometry = layer.toGeoJSON(6).geometry;
    const outside = outsideCity(geometry, config);
    if (outside) return refuse(outside);
    say(gettext("Saving…"));
    try {
      await apiFetch(url, { method: "PATCH", body: { type: "Feature", geometry } });
      flash(gettext("The new place of your pin is saved."));
      window.location.reload();
    } catch (error) {
      say("");
      const messages = error instanceof ApiError ? errorPairs(error.data).map(([, text]) => text) : [];
      refuse(messages.join("\n") || gettext("The server could not be reached. Please try again."));
    }
  }

  const { handlers, pinCentre, drawn: group } = addDrawTools(map, { onDrawn: save });
  drawn = group;
  keyboardDrawing(map, {
    handlers,
    placePoint: pinCentre,
    announce: say,
    elements: { tools, steps: section.querySelector(".draw-steps") },
  });
  for (const button of tools.querySelectorAll("button")) button.disabled = false;
  // A bigger map while the place is being changed.
  section.addEventListener("toggle", () => {
    map.getContainer().classList.toggle("editing", section.open);
    map.invalidateSize();
  });
}

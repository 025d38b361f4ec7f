// The base-map form: upload an OpenStreetMap extract, wait for the import (it runs in the
// request), then show the new base map in the summary, or say why nothing changed.
import { elementsById } from "../lib/dom.js";
import { fill, gettext } from "../lib/i18n.js";
import { postForm, showError } from "./forms.js";

export function bindBasemap({ form, url }) {
  const { current, none, error, status, submit } = elementsById({
    current: "basemap-current",
    none: "basemap-none",
    error: "basemap-error",
    status: "basemap-status",
    submit: "basemap-submit",
  });

  function showVersion(version) {
    for (const element of current.querySelectorAll("[data-basemap]")) {
      const value = version[element.dataset.basemap];
      if (element.dataset.basemap === "imported_at") {
        element.dateTime = value;
        element.textContent = new Date(value).toLocaleString(document.documentElement.lang);
      } else {
        element.textContent = String(value);
      }
    }
    current.hidden = false;
    none.hidden = true;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(error, "");
    const file = form.elements.file.files[0];
    if (!file) {
      showError(error, gettext("Choose an OpenStreetMap extract (.osm.pbf or .osm) first."));
      return;
    }
    const data = new FormData();
    data.append("file", file);
    submit.disabled = true;
    status.textContent = gettext("Importing the base map… this may take a minute.");
    try {
      const version = await postForm(url, data);
      showVersion(version);
      status.textContent = fill(
        gettext("Imported %(source)s: %(features)s map features, %(places)s places in the search."),
        version,
      );
      form.reset();
    } catch (exc) {
      status.textContent = "";
      showError(error, fill(gettext("Nothing was changed: %(error)s"), { error: exc.message }));
    } finally {
      submit.disabled = false;
    }
  });
}

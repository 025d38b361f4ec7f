// Forms on a pin's page that talk to the API: <form data-api="url" data-method="POST"
// data-body="comment|properties|reason|report|decision|multipart" data-then="url">.
// "multipart" sends the form itself (with its file) as multipart/form-data. After success the page reloads
// (or goes to data-then) so what it shows is rendered by the server again.
import { apiFetch } from "../api/client.js";
import { gettext } from "../lib/i18n.js";

const bodies = {
  comment: (data) => ({ body: data.get("body") }),
  reason: (data) => ({ reason: data.get("reason") }),
  report: (data) => ({ target: data.get("target"), id: Number(data.get("id")), reason: data.get("reason") }),
  decision: (data) => ({ decision: data.get("decision"), reason: data.get("reason") ?? "" }),
  multipart: (data) => data,
  properties: (data) => ({
    type: "Feature",
    properties: {
      kind: data.get("kind"),
      category: data.get("category"),
      title: data.get("title"),
      description: data.get("description"),
    },
  }),
};

export function bindApiForm(form) {
  const errorBox = form.querySelector(".form-error");
  const button = form.querySelector("button[type=submit]");
  button.disabled = false; // rendered disabled until this handler is in place
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const makeBody = bodies[form.dataset.body];
    const body = makeBody ? makeBody(new FormData(form)) : undefined;
    button.disabled = true;
    errorBox.hidden = true;
    try {
      await apiFetch(form.dataset.api, { method: form.dataset.method, body });
      if (form.dataset.then) window.location.assign(form.dataset.then);
      else window.location.reload();
    } catch (error) {
      errorBox.textContent = error.status ? error.message : gettext("The server could not be reached. Please try again.");
      errorBox.hidden = false;
      button.disabled = false;
    }
  });
}

// Forms on a pin's page that talk to the API: <form data-api="url" data-method="POST"
// data-body="comment|properties|reason|report|decision|multipart" data-then="url"
// data-success="sentence">. "multipart" sends the form itself (with its file) as
// multipart/form-data. After success the page reloads (or goes to data-then) so what it
// shows is rendered by the server again, and says data-success there (lib/flash.js).
// Fields with data-max get a counter; errors are shown next to their field.
import { apiFetch } from "../api/client.js";
import { bindCounter, clearFieldErrors, errorPairs, lengthError, showFieldError } from "../lib/fields.js";
import { flash } from "../lib/flash.js";
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

function fieldOf(form, name) {
  const field = name && form.elements[name];
  if (!field) return null;
  return field instanceof RadioNodeList ? field[0].closest("fieldset") : field;
}

function lengthProblems(form) {
  return [...form.querySelectorAll("[data-max]")]
    .map((field) => [field.name, lengthError(field.value.trim(), Number(field.dataset.max))])
    .filter(([, error]) => error);
}

export function bindApiForm(form) {
  const errorBox = form.querySelector(".form-error");
  errorBox.tabIndex = -1;
  const button = form.querySelector("button[type=submit]");
  button.disabled = false; // rendered disabled until this handler is in place
  for (const field of form.querySelectorAll("[data-max]")) bindCounter(field, Number(field.dataset.max));

  function showErrors(pairs) {
    const general = [];
    let first = null;
    for (const [name, message] of pairs) {
      const field = fieldOf(form, name);
      if (field) {
        showFieldError(field, message);
        first ??= field.tagName === "FIELDSET" ? field.querySelector("input") : field;
      } else {
        general.push(message);
      }
    }
    errorBox.textContent = general.join("\n");
    errorBox.hidden = !general.length;
    (first ?? errorBox).focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    errorBox.hidden = true;
    const tooLong = lengthProblems(form);
    if (tooLong.length) {
      showErrors(tooLong);
      return;
    }
    const makeBody = bodies[form.dataset.body];
    const body = makeBody ? makeBody(new FormData(form)) : undefined;
    button.disabled = true;
    try {
      await apiFetch(form.dataset.api, { method: form.dataset.method, body });
      if (form.dataset.success) flash(form.dataset.success);
      if (form.dataset.then) window.location.assign(form.dataset.then);
      else window.location.reload();
    } catch (error) {
      const pairs = error.status ? errorPairs(error.data) : [];
      if (!pairs.length) {
        pairs.push([null, error.status ? error.message : gettext("The server could not be reached. Please try again.")]);
      }
      showErrors(pairs);
      button.disabled = false;
    }
  });
}

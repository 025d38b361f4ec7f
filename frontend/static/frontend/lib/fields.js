// Form fields that help: a character counter that speaks up before the limit, and errors
// shown next to their field (aria-invalid, aria-describedby) instead of in one box.
import { fill, gettext, ngettext } from "./i18n.js";

// Shows "up to N characters" under the field; within the last tenth of the limit (at least
// 10 characters) the count of characters left, in a polite live region; past it, how many
// too many. Nothing is cut off: the form refuses the text and says why.
export function bindCounter(field, max) {
  const counter = document.createElement("p");
  counter.className = "counter";
  counter.id = `${field.id}-count`;
  counter.setAttribute("aria-live", "polite");
  field.after(counter);
  field.setAttribute("aria-describedby", [field.getAttribute("aria-describedby"), counter.id].filter(Boolean).join(" "));
  const near = Math.max(10, Math.round(max / 10));
  const update = () => {
    const left = max - field.value.length;
    counter.classList.toggle("over", left < 0);
    if (left < 0) {
      counter.textContent = fill(ngettext("%(n)s character too many", "%(n)s characters too many", -left), { n: -left });
    } else if (left <= near) {
      counter.textContent = fill(ngettext("%(n)s character left", "%(n)s characters left", left), { n: left });
    } else {
      counter.textContent = fill(gettext("Up to %(max)s characters"), { max: max.toLocaleString() });
    }
  };
  field.addEventListener("input", update);
  field.form?.addEventListener("reset", () => setTimeout(update));
  update();
  return update;
}

// The message of a text that is too long, or "" when it fits.
export function lengthError(value, max) {
  if (value.length <= max) return "";
  return fill(gettext("At most %(max)s characters, please; this has %(n)s."), {
    max: max.toLocaleString(),
    n: value.length.toLocaleString(),
  });
}

// The error slot of a field: <p class="field-error" id="<field id>-error">, made on demand
// after the field's counter or the field (a fieldset: after its legend).
function errorSlot(target) {
  const id = `${target.id}-error`;
  let slot = document.getElementById(id);
  if (slot) return slot;
  slot = document.createElement("p");
  slot.className = "field-error";
  slot.id = id;
  slot.hidden = true;
  if (target.tagName === "FIELDSET") target.querySelector("legend").after(slot);
  else (document.getElementById(`${target.id}-count`) ?? target).after(slot);
  return slot;
}

export function showFieldError(target, message) {
  const slot = errorSlot(target);
  slot.textContent = message;
  slot.hidden = false;
  target.setAttribute("aria-invalid", "true");
  const described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!described.includes(slot.id)) target.setAttribute("aria-describedby", [slot.id, ...described].join(" "));
}

export function clearFieldErrors(form) {
  for (const slot of form.querySelectorAll(".field-error")) {
    slot.hidden = true;
    slot.textContent = "";
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
}

// DRF's error body as [name, message] pairs: {"properties": {"title": [...]}} and
// {"title": [...]} both give ["title", ...]; "detail" and "non_field_errors" give [null, ...].
export function errorPairs(data, name = null) {
  if (data == null) return [];
  if (typeof data === "string") return [[name, data]];
  if (Array.isArray(data)) return data.flatMap((item) => errorPairs(item, name));
  return Object.entries(data).flatMap(([key, value]) => {
    const general = ["detail", "non_field_errors", "properties"].includes(key);
    return errorPairs(value, general ? name : key);
  });
}

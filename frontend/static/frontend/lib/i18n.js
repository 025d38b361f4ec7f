// Translated text for scripts, from Django's JavaScript catalogue (the djangojs domain in
// locale/<lang>/LC_MESSAGES, served at /jsi18n/ and loaded by the base template before any
// module). `manage.py makemessages -d djangojs` finds the strings by the calls to gettext
// and ngettext: call them with literal text (no variables, no concatenation), then fill().
// Without the catalogue (it failed to load) the English source text is shown.
const catalogue = globalThis.django;

export function gettext(msgid) {
  return catalogue ? catalogue.gettext(msgid) : msgid;
}

export function ngettext(singular, plural, count) {
  if (catalogue) return catalogue.ngettext(singular, plural, count);
  return count === 1 ? singular : plural;
}

// fill("%(count)s pins", { count: 3 }) -> "3 pins": Python-style named placeholders, as
// the server's strings use them; a missing value becomes the empty string.
export function fill(text, values = {}) {
  return String(text).replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

// Translated strings for scripts. Views pass them (gettext on the server) in the page
// config as `strings`; a missing key shows the key itself, which a test will notice.
let strings = {};

export function setStrings(translated) {
  strings = translated || {};
}

// t("pinsShown", { count: 3 }) fills Python-style "%(count)s" placeholders.
export function t(key, values = {}) {
  const text = strings[key] ?? key;
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

// The filter state shared by the map and the list page, in the API's parameter names:
// category=a,b (one comma list), kind=proposal|conflict, q=text, author=me; the district
// and compatibility selects (and hidden fields) go along as they are, in `extra`.

const FORM_FILTERS = ["category", "kind", "q", "author"];

export function filtersFromForm(form) {
  const data = new FormData(form);
  return {
    category: data.getAll("category").filter(Boolean),
    kind: data.get("kind") || "",
    q: (data.get("q") || "").trim(),
    author: data.get("author") || "",
    // Other filters (the district and compatibility selects, hidden fields), as they are.
    extra: [...data].filter(([name, value]) => !FORM_FILTERS.includes(name) && value),
  };
}

export function filterParams(filters) {
  const params = new URLSearchParams(filters.extra ?? []);
  if (filters.category.length) params.set("category", filters.category.join(","));
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.q) params.set("q", filters.q);
  if (filters.author) params.set("author", filters.author);
  return params;
}

// Keeps the address bar (and links that carry the filters) in step with the form, and
// calls onChange(filters) after the user changes it; typing is debounced.
export function bindFilterForm(form, { onChange, links = [] }) {
  let timer = null;
  const apply = () => {
    const filters = filtersFromForm(form);
    const query = filterParams(filters).toString();
    history.replaceState(null, "", (query ? `?${query}` : location.pathname) + location.hash);
    for (const link of links) {
      const url = new URL(link.href, location.href);
      url.search = query;
      link.href = url.toString();
    }
    onChange(filters);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    apply();
  });
  form.addEventListener("change", () => {
    clearTimeout(timer);
    apply();
  });
  form.addEventListener("input", (event) => {
    if (event.target.type !== "search") return;
    clearTimeout(timer);
    timer = setTimeout(apply, 350);
  });
  form.querySelector("a.reset")?.addEventListener("click", (event) => {
    event.preventDefault();
    form.reset();
    for (const box of form.querySelectorAll("input[type=checkbox]")) box.checked = false;
    for (const select of form.querySelectorAll("select")) select.value = "";
    form.querySelector("input[name=kind][value='']").checked = true;
    form.querySelector("input[name=q]").value = "";
    form.querySelector("[data-extra-filters]")?.remove();
    apply();
  });
  return () => filtersFromForm(form);
}

// The page's config: what its view renders with `{{ config|json_script:"page-config" }}`
// (URLs, the city's box, category colours, the labels of server-side choices).
export function pageConfig(id = "page-config") {
  return JSON.parse(document.getElementById(id).textContent);
}

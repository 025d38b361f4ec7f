// Small DOM helpers shared by the pages' modules.

export function option(value, label) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = label;
  return element;
}

// A status line (a live region in the template): say(text) shows text, say(text, true)
// shows it as an error.
export function statusLine(element) {
  return (text, isError = false) => {
    element.textContent = text;
    element.classList.toggle("error", isError);
  };
}

// The page's elements by id, named: elementsById({ table: "rule-matrix" }).table
export function elementsById(ids) {
  return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, document.getElementById(id)]));
}

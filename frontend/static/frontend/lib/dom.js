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

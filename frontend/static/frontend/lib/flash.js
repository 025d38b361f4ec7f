// A message that outlives a reload: set before the page reloads (or goes elsewhere) after a
// change, shown once by the next page in its status region (base.html's #flash).
const KEY = "stadtmacher.flash";

export function flash(text) {
  try {
    sessionStorage.setItem(KEY, text);
  } catch {
    // storage refused (private mode): the change still happened, only the word is lost
  }
}

export function showFlash() {
  let text = null;
  try {
    text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    return;
  }
  const region = document.getElementById("flash");
  if (!text || !region) return;
  const item = document.createElement("p");
  item.className = "message message-success";
  item.textContent = text;
  // Filled a moment after load, so screen readers announce the live region's news.
  setTimeout(() => region.append(item), 100);
}

// The report's print button: a listener, since the Content-Security-Policy allows no
// inline handlers (onclick="…").
for (const button of document.querySelectorAll(".print-button")) {
  button.addEventListener("click", () => window.print());
}

// Multipart requests (file uploads) with the session's CSRF token; errors as ApiError.
import { apiFetch } from "../api/client.js";

export function postForm(url, formData) {
  return apiFetch(url, { method: "POST", body: formData });
}

export function showError(element, text) {
  element.textContent = text;
  element.hidden = !text;
}

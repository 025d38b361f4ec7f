// Multipart requests (file uploads) with the session's CSRF token; errors as ApiError.
import { ApiError, csrfToken, errorText } from "../api/client.js";

export async function postForm(url, formData) {
  const response = await fetch(url, {
    method: "POST",
    headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    body: formData,
    credentials: "same-origin",
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const message = errorText(data) || `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status, data);
  }
  return data;
}

export function showError(element, text) {
  element.textContent = text;
  element.hidden = !text;
}

// JSON requests to the Stadtmacher API with the session's CSRF token.

export class ApiError extends Error {
  constructor(message, status, data) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

export function csrfToken() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  if (cookie) return decodeURIComponent(cookie.slice("csrftoken=".length));
  return document.querySelector("input[name=csrfmiddlewaretoken]")?.value ?? "";
}

// Turns DRF's error bodies ({"detail": ...} or {"field": ["message", ...]}) into text.
export function errorText(data) {
  if (data == null) return "";
  if (typeof data === "string") return data;
  if (Array.isArray(data)) return data.map(errorText).join("\n");
  return Object.entries(data)
    .map(([field, value]) => {
      const text = errorText(value);
      return field === "detail" || field === "non_field_errors" ? text : `${field}: ${text}`;
    })
    .join("\n");
}

// `body` is sent as JSON, or as multipart when it is a FormData (file uploads).
export async function apiFetch(url, { method = "GET", body, signal } = {}) {
  const headers = { Accept: "application/json" };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["X-CSRFToken"] = csrfToken();
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined || multipart ? body : JSON.stringify(body),
    credentials: "same-origin",
    signal,
  });
  if (response.status === 204) return null;
  let data;
  try {
    data = await response.json();
  } catch {
    data = null; // not JSON (a proxy's error page, an empty body)
  }
  if (!response.ok) {
    const message = errorText(data) || `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status, data);
  }
  return data;
}

// A URL template from the page config with its one placeholder filled:
//   fillUrl("/api/proposals/{id}/", 7) -> "/api/proposals/7/"
//   fillUrl("/api/layers/{slug}/rules/", "zoning-a") -> "/api/layers/zoning-a/rules/"
export function fillUrl(template, value) {
  return template.replace(/\{(?:id|slug)\}/, encodeURIComponent(String(value)));
}

// The optional photo of the draw form: checked before the pin is sent, uploaded to the new
// pin right after it exists (multipart, POST /api/proposals/{id}/photos/).
import { apiFetch, fillUrl } from "../api/client.js";
import { gettext } from "../lib/i18n.js";

// { body: FormData } for a chosen photo, { error } when its description is missing, or null.
export function photoFrom(data) {
  const file = data.get("image");
  if (!(file instanceof File) || file.size === 0) return null;
  const alt = (data.get("alt_text") ?? "").trim();
  if (!alt) return { error: gettext("Describe the photo in a few words for people who cannot see it.") };
  const body = new FormData();
  body.append("image", file);
  body.append("alt_text", alt);
  return { body };
}

// Uploads the photo; answers null, or the sentence to show when it was refused (the pin
// itself stays: the photo can be added on its page).
export async function uploadPhoto(urlTemplate, proposalId, photo) {
  try {
    await apiFetch(fillUrl(urlTemplate, proposalId), { method: "POST", body: photo.body });
    return null;
  } catch (error) {
    return `${gettext("Your pin is on the map, but the photo was not added:")} ${error.message} ${gettext("You can add it on the pin's page.")}`;
  }
}

// Entry module of the pages without a map that use the API forms (the moderators' queue).
import { bindApiForm } from "../proposals/forms.js";

for (const form of document.querySelectorAll("form.api-form")) bindApiForm(form);

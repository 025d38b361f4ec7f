// Popup content built as DOM nodes. Everything a user wrote goes in as text, never HTML.
import { fillUrl } from "../api/client.js";
import { fill, gettext } from "../lib/i18n.js";
import { colourOf } from "./style.js";

function el(tag, { className, text } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  for (const child of children) node.append(child);
  return node;
}

// The pin's district and, when a zoning rule decided it, its compatibility badge.
function zoningLine({ compatibility, district_name: district }, labels) {
  const parts = [];
  if (compatibility && compatibility !== "unknown") {
    parts.push(el("span", {
      className: `compat compat-${compatibility}`,
      text: labels[compatibility] ?? compatibility,
    }));
  }
  if (district) parts.push(el("span", { text: fill(gettext("District: %(name)s"), { name: district }) }));
  return parts.length ? el("p", { className: "meta zoning" }, parts) : null;
}

export function popupContent(properties, config) {
  const category = config.categories.find((c) => c.value === properties.category);
  const kindLabel = properties.kind === "conflict" ? gettext("Conflict") : gettext("Proposal");
  const tags = el("p", { className: "meta" }, [
    el("span", { className: `tag tag-${properties.kind}`, text: kindLabel }),
    el("span", { text: category ? category.label : properties.category }),
  ]);
  tags.firstChild.style.setProperty("--c", colourOf(properties.category));
  const byline = el("p", { className: "meta", text: `${gettext("by")} ${properties.author_name ?? ""}` });
  const counts = el("p", { className: "meta" }, [
    el("span", { text: `${gettext("Supporters")}: ${properties.support_count ?? 0}` }),
    el("span", { text: `${gettext("Comments")}: ${properties.comment_count ?? 0}` }),
  ]);
  const children = [el("h3", { text: properties.title }), tags, byline, counts];
  const zoning = zoningLine(properties, config.compatibilities);
  if (zoning) children.push(zoning);
  if (config.urls.proposalPage) {
    const link = el("a", { text: gettext("Open this pin") });
    link.href = fillUrl(config.urls.proposalPage, properties.id);
    children.push(el("p", {}, [link]));
  }
  return el("div", { className: "popup" }, children);
}

"""The columns a proposal has when it leaves the tool for GIS: the exports and OGC API Features.

SQL fragments, so that every export is built in the database and all of them speak the same
schema: the public proposal fields, the author's public name and the overlay results
(district, compatibility, zones) and a link to the proposal's page. Parameters are
positional (%s); `sql_params()` returns them in the order the fragments use them.
"""

from django.urls import reverse
from django.utils.translation import gettext

# Proposals `p` with their author `u` and overlay `o` (absent until the overlay ran).
FROM = """
    proposals_proposal p
    JOIN accounts_user u ON u.id = p.author_id
    LEFT JOIN layers_proposaloverlay o ON o.proposal_id = p.id
"""

# accounts.User.public_name, in SQL. One parameter: the translated "a resident".
AUTHOR_NAME = """CASE WHEN u.show_name_publicly
    THEN coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username)
    ELSE %s END"""

# Zone codes by descending share, "WA;MI" (the overlay's zones list flattened for tables).
ZONE_CODES = """coalesce((SELECT string_agg(z->>'zone_code', ';'
        ORDER BY (z->>'share')::float DESC, z->>'zone_code')
    FROM jsonb_array_elements(coalesce(o.zones, '[]'::jsonb)) z), '')"""

# (name, SQL expression) in export column order; AUTHOR_NAME and url take a parameter each.
COLUMNS = [
    ("id", "p.id"),
    ("kind", "p.kind"),
    ("category", "p.category"),
    ("title", "p.title"),
    ("description", "p.description"),
    ("author_name", AUTHOR_NAME),
    ("support_count", "p.support_count"),
    ("comment_count", "p.comment_count"),
    ("created_at", "p.created_at"),
    ("status", "p.status"),
    ("district", "coalesce(o.district_name, '')"),
    ("compatibility", "coalesce(o.compatibility, 'unknown')"),
    ("zone_codes", ZONE_CODES),
    ("url", "%s || p.id || '/'"),
]

# For JSON outputs: the zones list itself, [{"layer","zone_code","share","verdict"}, ...].
ZONES_JSON = "coalesce(o.zones, '[]'::jsonb)"


def page_url_prefix(build_absolute_uri) -> str:
    """ "https://host/proposals/" from a request's build_absolute_uri: + id + "/" is a page."""
    page = reverse("frontend:proposal-detail", args=[1])
    return build_absolute_uri(page.removesuffix("1/"))


def sql_params(*, page_url: str) -> list:
    """The parameters of COLUMNS / properties_json(), in order; page_url from
    page_url_prefix()."""
    return [gettext("a resident"), page_url]


def select_list() -> str:
    """`expr AS name, ...` for tabular exports (CSV, GeoPackage)."""
    return ",\n".join(f"{expr} AS {name}" for name, expr in COLUMNS)


def properties_json() -> str:
    """A json_build_object of the columns plus the zones list, for GeoJSON outputs."""
    pairs = [f"'{name}', {expr}" for name, expr in COLUMNS]
    pairs.append(f"'zones', {ZONES_JSON}")
    return "json_build_object(" + ", ".join(pairs) + ")"

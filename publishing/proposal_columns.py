"""The columns a proposal has when it leaves the tool for GIS: the exports and OGC API Features.

Expressions on a Proposal queryset, written once for every output (CSV, GeoPackage, GeoJSON,
OGC API): the public proposal fields, the author's public name, the overlay results
(district, compatibility, zones; read through one LEFT JOIN, absent until the overlay ran)
and a link to the proposal's page.
"""

from django.db.models import CharField, F, Func, JSONField, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse

from accounts.selectors import public_name
from layers.models import Compatibility


class ZoneCodes(Func):
    """The zone codes of an overlay's zones list by descending share, "WA;MI" (for tables)."""

    template = (
        "coalesce((SELECT string_agg(z->>'zone_code', ';' "
        "ORDER BY (z->>'share')::float DESC, z->>'zone_code') "
        "FROM jsonb_array_elements(coalesce(%(expressions)s, '[]'::jsonb)) z), '')"
    )
    output_field = CharField()


# The GeoPackage field type of the columns that are not text.
KINDS = {"id": "int", "support_count": "int", "comment_count": "int", "created_at": "datetime"}


def page_url_prefix(build_absolute_uri) -> str:
    """ "https://host/proposals/" from a request's build_absolute_uri: + id + "/" is a page."""
    page = reverse("frontend:proposal-detail", args=[1])
    return build_absolute_uri(page.removesuffix("1/"))


def columns(*, page_url: str) -> dict:
    """{name: expression} in export column order; page_url from page_url_prefix()."""
    return {
        "id": F("id"),
        "kind": F("kind"),
        "category": F("category"),
        "title": F("title"),
        "description": F("description"),
        "author_name": public_name("author"),
        "support_count": F("support_count"),
        "comment_count": F("comment_count"),
        "created_at": F("created_at"),
        "status": F("status"),
        "district": Coalesce(F("overlay__district_name"), Value("")),
        "compatibility": Coalesce(F("overlay__compatibility"), Value(Compatibility.UNKNOWN.value)),
        "zone_codes": ZoneCodes(F("overlay__zones")),
        "url": Concat(Value(page_url), Cast("id", CharField()), Value("/")),
    }


def zones():
    """For JSON outputs: the overlay's zones list, [{"layer", "zone_code", "share", "verdict"}]."""
    return Coalesce(F("overlay__zones"), Cast(Value("[]"), JSONField()))

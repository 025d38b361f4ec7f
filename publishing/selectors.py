"""The map read model of proposals: the proposals app's reads plus what the layers overlay
found for each proposal (district and zoning verdict), as filters and as properties.

A proposal without an overlay row (no layer imported yet, or the overlay not run) has no
district ("") and counts as "unknown".
"""

from functools import lru_cache

from django.contrib.gis.geos import Polygon
from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from layers.models import Compatibility
from proposals import selectors as proposal_selectors
from proposals.models import Proposal


def overlay_properties() -> dict:
    """district_name and compatibility, read through one LEFT JOIN on the overlay's key."""
    return {
        "district_name": Coalesce(F("overlay__district_name"), Value("")),
        "compatibility": Coalesce(F("overlay__compatibility"), Value(Compatibility.UNKNOWN.value)),
    }


def map_proposal_list(*, compatibility=None, district=None, **filters) -> QuerySet[Proposal]:
    """proposals.selectors.proposal_list(**filters), narrowed by the overlay: compatibility
    (a list of verdicts, "unknown" matching proposals without an overlay) and district (the
    id of a district feature)."""
    qs = proposal_selectors.proposal_list(**filters)
    if compatibility:
        match = Q(overlay__compatibility__in=compatibility)
        if Compatibility.UNKNOWN in compatibility:
            match |= Q(overlay__isnull=True)
        qs = qs.filter(match)
    if district is not None:
        qs = qs.filter(overlay__district_id=district)
    return qs


def map_feature_collection(qs: QuerySet[Proposal]) -> str:
    """The map's FeatureCollection of `qs` (JSON text, one statement)."""
    return proposal_selectors.proposal_feature_collection(qs, extra_properties=overlay_properties())


def map_feature_collection_sql(qs: QuerySet[Proposal]) -> tuple[str, list]:
    """(sql, params) of the statement map_feature_collection() runs (for benchmarks)."""
    return proposal_selectors.proposal_feature_collection_sql(
        qs, extra_properties=overlay_properties()
    )


def map_feature(*, proposal: Proposal, user=None) -> dict:
    """The detail Feature of one proposal, with its overlay."""
    return proposal_selectors.proposal_feature(
        proposal=proposal, user=user, extra_properties=overlay_properties()
    )


# A box no view asks for (in Antarctica, at the date line): compiled into a view's statement
# in place of the view's own box, whose parameter then replaces it.
_NO_BOX = (-179.9, -89.9, -179.8, -89.8)


def _box_parameter(bbox, using: str):
    """The query parameter Django makes of a box for `geom && box`."""
    field = Proposal._meta.get_field("geom")
    return field.get_db_prep_value(Polygon.from_bbox(bbox), connections[using])


@lru_cache(maxsize=256)
def _box_statement(filters: tuple, language: str, using: str):
    """The map's FeatureCollection statement for `filters` (without bbox and author) with
    _NO_BOX in it: (sql, params, the positions of the box's parameter), or None when the
    ORM compiles it otherwise (nothing can match, or the box is not one parameter).
    `language` is part of the key: the names of deleted and hidden authors are parameters."""
    del language  # the active one is compiled in
    values = {name: list(value) if isinstance(value, tuple) else value for name, value in filters}
    try:
        sql, params = map_feature_collection_sql(map_proposal_list(bbox=_NO_BOX, **values))
    except EmptyResultSet:
        return None
    box = _box_parameter(_NO_BOX, using)
    slots = tuple(i for i, param in enumerate(params) if param == box)
    return (sql, tuple(params), slots) if len(slots) == 1 else None


def map_feature_collection_in_box(*, bbox, **filters) -> str | None:
    """map_feature_collection(map_proposal_list(bbox=bbox, **filters)) for the map's views,
    with the statement compiled once per set of filters and language: views differ only by
    their box, and compiling the ORM's statement was about half the CPU of such a request
    (4-5 ms of 9). Not for `author` (whose rows depend on the user)."""
    using = router.db_for_read(Proposal)
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in filters.items()))
    compiled = _box_statement(key, get_language(), using)
    if compiled is None:
        return map_feature_collection(map_proposal_list(bbox=bbox, **filters))
    sql, params, (slot,) = compiled
    params = list(params)
    params[slot] = _box_parameter(bbox, using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None

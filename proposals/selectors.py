"""Reads of proposals. Big reads are built in PostGIS, not feature by feature in Python."""

import json

from django.contrib.gis.geos import Polygon
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils.translation import gettext as _

from .models import Comment, Proposal, Status, Support


def proposal_list(
    *,
    bbox=None,
    categories=None,
    kinds=None,
    q=None,
    author=None,
    compatibility=None,
    district=None,
    user=None,
) -> QuerySet[Proposal]:
    """Active proposals matching the filters, newest first.

    bbox is (minlon, minlat, maxlon, maxlat) in EPSG:4326; a proposal is in the box when its
    bounding box overlaps it (geom && envelope: answered by the GiST index, and cheap enough
    that PostgreSQL does not JIT-compile the big map query). A long line passing just outside
    a corner of the box may count as inside; the map and the list agree on it. author is
    "me" (the pins of `user`; nothing for anonymous users) or a User. compatibility (list
    of verdicts) and district (a feature id) filter by the layers overlay; a proposal
    without an overlay counts as "unknown".
    """
    qs = Proposal.objects.filter(status=Status.ACTIVE)
    if bbox is not None:
        qs = qs.filter(geom__bboverlaps=Polygon.from_bbox(bbox))
    if categories:
        qs = qs.filter(category__in=categories)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q))
    if author == "me":
        if user is None or not user.is_authenticated:
            return qs.none()
        author = user
    if author is not None:
        qs = qs.filter(author=author)
    if compatibility:
        match = Q(overlay__compatibility__in=compatibility)
        if "unknown" in compatibility:
            match |= Q(overlay__isnull=True)
        qs = qs.filter(match)
    if district is not None:
        qs = qs.filter(overlay__district_id=district)
    return qs.order_by("-created_at", "-id")


def proposal_get(*, proposal_id, user=None) -> Proposal | None:
    """One proposal as `user` may see it: active ones for everybody, withdrawn or hidden
    ones only for their author and moderators."""
    proposal = Proposal.objects.select_related("author").filter(pk=proposal_id).first()
    if proposal is None:
        return None
    if proposal.status == Status.ACTIVE or (
        user and user.has_perm("proposals.view_proposal", proposal)
    ):
        return proposal
    return None


def public_name_of(user_field: str = "author"):
    """SQL expression with User.public_name semantics for the user behind `user_field`."""
    full_name = NullIf(
        Trim(Concat(F(f"{user_field}__first_name"), Value(" "), F(f"{user_field}__last_name"))),
        Value(""),
    )
    return Case(
        When(**{f"{user_field}__show_name_publicly": False}, then=Value(str(_("a resident")))),
        default=Coalesce(full_name, F(f"{user_field}__username")),
    )


def with_author_name(qs: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Annotate author_name (User.public_name semantics), computed in SQL."""
    return qs.annotate(author_name=public_name_of("author"))


EMPTY_FEATURE_COLLECTION = '{"type": "FeatureCollection", "features": []}'

# One feature, built by PostgreSQL from the row `f` of the inner query.
_PROPERTIES = """
    'id', f.id, 'kind', f.kind, 'category', f.category, 'title', f.title,
    'author_name', f.author_name, 'support_count', f.support_count,
    'comment_count', f.comment_count, 'created_at', f.created_at, 'status', f.status,
    'district_name', f.district_name, 'compatibility', f.compatibility
"""
_FEATURE = """json_build_object(
    'type', 'Feature', 'id', f.id, 'geometry', ST_AsGeoJSON(f.geom, 6)::json,
    'properties', json_build_object({properties}))"""


def overlay_columns() -> dict:
    """district_name and compatibility from the layers overlay (LEFT JOIN on the proposal's
    key); a proposal without an overlay row has no district ("") and counts as "unknown"."""
    return {
        "district_name": Coalesce(F("overlay__district_name"), Value("")),
        "compatibility": Coalesce(F("overlay__compatibility"), Value("unknown")),
    }


def _feature_rows(qs: QuerySet[Proposal], *extra: str) -> QuerySet:
    """The columns a feature is built from, in the queryset's order."""
    return with_author_name(qs).values(
        "id", "kind", "category", "title", "author_name", "support_count", "comment_count",
        "created_at", "status", "geom", *extra, **overlay_columns(),
    )  # fmt: skip


def feature_collection_sql(qs: QuerySet[Proposal]) -> tuple[str, tuple]:
    """The one SQL statement that turns `qs` into a GeoJSON FeatureCollection (text).

    json_agg takes the rows in the order of the (ordered) inner query; an ORDER BY inside
    json_agg would sort the built features instead and costs more than the rest together.
    """
    inner, params = _feature_rows(qs).query.sql_with_params()
    feature = _FEATURE.format(properties=_PROPERTIES)
    sql = (
        "SELECT json_build_object('type', 'FeatureCollection', 'features', "
        f"COALESCE(json_agg({feature}), '[]'::json))::text FROM ({inner}) AS f"
    )
    return sql, params


def proposal_feature_collection(qs: QuerySet[Proposal]) -> str:
    """RFC 7946 FeatureCollection of `qs` as JSON text, built in PostGIS in one query."""
    try:
        sql, params = feature_collection_sql(qs)
    except EmptyResultSet:  # e.g. qs.none(): Django knows there is nothing to ask for
        return EMPTY_FEATURE_COLLECTION
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def proposal_feature(*, proposal: Proposal, user=None) -> dict:
    """The detail Feature of one proposal (same SQL as the list, plus detail properties)."""
    is_authenticated = user is not None and user.is_authenticated
    supported = (
        Exists(Support.objects.filter(proposal=OuterRef("pk"), user=user))
        if is_authenticated
        else Value(False)
    )
    qs = Proposal.objects.filter(pk=proposal.pk).annotate(supported_by_me=supported)
    inner, params = _feature_rows(qs, "description", "supported_by_me").query.sql_with_params()
    properties = (
        _PROPERTIES + ", 'description', f.description, 'supported_by_me', f.supported_by_me"
    )
    sql = f"SELECT {_FEATURE.format(properties=properties)}::text FROM ({inner}) AS f"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        feature = json.loads(cursor.fetchone()[0])
    props = feature["properties"]
    props["is_mine"] = is_authenticated and proposal.author_id == user.pk
    props["can_edit"] = bool(user and user.has_perm("proposals.change_proposal", proposal))
    if user is not None and user.has_perm("proposals.hide_proposal", proposal):
        props["hidden_reason"] = proposal.hidden_reason
    return feature


def comment_list(*, proposal: Proposal) -> QuerySet[Comment]:
    return (
        Comment.objects.filter(proposal=proposal)
        .annotate(author_name=public_name_of("author"))
        .order_by("created_at", "id")
    )

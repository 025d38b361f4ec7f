"""Reads of proposals. Big reads are built in PostGIS, not feature by feature in Python."""

import json

from django.contrib.gis.geos import Polygon
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, TextField, Value, When
from django.utils.translation import gettext_lazy as _

from accounts.selectors import public_name
from core.geojson import feature_collection, feature_collection_sql, feature_text

from .models import Comment, Proposal, Scope, Status, Support


class Sort(models.TextChoices):
    """The orders of a list of proposals (the `sort` parameter); ties go to the newest."""

    NEWEST = "newest", _("Newest")
    SUPPORTED = "supported", _("Most supported")
    DISCUSSED = "discussed", _("Most discussed")


ORDER_BY = {
    Sort.NEWEST: ("-created_at", "-id"),
    Sort.SUPPORTED: ("-support_count", "-created_at", "-id"),
    Sort.DISCUSSED: ("-comment_count", "-created_at", "-id"),
}


def proposal_list(
    *, bbox=None, categories=None, kinds=None, q=None, author=None, sort=Sort.NEWEST, user=None
) -> QuerySet[Proposal]:
    """Active proposals matching the filters, in the order `sort` names (newest first by
    default).

    bbox is (minlon, minlat, maxlon, maxlat) in EPSG:4326; a proposal is in the box when its
    bounding box overlaps it (geom && envelope: answered by the GiST index, and cheap enough
    that PostgreSQL does not JIT-compile the big map query). A long line passing just outside
    a corner of the box may count as inside; the map and the list agree on it. author is
    "me" (the pins of `user`; nothing for anonymous users) or a User.
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
    return qs.order_by(*ORDER_BY[sort])


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


def own_proposal_list(*, user) -> QuerySet[Proposal]:
    """All of `user`'s pins, withdrawn and hidden ones too, newest first."""
    return Proposal.objects.filter(author=user).order_by("-created_at", "-id")


def with_author_name(qs: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Annotate author_name (User.public_name semantics), computed in SQL."""
    return qs.annotate(author_name=public_name("author"))


def feature_properties() -> dict:
    """The properties of a proposal's map feature, as expressions on a Proposal queryset.

    Lean on purpose: the map's FeatureCollection of every proposal is built from these (one
    join, to the author)."""
    return {
        "id": "id",
        "kind": "kind",
        "category": "category",
        "title": "title",
        "author_name": public_name("author"),
        "support_count": "support_count",
        "comment_count": "comment_count",
        "created_at": "created_at",
        "status": "status",
        "scope": "scope",
    }


def proposal_feature_collection(qs: QuerySet[Proposal], *, extra_properties=None) -> str:
    """RFC 7946 FeatureCollection of `qs` as JSON text, built in PostGIS in one query;
    extra_properties (expressions) follow the feature_properties()."""
    properties = {**feature_properties(), **(extra_properties or {})}
    return feature_collection(qs, properties=properties)


def proposal_feature_collection_sql(qs: QuerySet[Proposal], *, extra_properties=None):
    """(sql, params) of the statement proposal_feature_collection() runs."""
    properties = {**feature_properties(), **(extra_properties or {})}
    return feature_collection_sql(qs, properties=properties)


def proposal_feature(*, proposal: Proposal, user=None, extra_properties=None) -> dict:
    """The detail Feature of one proposal: the map feature's properties, extra_properties,
    the detail properties, and what `user` may do with it."""
    is_authenticated = user is not None and user.is_authenticated
    supported = (
        Exists(Support.objects.filter(proposal=OuterRef("pk"), user=user))
        if is_authenticated
        else Value(False)
    )
    properties = {
        **feature_properties(),
        **(extra_properties or {}),
        "description": "description",
        "supported_by_me": supported,
    }
    text = feature_text(Proposal.objects.filter(pk=proposal.pk), properties=properties)
    feature = json.loads(text)
    props = feature["properties"]
    props["is_mine"] = is_authenticated and proposal.author_id == user.pk
    props["can_edit"] = bool(user and user.has_perm("proposals.change_proposal", proposal))
    if user is not None and user.has_perm("proposals.hide_proposal", proposal):
        props["hidden_reason"] = proposal.hidden_reason
    return feature


def comment_list(*, proposal: Proposal) -> QuerySet[Comment]:
    """The comments on a pin, oldest first. A comment a moderator hid keeps its place, with
    its text and author replaced by empty strings (`is_hidden` says why they are empty)."""
    return (
        Comment.objects.filter(proposal=proposal)
        .annotate(
            author_name=Case(
                When(is_hidden=True, then=Value("")),
                default=public_name("author"),
                output_field=TextField(),
            ),
            shown_body=Case(
                When(is_hidden=True, then=Value("")), default=F("body"), output_field=TextField()
            ),
        )
        .order_by("created_at", "id")
    )


def wide_claim_list() -> QuerySet[Proposal]:
    """The active claims about a whole district or the whole city (not drawn), city first,
    then by district and newest; shown beside the map, not on it."""
    return (
        Proposal.objects.filter(status=Status.ACTIVE)
        .exclude(scope=Scope.DRAWN)
        .order_by("scope", "district_id", "-created_at", "-id")
        .only("id", "title", "kind", "category", "scope", "district_id", "support_count")
    )

"""Reads of the spatial app. Big reads are built as GeoJSON by PostGIS in one query."""

from django.contrib.gis.db.models.functions import PointOnSurface
from django.contrib.gis.geos import Polygon
from django.db.models import DecimalField, F, Func, OuterRef, QuerySet, Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, Round

from accounts.selectors import public_name
from core.geojson import FeatureCollection, feature_collection, feature_text
from proposals.models import Proposal, Scope, Status

from .models import Cluster


def cluster_list(*, contested=None, categories=None, min_size=None, bbox=None) -> QuerySet:
    """Current clusters matching the filters, contested first, then by score."""
    qs = Cluster.objects.current()
    if contested is not None:
        qs = qs.filter(contested=contested)
    if categories:
        qs = qs.filter(categories__overlap=list(categories))
    if min_size:
        qs = qs.filter(claim_count__gte=min_size)
    if bbox:
        qs = qs.filter(outline__intersects=Polygon.from_bbox(bbox))
    return qs.order_by("-contested", "-score", "-claim_count", "id")


def _language(language: str | None) -> str:
    return "de" if (language or "")[:2] == "de" else "en"


class ToNumeric(Func):
    """x::numeric, so that round(x, 1) prints its decimal: 12.0, not 12."""

    template = "(%(expressions)s)::numeric"
    output_field = DecimalField()


def _cluster_properties(language: str | None) -> dict:
    return {
        "id": "id",
        "contested": "contested",
        "score": "score",
        "explanation": Coalesce(
            KeyTextTransform(_language(language), "explanation"),
            KeyTextTransform("en", "explanation"),
            Value(""),
        ),
        "categories": "categories",
        "claim_count": "claim_count",
        "proposal_count": "proposal_count",
        "conflict_count": "conflict_count",
        "incompatible_count": "incompatible_count",
        "author_count": "author_count",
        "support_count": "support_count",
        "overlap_area_m2": Round(ToNumeric(F("overlap_area_m2")), 1),
        "updated_at": "updated_at",
    }


def cluster_feature_collection(qs: QuerySet, *, language: str | None = None) -> str:
    """RFC 7946 FeatureCollection (text) of the clusters in `qs`, in its order."""
    return feature_collection(qs, geometry="outline", properties=_cluster_properties(language))


def _cluster_members():
    """The member proposals of the outer cluster as a FeatureCollection, by id."""
    members = Proposal.objects.filter(cluster_membership__cluster=OuterRef("pk")).order_by("id")
    return FeatureCollection(
        members,
        properties={
            "id": "id",
            "kind": "kind",
            "category": "category",
            "title": "title",
            "support_count": "support_count",
            "author_name": public_name("author"),
            "compatibility": Coalesce(F("overlay__compatibility"), Value("unknown")),
        },
    )


def _cluster_context():
    """The wide claims (a whole district or the city, active) the outer cluster lies in, as
    a FeatureCollection, by id: context for the cluster, never members of it
    (docs/adr/0008-claim-scope.md). Their geometry is a point on their outline, which keeps
    a cluster's answer small while a district outline may be large."""
    wide = (
        Proposal.objects.filter(status=Status.ACTIVE, geom__intersects=OuterRef("outline"))
        .exclude(scope=Scope.DRAWN)
        .annotate(anchor=PointOnSurface("geom"))
        .order_by("id")
    )
    return FeatureCollection(
        wide,
        geometry="anchor",
        properties={
            "id": "id",
            "kind": "kind",
            "category": "category",
            "title": "title",
            "scope": "scope",
            "support_count": "support_count",
            "author_name": public_name("author"),
        },
    )


def cluster_detail(cluster_id: int, *, language: str | None = None) -> str | None:
    """One cluster as a GeoJSON Feature (text) with statistics, both explanations and its
    members as a FeatureCollection of proposals, and the wide claims about its district or
    the city as `context`; None when there is no such cluster.
    A dissolved cluster is still answered (negotiation rounds refer to it)."""
    properties = {
        **_cluster_properties(language),
        "explanations": "explanation",
        "dissolved_at": "dissolved_at",
        "created_at": "created_at",
        "members": _cluster_members(),
        "context": _cluster_context(),
    }
    return feature_text(
        Cluster.objects.filter(pk=cluster_id).order_by(), geometry="outline", properties=properties
    )

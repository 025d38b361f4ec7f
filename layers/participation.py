"""Participation per district: active proposals per 1,000 inhabitants, for the choropleth.

One SQL statement: a proposal counts for the district the overlay assigned it (largest
share) when that district belongs to this layer; otherwise (not overlaid yet, or the overlay
chose another district layer) for the district of this layer that contains a point on its
surface. The view answers GET /api/layers/{slug}/participation/ (layers/participation_urls.py).
"""

from decimal import Decimal

from django.contrib.gis.db.models import GeometryField
from django.contrib.postgres.fields import ArrayField
from django.db.models import (
    Aggregate,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    JSONField,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, NullIf, Round
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny

from core.geojson import summarized_collection
from proposals.models import Proposal, Status

from .models import Feature, Layer, LayerKind, LayerState, ProposalOverlay

CLASSES = 5  # choropleth classes (quantiles of the rate)


class PointOnSurface(Func):
    function = "ST_PointOnSurface"
    output_field = GeometryField(srid=4326)


class PercentileCont(Aggregate):
    """percentile_cont(fractions) WITHIN GROUP (ORDER BY value), NULL values left out
    (fractions: a float8[] expression)."""

    function = "percentile_cont"
    template = "%(function)s(%(expressions)s)"
    arg_joiner = ") WITHIN GROUP (ORDER BY "
    output_field = ArrayField(FloatField())


class ToJSON(Func):
    function = "to_json"
    output_field = JSONField()


class RowCount(Subquery):
    """The number of rows of a queryset, as a scalar subquery (unordered: counting needs
    no sort)."""

    template = "(SELECT count(*) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()

    def __init__(self, queryset):
        super().__init__(queryset.order_by().values("pk"))


EMPTY_JSON_ARRAY = Func(template="'[]'::json", output_field=JSONField())


def _given_elsewhere(layer: Layer):
    """Active proposals the overlay did not give to a district of `layer` (not overlaid
    yet, or given to a district of another layer): they count where they lie."""
    active = Proposal.objects.filter(status=Status.ACTIVE)
    return active.exclude(overlay__district__layer=layer).annotate(at=PointOnSurface("geom"))


def _district_at(layer: Layer, point, *, below=None):
    """The districts of `layer` containing `point`; with `below`, those with a smaller id."""
    districts = Feature.objects.filter(layer=layer, geom__intersects=point)
    return districts if below is None else districts.filter(id__lt=below)


def _proposal_count(layer: Layer):
    """Active proposals of the outer district: those the overlay gave it, plus those given
    elsewhere whose point on the surface lies in it and in no district of a smaller id."""
    by_overlay = ProposalOverlay.objects.filter(
        district=OuterRef("pk"), proposal__status=Status.ACTIVE
    )
    by_point = (
        _given_elsewhere(layer)
        .filter(geom__bboverlaps=OuterRef("geom"), at__intersects=OuterRef("geom"))
        .exclude(Exists(_district_at(layer, OuterRef("at"), below=OuterRef(OuterRef("pk")))))
    )
    return RowCount(by_overlay) + RowCount(by_point)


def participation_geojson(*, layer: Layer) -> str:
    """Districts of `layer` with proposals, population and per_1000 (3 decimals, None
    without a population), plus `breaks` (the upper bounds of the lower CLASSES-1 quantile
    classes of the rate), `total` and `unassigned` (active proposals counted for a district
    of `layer`, and not)."""
    districts = Feature.objects.filter(layer=layer).annotate(proposals=_proposal_count(layer))
    per_1000 = Round(
        ExpressionWrapper(
            F("proposals") * Value(Decimal("1000.0")) / NullIf(F("population"), 0),
            output_field=DecimalField(),
        ),
        3,
    )
    quantiles = Value([i / CLASSES for i in range(1, CLASSES)], ArrayField(FloatField()))
    # Each active proposal counts for one district at most, so the districts' counts add up
    # to those counted, and the rest lie outside every district.
    total = Coalesce(Sum("proposals"), 0)
    active = RowCount(Proposal.objects.filter(status=Status.ACTIVE))
    return summarized_collection(
        districts,
        properties={
            "id": "id",
            "name": "name",
            "population": "population",
            "proposals": "proposals",
            "per_1000": per_1000,
        },
        members={
            "breaks": Coalesce(ToJSON(PercentileCont(quantiles, per_1000)), EMPTY_JSON_ARRAY),
            "total": total,
            "unassigned": active - total,
        },
        order_by="id",
    )


class ParticipationView(GenericAPIView):
    serializer_class = serializers.Serializer
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Proposals per 1,000 inhabitants per district (GeoJSON with class breaks)",
        responses={(200, "application/geo+json"): dict},
    )
    def get(self, request, slug):
        layer = get_object_or_404(Layer, slug=slug)
        if layer.state != LayerState.DONE:
            raise NotFound(_("No such layer (or it is not ready yet)."))
        if layer.kind != LayerKind.DISTRICT:
            raise ValidationError(
                {"layer": _("Participation is counted per district: choose a district layer.")}
            )
        return HttpResponse(participation_geojson(layer=layer), content_type="application/geo+json")

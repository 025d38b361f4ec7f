"""The layers API (thin: selectors read, services write and check the rules)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import BaseParser, FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from accounts.rules import refuse_before_the_body
from core.params import BBoxFilter, Filters, NumberFilter
from proposals.selectors import proposal_get

from . import selectors, services, uploads
from .models import Layer, Verdict
from .serializers import (
    LayerDetailSerializer,
    LayerInspectSerializer,
    LayerSerializer,
    LayerUploadSerializer,
)

GEOJSON = "application/geo+json"
MAX_TOLERANCE = 0.01  # degrees (about 1 km): beyond that a layer is no longer recognisable


class CSVParser(BaseParser):
    media_type = "text/csv"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read().decode("utf-8-sig", errors="replace")


def _layer_for(request, slug: str) -> Layer:
    layer = selectors.layer_get(slug=slug, user=request.user)
    if layer is None:
        raise NotFound(_("No such layer (or it is not ready yet)."))
    return layer


def _expire_stopped_imports(user) -> None:
    # Only those who see unfinished layers (planners) look at import states; a killed
    # import shows as failed with a sentence on their next look.
    if user.has_perm("layers.view_unfinished_layer"):
        services.layer_imports_recover()


def _check_upload_length(request, *, imported_in_request: bool = False) -> None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    # allow for the form fields around it
    uploads.check_size(max(length - 64 * 1024, 0), imported_in_request=imported_in_request)


def _blank_to_none(data: dict) -> dict:
    return {k: (v if v != "" else None) for k, v in data.items()}


class LayerListView(GenericAPIView):
    permission_classes = [refuse_before_the_body("layers.add_layer")]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = LayerUploadSerializer

    @extend_schema(
        summary="Layers with their state and legend", responses=LayerSerializer(many=True)
    )
    def get(self, request):
        _expire_stopped_imports(request.user)
        layers = list(selectors.layer_list(user=request.user))
        legends = selectors.layer_legends(layer.id for layer in layers)
        data = LayerSerializer(layers, many=True, context={"legends": legends}).data
        return Response(data)

    @extend_schema(
        summary="Upload a GIS file (GeoPackage, GeoJSON, zipped Shapefile); planners only",
        responses={202: LayerDetailSerializer},
    )
    def post(self, request):
        _check_upload_length(request, imported_in_request=True)
        form = LayerUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = _blank_to_none(dict(form.validated_data))
        layer = services.layer_upload(
            file=data.pop("file"),
            name=data.pop("name"),
            kind=data.pop("kind"),
            layer_name=data.pop("layer", None),
            user=request.user,
            **data,
        )
        layer.refresh_from_db()
        body = LayerDetailSerializer(layer).data
        body["status_url"] = reverse("api:layer-detail", kwargs={"slug": layer.slug})
        return Response(
            body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["status_url"]}
        )


class LayerInspectView(GenericAPIView):
    permission_classes = [refuse_before_the_body("layers.add_layer")]
    parser_classes = [MultiPartParser]
    serializer_class = LayerInspectSerializer

    @extend_schema(summary="The layers inside a file and their attributes (nothing is stored)")
    def post(self, request):
        _check_upload_length(request)
        form = LayerInspectSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        layers = services.layer_inspect_upload(file=form.validated_data["file"], user=request.user)
        return Response({"layers": layers})


class LayerDetailView(GenericAPIView):
    serializer_class = LayerDetailSerializer

    @extend_schema(summary="One layer: state, progress, import report")
    def get(self, request, slug):
        _expire_stopped_imports(request.user)
        layer = _layer_for(request, slug)
        legends = selectors.layer_legends([layer.id])
        return Response(LayerDetailSerializer(layer, context={"legends": legends}).data)

    @extend_schema(summary="Delete a layer (planners)", responses={204: None})
    def delete(self, request, slug):
        layer = get_object_or_404(Layer, slug=slug)
        services.layer_delete(layer=layer, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


FEATURE_FILTERS = Filters(
    BBoxFilter(),
    NumberFilter(
        "tolerance",
        key="tolerance",
        minimum=0,
        maximum=MAX_TOLERANCE,
        message=_lazy("tolerance must be a number of degrees from 0 to %(maximum)s."),
        description="simplification in degrees",
    ),
)


class LayerFeaturesView(GenericAPIView):
    serializer_class = serializers.Serializer

    @extend_schema(
        summary="The layer's features as GeoJSON, built in PostGIS",
        parameters=FEATURE_FILTERS.openapi_parameters(),
        responses={(200, GEOJSON): dict},
    )
    def get(self, request, slug):
        layer = _layer_for(request, slug)
        filters = FEATURE_FILTERS.read(request.query_params)
        body = selectors.layer_features_geojson(layer=layer, **filters)
        return HttpResponse(body, content_type=GEOJSON)


# {zone_code: {category: verdict}}
RULE_MATRIX = {
    "type": "object",
    "description": "{zone_code: {category: verdict}}",
    "additionalProperties": {
        "type": "object",
        "additionalProperties": {"type": "string", "enum": list(Verdict.values)},
    },
}
PROPOSAL_OVERLAY = inline_serializer(
    "ProposalOverlay",
    {
        "proposal": serializers.IntegerField(),
        "compatibility": serializers.CharField(),
        "zones": serializers.JSONField(),
        "district": inline_serializer(
            "ProposalOverlayDistrict",
            {
                "id": serializers.IntegerField(),
                "name": serializers.CharField(),
                "layer": serializers.CharField(),
            },
            allow_null=True,
        ),
        "computed_at": serializers.DateTimeField(),
    },
)


OVERLAY_CHANGES = {
    "compatibility_changed": serializers.IntegerField(),
    "now_unknown": serializers.IntegerField(),
    "district_changed": serializers.IntegerField(),
    "transitions": inline_serializer(
        "VerdictTransition",
        {
            "from": serializers.CharField(),
            "to": serializers.CharField(),
            "count": serializers.IntegerField(),
        },
        many=True,
    ),
}


class LayerAuthoritativeView(GenericAPIView):
    serializer_class = serializers.Serializer

    @extend_schema(
        summary="Make this district layer decide the districts (planners); DELETE: none does",
        responses={200: inline_serializer("DistrictChoice", OVERLAY_CHANGES)},
    )
    def post(self, request, slug):
        layer = _layer_for(request, slug)
        return Response(services.district_layer_choose(layer=layer, user=request.user))

    @extend_schema(summary="No district layer is authoritative (planners)")
    def delete(self, request, slug):
        _layer_for(request, slug)
        return Response(services.district_layer_choose(layer=None, user=request.user))


class LayerEffectsView(GenericAPIView):
    serializer_class = serializers.Serializer

    @extend_schema(
        summary="What putting a zoning layer into effect would change, counted now "
        "(planners; nothing changes)",
        responses={
            200: inline_serializer(
                "PendingEffects",
                {
                    **OVERLAY_CHANGES,
                    "proposals": serializers.IntegerField(),
                    "computed_at": serializers.DateTimeField(),
                },
            )
        },
    )
    def get(self, request, slug):
        layer = _layer_for(request, slug)
        return Response(services.zoning_layer_effects(layer=layer, user=request.user))


class LayerPutInEffectView(GenericAPIView):
    serializer_class = serializers.Serializer

    @extend_schema(
        summary="Confirm a zoning layer: the overlay uses it from now on (planners); "
        "returns what changed",
        request=None,
        responses={200: inline_serializer("SideEffects", OVERLAY_CHANGES)},
    )
    def post(self, request, slug):
        layer = _layer_for(request, slug)
        return Response(services.zoning_layer_put_in_effect(layer=layer, user=request.user))


class LayerRulesView(GenericAPIView):
    parser_classes = [JSONParser]

    @extend_schema(
        summary="The zoning rule matrix {zone_code: {category: verdict}}",
        responses={200: RULE_MATRIX},
    )
    def get(self, request, slug):
        layer = _layer_for(request, slug)
        return Response(selectors.zoning_rules_matrix(layer=layer))

    @extend_schema(
        summary="Replace the rule matrix (planners)",
        request={"application/json": RULE_MATRIX},
        responses={200: RULE_MATRIX},
    )
    def put(self, request, slug):
        layer = _layer_for(request, slug)
        services.zoning_rules_set(layer=layer, matrix=request.data, user=request.user)
        return Response(selectors.zoning_rules_matrix(layer=layer))


class LayerRulesCsvView(GenericAPIView):
    parser_classes = [CSVParser, MultiPartParser]

    @extend_schema(
        summary="Replace the rule matrix from CSV: zone_code,category,verdict",
        request={
            "text/csv": {"type": "string"},
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
            },
        },
        responses={200: RULE_MATRIX},
    )
    def post(self, request, slug):
        layer = _layer_for(request, slug)
        if isinstance(request.data, str):
            text = request.data
        elif "file" in request.data:
            upload = request.data["file"]
            if upload.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
                raise ValidationError(_("The CSV file is too large."))
            text = upload.read().decode("utf-8-sig", errors="replace")
        else:
            raise ValidationError(_("Send the CSV as the body (text/csv) or as the field “file”."))
        services.zoning_rules_import_csv(layer=layer, text=text, user=request.user)
        return Response(selectors.zoning_rules_matrix(layer=layer))


class ProposalOverlayView(GenericAPIView):
    @extend_schema(
        summary="Zones a proposal touches, their verdicts, and its district",
        responses=PROPOSAL_OVERLAY,
    )
    def get(self, request, pk):
        proposal = proposal_get(proposal_id=pk, user=request.user)
        if proposal is None:
            raise NotFound(_("No such proposal (or it is no longer public)."))
        overlay = selectors.proposal_overlay(proposal=proposal)
        if overlay is None:  # written before any layer existed: compute it now
            services.overlay_update_for_proposal(proposal=proposal, change="updated")
            overlay = selectors.proposal_overlay(proposal=proposal)
        district = overlay.district
        return Response(
            {
                "proposal": proposal.pk,
                "compatibility": overlay.compatibility,
                "zones": overlay.zones,
                "district": {
                    "id": district.pk,
                    "name": overlay.district_name,
                    "layer": district.layer.slug,
                }
                if district
                else None,
                "computed_at": overlay.computed_at,
            }
        )

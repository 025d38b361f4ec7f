"""The clusters API (thin: filters and selectors read, services write and check the rules)."""

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.params import LIMIT_EXCEEDED, Filters, LimitFilter, exceeds

from . import selectors, services
from .filters import CLUSTER_FILTERS
from .models import AnalysisSettings
from .serializers import AnalysisSettingsInputSerializer, AnalysisSettingsSerializer

GEOJSON = "application/geo+json"
# The map asks for outlines only where they are few, and draws tiles elsewhere.
CLUSTER_LIST_FILTERS = CLUSTER_FILTERS + Filters(LimitFilter("clusters"))


class ClusterListView(GenericAPIView):
    permission_classes = [AllowAny]

    @extend_schema(
        parameters=CLUSTER_LIST_FILTERS.openapi_parameters(),
        operation_id="clusters_list",
        responses={(200, GEOJSON): dict},
        description="Current clusters as a GeoJSON FeatureCollection, contested first.",
    )
    def get(self, request):
        filters = CLUSTER_LIST_FILTERS.read(request.query_params)
        limit = filters.pop("limit", None)
        clusters = selectors.cluster_list(**filters)
        if exceeds(clusters, limit):
            body = LIMIT_EXCEEDED
        else:
            body = selectors.cluster_feature_collection(clusters, language=get_language())
        return HttpResponse(body, content_type=GEOJSON)


class ClusterDetailView(GenericAPIView):
    permission_classes = [AllowAny]

    @extend_schema(operation_id="clusters_detail", responses={(200, GEOJSON): dict})
    def get(self, request, pk):
        body = selectors.cluster_detail(pk, language=get_language())
        if body is None:
            raise NotFound(_("There is no cluster %(id)s.") % {"id": pk})
        return HttpResponse(body, content_type=GEOJSON)


class AnalysisSettingsView(GenericAPIView):
    serializer_class = AnalysisSettingsInputSerializer

    @extend_schema(operation_id="analysis_settings_read", responses=AnalysisSettingsSerializer)
    def get(self, request):
        return Response(AnalysisSettingsSerializer(AnalysisSettings.load()).data)

    @extend_schema(operation_id="analysis_settings_update", responses=AnalysisSettingsSerializer)
    def patch(self, request):
        data = AnalysisSettingsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        saved = services.analysis_settings_update(user=request.user, **data.validated_data)
        return Response(AnalysisSettingsSerializer(saved).data)

"""The project's URLs plus the djangorestframework-gis peer of GET /api/proposals/."""

from django.urls import path
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework_gis.fields import GeometryField
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from config.urls import urlpatterns as project_urlpatterns
from proposals import selectors
from proposals.models import Proposal
from publishing import selectors as map_selectors
from publishing.filters import MAP_FILTERS


class ProposalGeoFeatureSerializer(GeoFeatureModelSerializer):
    """The same features as proposals.selectors builds in SQL, serialized in Python."""

    geom = GeometryField(precision=6)
    author_name = serializers.CharField()
    district_name = serializers.CharField()
    compatibility = serializers.CharField()

    class Meta:
        model = Proposal
        geo_field = "geom"
        fields = (
            "id", "kind", "category", "title", "author_name", "support_count",
            "comment_count", "created_at", "status", "district_name", "compatibility", "geom",
        )  # fmt: skip


class ProposalSerializerListView(ListAPIView):
    serializer_class = ProposalGeoFeatureSerializer
    renderer_classes = [JSONRenderer]
    pagination_class = None

    def get_queryset(self):
        filters = MAP_FILTERS.read(self.request.query_params)
        return selectors.with_author_name(
            map_selectors.map_proposal_list(**filters, user=self.request.user)
        ).annotate(**map_selectors.overlay_properties())


urlpatterns = [
    path(
        "bench/proposals-serializer/", ProposalSerializerListView.as_view(), name="bench-serializer"
    ),
    *project_urlpatterns,
]

"""The project's URLs plus the djangorestframework-gis peer of GET /api/proposals/."""

from django.urls import path
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework_gis.fields import GeometryField
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from config.urls import urlpatterns as project_urlpatterns
from proposals import selectors
from proposals.filters import proposal_filters_from
from proposals.models import Proposal


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
        filters = proposal_filters_from(self.request.query_params)
        return selectors.with_author_name(
            selectors.proposal_list(**filters, user=self.request.user)
        ).annotate(**selectors.overlay_columns())


urlpatterns = [
    path(
        "bench/proposals-serializer/", ProposalSerializerListView.as_view(), name="bench-serializer"
    ),
    *project_urlpatterns,
]

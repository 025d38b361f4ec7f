"""The proposals' map read model on the proposals API: GET /api/proposals/ and every answer
that carries a proposal's detail Feature.

These views are the proposals app's views (same URLs, operation ids, writes and rules);
what they add is the overlay: the `compatibility` and `district` filters and the
`district_name` and `compatibility` properties.
"""

from drf_spectacular.utils import extend_schema

from proposals import api as proposals_api
from proposals.serializers import ProposalFeatureCollectionSerializer

from . import selectors
from .filters import MAP_FILTERS


class MapReadModelMixin:
    filters = MAP_FILTERS

    def extra_properties(self) -> dict:
        return selectors.overlay_properties()

    def proposal_list(self, request):
        filters = self.filters.read(request.query_params)
        return selectors.map_proposal_list(**filters, user=request.user)


class ProposalListView(MapReadModelMixin, proposals_api.ProposalListView):
    @extend_schema(
        operation_id="proposals_list",
        summary="Proposals on the map (GeoJSON FeatureCollection, built in PostGIS)",
        parameters=MAP_FILTERS.openapi_parameters(),
        responses={200: ProposalFeatureCollectionSerializer},
    )
    def get(self, request):
        return super().get(request)


class ProposalDetailView(MapReadModelMixin, proposals_api.ProposalDetailView):
    pass


class ProposalHideView(MapReadModelMixin, proposals_api.ProposalHideView):
    pass


class ProposalRestoreView(MapReadModelMixin, proposals_api.ProposalRestoreView):
    pass

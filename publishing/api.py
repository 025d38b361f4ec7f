"""The proposals' map read model on the proposals API: GET /api/proposals/ and every answer
that carries a proposal's detail Feature.

These views are the proposals app's views (same URLs, operation ids, writes and rules);
what they add is the overlay: the `compatibility` and `district` filters and the
`district_name` and `compatibility` properties.
"""

import hashlib

from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema

from core.params import LIMIT_EXCEEDED, Filters, LimitFilter, exceeds
from core.tiles import cached_response
from proposals import api as proposals_api
from proposals.serializers import ProposalFeatureCollectionSerializer

from . import selectors
from .filters import MAP_FILTERS
from .tile_versions import layer_version

# The map asks for features only where they are few, and draws tiles elsewhere.
LIMIT = LimitFilter("proposals")


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
        parameters=(MAP_FILTERS + Filters(LIMIT)).openapi_parameters(),
        responses={200: ProposalFeatureCollectionSerializer},
    )
    def get(self, request):
        """The FeatureCollection, with an ETag of the proposals' version (any write to a
        proposal, its counts or its author's name changes it): 304 when the client holds
        it, else from the shared cache or built in PostGIS."""
        filters = (self.filters + Filters(LIMIT)).read(request.query_params)
        limit = filters.pop("limit", None)
        personal = "author" in filters  # author=me: the same URL answers each user apart
        key = repr(
            (sorted((k, str(v)) for k, v in filters.items()), limit, get_language(),
             request.user.pk if personal else None)
        )  # fmt: skip
        key = hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
        version = layer_version("proposals")

        def build() -> str:
            proposals = selectors.map_proposal_list(**filters, user=request.user)
            if exceeds(proposals, limit):
                return LIMIT_EXCEEDED
            if "bbox" in filters and not personal:  # a view of the map
                return selectors.map_feature_collection_in_box(**filters)
            return self.feature_collection(proposals)

        return cached_response(
            request,
            key=f"map:proposals:{version}:{key}",
            etag=f"map-{version}-{key}",
            build=build,
            content_type=proposals_api.GEOJSON,
            cache_control_value="private, no-cache",
        )


class ProposalDetailView(MapReadModelMixin, proposals_api.ProposalDetailView):
    pass


class ProposalHideView(MapReadModelMixin, proposals_api.ProposalHideView):
    pass


class ProposalRestoreView(MapReadModelMixin, proposals_api.ProposalRestoreView):
    pass

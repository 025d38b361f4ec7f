"""Vector-tile endpoints of the map layers, cached by tile version (ADR 0012).

    /api/tiles/proposals/<z>/<x>/<y>.pbf?kind=&category=&compatibility=&district=&q=
    /api/tiles/clusters/<z>/<x>/<y>.pbf?contested=&category=&min_size=
    /api/tiles/proposals/counts/<z>/<x>/<y>.json?kind=&category=&...  (pins per descendant)
    /api/layers/<slug>/tiles/<z>/<x>/<y>.pbf

Every answer has an ETag (the tile's version and its filters) and asks to be revalidated
(core.tiles.cache_control): a browser or CDN keeps the bytes and gets a 304 until a write
touches the tile. The bytes are kept in the shared cache under the same version.
"""

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny

from core.params import Filters
from core.tiles import MVT, cached_response, check_tile
from layers import selectors as layer_selectors
from layers.models import LayerState
from spatial.filters import CLUSTER_FILTERS

from . import tiles
from .filters import MAP_FILTERS
from .tile_versions import MAX_VERSIONED_ZOOM, tile_version

FORMAT = 1  # part of every cache key: raise it when what a tile holds changes

# The map's filters; bbox is the tile itself, and tiles are the same for everybody.
PROPOSAL_TILE_FILTERS = Filters(
    *(f for f in MAP_FILTERS.filters if f.parameter not in ("bbox", "author"))
)
CLUSTER_TILE_FILTERS = Filters(*(f for f in CLUSTER_FILTERS.filters if f.parameter != "bbox"))


def _filters_key(filters: dict) -> str:
    text = repr(sorted((k, str(v)) for k, v in filters.items()))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


class PublicTileView(GenericAPIView):
    """A tile of a public map layer: the same for everybody, so no session is read."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    serializer_class = serializers.Serializer
    layer = ""
    filters: Filters
    content_type = MVT

    def cache_name(self) -> str:
        """What the cache key and the ETag call this kind of tile."""
        return self.layer

    def build(self, z: int, x: int, y: int, **filters) -> bytes:
        raise NotImplementedError

    def read_filters(self, params) -> dict:
        return self.filters.read(params)

    def check_tile(self, z: int, x: int, y: int) -> None:
        check_tile(z, x, y)

    def answer(self, request, params, z, x, y):
        """The tile's answer: 304, or the bytes from the cache or built. Raises on bad
        input (404, 400)."""
        self.check_tile(z, x, y)
        filters = self.read_filters(params)
        version = tile_version(self.layer, z, x, y)
        key = _filters_key(filters)
        name = self.cache_name()
        return cached_response(
            request,
            key=f"tile:{FORMAT}:{name}:{version}:{z}/{x}/{y}:{key}",
            etag=f"{name}-{version}-{key}",
            build=lambda: self.build(z, x, y, **filters),
            content_type=self.content_type,
        )

    def get(self, request, z, x, y):
        return self.answer(request, request.query_params, z, x, y)


class ProposalTileView(PublicTileView):
    layer = "proposals"
    filters = PROPOSAL_TILE_FILTERS

    def read_filters(self, params) -> dict:
        if params.get("author"):
            raise ValidationError(
                {"author": [_("Tiles show everybody's pins; ask /api/proposals/ for your own.")]}
            )
        return super().read_filters(params)

    def build(self, z, x, y, **filters):
        return tiles.proposals_tile(z, x, y, **filters)

    @extend_schema(
        summary="Proposals as a vector tile (pins from zoom 14, counts per grid cell below)",
        parameters=PROPOSAL_TILE_FILTERS.openapi_parameters(),
        responses={(200, MVT): bytes},
    )
    def get(self, request, z, x, y):
        return super().get(request, z, x, y)


class ProposalCountsView(ProposalTileView):
    """How many pins lie in each of a tile's 8 x 8 descendants three zooms deeper, counted
    up to MAP_MARKER_LIMIT + 1. The map sums those of its view to choose markers (few pins)
    or tiles without asking the server about the view itself: a count tile is the same for
    every reader who looks at that part of the city, so shared caches answer it."""

    content_type = "application/json"

    def cache_name(self) -> str:
        return f"proposal-counts-{settings.MAP_MARKER_LIMIT + 1}"

    @extend_schema(
        summary="How many pins lie in each of the tile's 8 x 8 descendants three zooms deeper",
        description="`counts` holds rows from north to south of counts from west to east, "
        "for the tiles `zoom`/`x`+column/`y`+row; a count stops at `cap` "
        "(MAP_MARKER_LIMIT + 1). The map sums those of its view: more than MAP_MARKER_LIMIT "
        "pins, and it draws the vector tiles instead of asking for the features.",
        parameters=PROPOSAL_TILE_FILTERS.openapi_parameters(),
        responses={200: dict},
    )
    def get(self, request, z, x, y):
        return super().get(request, z, x, y)

    def check_tile(self, z, x, y):
        check_tile(z, x, y, max_zoom=MAX_VERSIONED_ZOOM - tiles.COUNT_DEPTH)

    def build(self, z, x, y, **filters):
        cap = settings.MAP_MARKER_LIMIT + 1
        counts = tiles.proposal_counts(z, x, y, cap=cap, **filters)
        side = len(counts)
        return json.dumps(
            {"zoom": z + tiles.COUNT_DEPTH, "x": x * side, "y": y * side, "cap": cap,
             "counts": counts},
            separators=(",", ":"),
        )  # fmt: skip


class ClusterTileView(PublicTileView):
    layer = "clusters"
    filters = CLUSTER_TILE_FILTERS

    def build(self, z, x, y, **filters):
        return tiles.clusters_tile(z, x, y, **filters)

    @extend_schema(
        summary="Clusters as a vector tile (outlines from zoom 12, counts per grid cell below)",
        parameters=CLUSTER_TILE_FILTERS.openapi_parameters(),
        responses={(200, MVT): bytes},
    )
    def get(self, request, z, x, y):
        return super().get(request, z, x, y)


class LayerTileView(GenericAPIView):
    """A reference layer's tile (layers.selectors.layer_tile), cached by the layer's state:
    its features change only when it is imported again."""

    serializer_class = serializers.Serializer

    @extend_schema(summary="A Mapbox vector tile of the layer", responses={(200, MVT): bytes})
    def get(self, request, slug, z, x, y):
        layer = layer_selectors.layer_get(slug=slug, user=request.user)
        if layer is None:
            raise NotFound(_("No such layer (or it is not ready yet)."))
        check_tile(z, x, y)
        finished = layer.finished_at.timestamp() if layer.finished_at else 0
        version = f"{layer.id}.{layer.state}.{layer.progress}.{layer.feature_count}.{finished}"
        done = layer.state == LayerState.DONE
        # Only what everybody may see goes into shared caches (a CDN, nginx): a zoning
        # layer waiting to be put into effect is the planners' alone.
        public = done and layer.in_effect
        return cached_response(
            request,
            key=f"tile:{FORMAT}:layer:{version}:{z}/{x}/{y}",
            etag=f"layer-{version}",
            build=lambda: layer_selectors.layer_tile(layer=layer, z=z, x=x, y=y),
            cache_control_value=None if public else "private, no-cache",
            use_cache=done,
        )

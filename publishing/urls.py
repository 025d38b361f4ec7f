from django.urls import path

from . import api, tile_api

# Included under /api/ with the namespace "api" (config/urls.py), beside proposals/urls.py:
# the proposal endpoints that answer with the map's features (overlay included).
urlpatterns = [
    path("proposals/", api.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/<int:pk>/", api.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/<int:pk>/hide/", api.ProposalHideView.as_view(), name="proposal-hide"),
    path("proposals/<int:pk>/restore/", api.ProposalRestoreView.as_view(), name="proposal-restore"),
    # Vector tiles of the map layers (publishing/tile_api.py).
    path(
        "tiles/proposals/<int:z>/<int:x>/<int:y>.pbf",
        tile_api.ProposalTileView.as_view(),
        name="proposal-tile",
    ),
    path(
        "tiles/proposals/counts/<int:z>/<int:x>/<int:y>.json",
        tile_api.ProposalCountsView.as_view(),
        name="proposal-counts",
    ),
    path(
        "tiles/clusters/<int:z>/<int:x>/<int:y>.pbf",
        tile_api.ClusterTileView.as_view(),
        name="cluster-tile",
    ),
    path(
        "layers/<slug:slug>/tiles/<int:z>/<int:x>/<int:y>.pbf",
        tile_api.LayerTileView.as_view(),
        name="layer-tile",
    ),
]

from django.urls import path

from . import api

# Included under /api/ with the namespace "api" (config/urls.py), beside proposals/urls.py:
# the proposal endpoints that answer with the map's features (overlay included).
urlpatterns = [
    path("proposals/", api.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/<int:pk>/", api.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/<int:pk>/hide/", api.ProposalHideView.as_view(), name="proposal-hide"),
    path("proposals/<int:pk>/restore/", api.ProposalRestoreView.as_view(), name="proposal-restore"),
]

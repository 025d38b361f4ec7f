from django.urls import path

from . import api

# Included under /api/ with the namespace "api" (config/urls.py).
urlpatterns = [
    path("proposals/", api.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/<int:pk>/", api.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/<int:pk>/hide/", api.ProposalHideView.as_view(), name="proposal-hide"),
    path("proposals/<int:pk>/restore/", api.ProposalRestoreView.as_view(), name="proposal-restore"),
    path("proposals/<int:pk>/support/", api.ProposalSupportView.as_view(), name="proposal-support"),
    path(
        "proposals/<int:pk>/comments/", api.ProposalCommentsView.as_view(), name="proposal-comments"
    ),
]

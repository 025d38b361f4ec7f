from django.urls import path

from . import api

# Included under /api/ with the namespace "api" (config/urls.py). GET/POST proposals/ and
# proposals/<pk>/ (+ hide/, restore/) answer with the map's features, which carry the
# overlay: publishing/urls.py routes them to its subclasses of this app's views.
urlpatterns = [
    path("proposals/<int:pk>/support/", api.ProposalSupportView.as_view(), name="proposal-support"),
    path(
        "proposals/<int:pk>/comments/", api.ProposalCommentsView.as_view(), name="proposal-comments"
    ),
]

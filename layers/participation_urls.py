"""GET /api/layers/{slug}/participation/ (included under /api/, namespace "api")."""

from django.urls import path

from .participation import ParticipationView

urlpatterns = [
    path(
        "layers/<slug:slug>/participation/",
        ParticipationView.as_view(),
        name="layer-participation",
    ),
]

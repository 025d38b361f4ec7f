from django.urls import path

from . import api

urlpatterns = [
    path("rounds/", api.RoundListView.as_view(), name="round-list"),
    path("rounds/<int:pk>/", api.RoundDetailView.as_view(), name="round-detail"),
    path("rounds/<int:pk>/publish/", api.RoundPublishView.as_view(), name="round-publish"),
    path("rounds/<int:pk>/claims/", api.RoundClaimsView.as_view(), name="round-claims"),
    path("rounds/<int:pk>/close/", api.RoundCloseView.as_view(), name="round-close"),
    path("rounds/<int:pk>/next/", api.RoundNextView.as_view(), name="round-next"),
    path(
        "rounds/<int:pk>/participants/",
        api.ParticipantListView.as_view(),
        name="round-participants",
    ),
    path("rounds/<int:pk>/options/", api.OptionListView.as_view(), name="round-options"),
    path(
        "rounds/<int:pk>/options/<int:option_pk>/",
        api.OptionDetailView.as_view(),
        name="round-option-detail",
    ),
    path(
        "rounds/<int:pk>/options/<int:option_pk>/position/",
        api.PositionView.as_view(),
        name="round-option-position",
    ),
    path("rounds/<int:pk>/consent/", api.ConsentMatrixView.as_view(), name="round-consent"),
    path("rounds/<int:pk>/history/", api.HistoryView.as_view(), name="round-history"),
    path("rounds/<int:pk>/outcome/", api.OutcomeView.as_view(), name="round-outcome"),
    path(
        "proposals/<int:pk>/negotiation/",
        api.ProposalNegotiationView.as_view(),
        name="proposal-negotiation",
    ),
]

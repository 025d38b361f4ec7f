from django.urls import path

from . import api

# Included under /api/ with the namespace "api" (config/urls.py).
urlpatterns = [
    path("layers/", api.LayerListView.as_view(), name="layer-list"),
    path("layers/inspect/", api.LayerInspectView.as_view(), name="layer-inspect"),
    path("layers/<slug:slug>/", api.LayerDetailView.as_view(), name="layer-detail"),
    path(
        "layers/<slug:slug>/features.geojson",
        api.LayerFeaturesView.as_view(),
        name="layer-features",
    ),
    # layers/<slug>/tiles/<z>/<x>/<y>.pbf is served by publishing (cached by tile version)
    path("layers/<slug:slug>/rules/", api.LayerRulesView.as_view(), name="layer-rules"),
    path(
        "layers/<slug:slug>/authoritative/",
        api.LayerAuthoritativeView.as_view(),
        name="layer-authoritative",
    ),
    path("layers/<slug:slug>/effects/", api.LayerEffectsView.as_view(), name="layer-effects"),
    path(
        "layers/<slug:slug>/in-effect/",
        api.LayerPutInEffectView.as_view(),
        name="layer-put-in-effect",
    ),
    path("layers/<slug:slug>/rules.csv", api.LayerRulesCsvView.as_view(), name="layer-rules-csv"),
    path("proposals/<int:pk>/overlay/", api.ProposalOverlayView.as_view(), name="proposal-overlay"),
]

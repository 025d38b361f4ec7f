"""The planner page (/planner/): import layers, set zoning rules, see participation, export.

Planners only: anonymous visitors are sent to the login page, everybody else gets a 403.
The page is one ES module (frontend/static/frontend/planner/main.js) reading its config.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path, reverse

from accounts.rules import require
from basemap.models import BasemapVersion
from layers.models import Compatibility, LayerKind, LayerState, Verdict
from layers.selectors import district_choices

from .layer_overlay import layer_overlay_config, layer_url
from .map import map_config


def planner_config(request) -> dict:
    config = map_config(request)
    config["layers"] = layer_overlay_config()
    config["planner"] = {
        "urls": {
            "inspect": reverse("api:layer-inspect"),
            "detail": layer_url("api:layer-detail"),
            "rules": layer_url("api:layer-rules"),
            "rulesCsv": layer_url("api:layer-rules-csv"),
            "basemapImports": reverse("api:basemap-imports"),
        },
        "verdicts": [{"value": v, "label": str(label)} for v, label in Verdict.choices],
        "states": {value: str(label) for value, label in LayerState.choices},
        "compatibilities": {value: str(label) for value, label in Compatibility.choices},
    }
    return config


@login_required
def planner_page(request):
    require(request.user, "layers.use_planner_page")
    exports = [
        (fmt_label, reverse("api:export-proposals", kwargs={"fmt": fmt}))
        for fmt, fmt_label in (("gpkg", "GeoPackage"), ("geojson", "GeoJSON"), ("csv", "CSV"))
    ]
    cluster_exports = [
        (fmt_label, reverse("api:export-clusters", kwargs={"fmt": fmt}))
        for fmt, fmt_label in (("gpkg", "GeoPackage"), ("geojson", "GeoJSON"), ("csv", "CSV"))
    ]
    context = {
        "config": planner_config(request),
        "kinds": LayerKind.choices,
        "compatibilities": Compatibility.choices,
        "districts": district_choices(),
        "exports": exports,
        "cluster_exports": cluster_exports,
        "basemap": BasemapVersion.objects.first(),
        "basemap_max_mb": round(settings.BASEMAP_UPLOAD_MAX_BYTES / 1e6),
        "ogc_url": request.build_absolute_uri(reverse("ogc:landing")),
    }
    return render(request, "frontend/planner/planner.html", context)


urlpatterns = [
    path("planner/", planner_page, name="planner"),
]

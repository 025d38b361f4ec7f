"""Exports, included at /api/export/ (namespace "api")."""

from django.urls import re_path

from . import export_api

FORMATS = r"(?P<fmt>gpkg|geojson|csv)"

urlpatterns = [
    re_path(
        rf"^proposals\.{FORMATS}$", export_api.ProposalExportView.as_view(), name="export-proposals"
    ),
    re_path(
        rf"^clusters\.{FORMATS}$", export_api.ClusterExportView.as_view(), name="export-clusters"
    ),
]

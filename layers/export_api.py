"""Export endpoints under /api/export/ (layers/export_urls.py).

Exports hold only what the public map and OGC API already show (active proposals, public
author names, overlay results, current clusters), so anybody may download them. Proposals
take the filters of GET /api/proposals/ (proposals.filters), among them the overlay
filters `compatibility` and `district`.
"""

from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from proposals.filters import proposal_filters_from
from proposals.selectors import proposal_list

from . import export, proposal_columns

MEDIA_TYPES = {
    "gpkg": "application/geopackage+sqlite3",
    "geojson": "application/geo+json",
    "csv": "text/csv; charset=utf-8",
}


def _download(export_query: export.ExportQuery, fmt: str):
    filename = f"{export_query.name}.{fmt}"
    if fmt == "gpkg":
        return FileResponse(
            export.gpkg_file(export_query),
            as_attachment=True,
            filename=filename,
            content_type=MEDIA_TYPES[fmt],
        )
    if fmt == "csv":
        response = StreamingHttpResponse(
            export.csv_chunks(export_query), content_type=MEDIA_TYPES[fmt]
        )
    else:
        response = HttpResponse(export.geojson_text(export_query), content_type=MEDIA_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


FORMAT_DOC = "gpkg (GeoPackage), geojson or csv (WKT geometry, centroid lon/lat)"
FORMAT_PARAMETER = OpenApiParameter(
    "fmt", str, OpenApiParameter.PATH, enum=list(MEDIA_TYPES), description=FORMAT_DOC
)


class ProposalExportView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="export_proposals",
        summary="Active proposals with their overlay results as GeoPackage, GeoJSON or CSV",
        description=f"Format: {FORMAT_DOC}. Filters as GET /api/proposals/.",
        parameters=[
            FORMAT_PARAMETER,
            OpenApiParameter("compatibility", str, description="e.g. incompatible,conditional"),
            OpenApiParameter("district", int, description="id of a district feature"),
        ],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request, fmt):
        filters = proposal_filters_from(request.GET)
        proposals = proposal_list(**filters, user=request.user)
        page_url = proposal_columns.page_url_prefix(request.build_absolute_uri)
        return _download(export.proposal_export(proposals, page_url=page_url), fmt)


class ClusterExportView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="export_clusters",
        summary="Current clusters with their scores and member ids as GeoPackage, GeoJSON or CSV",
        description=f"Format: {FORMAT_DOC}.",
        parameters=[
            FORMAT_PARAMETER,
            OpenApiParameter("contested", bool, description="only (un)contested"),
        ],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request, fmt):
        raw = request.GET.get("contested")
        if raw not in (None, "", "true", "false"):
            raise ValidationError({"contested": _("contested must be true or false.")})
        contested = None if not raw else raw == "true"
        return _download(export.cluster_export(contested=contested), fmt)

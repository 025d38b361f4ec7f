"""Export endpoints under /api/export/ (publishing/export_urls.py).

Exports hold only what the public map and OGC API already show (active proposals, public
author names, overlay results, current clusters), so anybody may download them. Proposals
take the filters of GET /api/proposals/ (publishing.filters.MAP_FILTERS), among them the
overlay filters `compatibility` and `district`.
"""

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from core.params import ContestedFilter, Filters

from . import export, proposal_columns
from .filters import MAP_FILTERS
from .selectors import map_proposal_list

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


# One 200 per format, with the content type that format is answered with.
DOWNLOAD_RESPONSES = {
    (200, "application/geopackage+sqlite3"): OpenApiTypes.BINARY,
    (200, "application/geo+json"): OpenApiTypes.OBJECT,
    (200, "text/csv"): OpenApiTypes.STR,
}
CLUSTER_EXPORT_FILTERS = Filters(ContestedFilter())
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
            *MAP_FILTERS.openapi_parameters(),
        ],
        responses=DOWNLOAD_RESPONSES,
    )
    def get(self, request, fmt):
        filters = MAP_FILTERS.read(request.GET)
        proposals = map_proposal_list(**filters, user=request.user)
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
            *CLUSTER_EXPORT_FILTERS.openapi_parameters(),
        ],
        responses=DOWNLOAD_RESPONSES,
    )
    def get(self, request, fmt):
        filters = CLUSTER_EXPORT_FILTERS.read(request.GET)
        return _download(export.cluster_export(**filters), fmt)

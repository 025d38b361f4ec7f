"""The base map API: search the gazetteer for streets, addresses, places and districts;
planners import an OpenStreetMap extract as the base map."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from accounts.rules import refuse_before_the_body
from core.params import Filters, TextFilter

from . import selectors, uploads
from .models import BasemapVersion
from .serializers import BasemapUploadSerializer, BasemapVersionSerializer, PlaceSerializer


class PlaceQueryFilter(TextFilter):
    description = (
        "what to find: a street, an address (street and number), a place or a district; "
        "umlauts, ß and 'str.' may be spelt either way, small typos are forgiven"
    )
    max_length = 100
    required = True


PLACE_FILTERS = Filters(PlaceQueryFilter())


class PlaceSearchView(GenericAPIView):
    serializer_class = PlaceSerializer

    @extend_schema(
        summary="Search the city's streets, addresses, places and districts (best first)",
        parameters=PLACE_FILTERS.openapi_parameters(),
        responses={200: PlaceSerializer(many=True)},
    )
    def get(self, request):
        filters = PLACE_FILTERS.read(request.query_params)
        if "q" not in filters:
            raise ValidationError({"q": [_("Type what to search for in q.")]})
        places = selectors.place_search(q=filters["q"])
        return Response(PlaceSerializer(places, many=True).data)


class BasemapImportView(GenericAPIView):
    permission_classes = [refuse_before_the_body("basemap.import_basemap")]
    parser_classes = [MultiPartParser]
    serializer_class = BasemapUploadSerializer

    @extend_schema(
        summary="The base map's imports, newest first (the first is the current base map)",
        responses={200: BasemapVersionSerializer(many=True)},
    )
    def get(self, request):
        versions = BasemapVersion.objects.all()[:20]
        return Response(BasemapVersionSerializer(versions, many=True).data)

    @extend_schema(
        summary="Import an OpenStreetMap extract (.osm.pbf or .osm) as the base map and the "
        "gazetteer; planners only. Runs inside the request, up to BASEMAP_UPLOAD_MAX_BYTES; "
        "a file that cannot be imported changes nothing",
        request={"multipart/form-data": BasemapUploadSerializer},
        responses={201: BasemapVersionSerializer},
    )
    def post(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        uploads.check_size(max(length - 64 * 1024, 0))  # before the body is read
        form = BasemapUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        version = uploads.basemap_upload(file=form.validated_data["file"], user=request.user)
        return Response(BasemapVersionSerializer(version).data, status=status.HTTP_201_CREATED)

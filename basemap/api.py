"""The gazetteer API: search for streets, addresses, places and districts."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from core.params import Filters, TextFilter

from . import selectors
from .serializers import PlaceSerializer


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

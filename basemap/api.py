"""The gazetteer API: search for streets, addresses, places and districts."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from core.params import Filters, QueryFilter

from . import selectors
from .serializers import PlaceSerializer

Q_MAX_LENGTH = 100


class PlaceQueryFilter(QueryFilter):
    parameter = key = "q"
    description = (
        "what to find: a street, an address (street and number), a place or a district; "
        "umlauts, ß and 'str.' may be spelt either way, small typos are forgiven"
    )

    def read(self, values):
        q = values[-1]
        if len(q) > Q_MAX_LENGTH:
            raise ValidationError(
                _("q is too long: at most %(n)s characters.") % {"n": Q_MAX_LENGTH}
            )
        if "\x00" in q:
            raise ValidationError(_("q must not contain NUL characters."))
        return q

    def openapi_parameter(self) -> OpenApiParameter:
        return OpenApiParameter(self.parameter, str, required=True, description=self.description)


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

"""DRF metadata (OPTIONS) for the whole API. Its own module: DRF imports it while
defining APIView, so it must not import rest_framework.views (config.api does)."""

from rest_framework.metadata import SimpleMetadata


class Metadata(SimpleMetadata):
    """OPTIONS answers: DRF's description of the view, with the fields of PUT and POST only
    where the view declares a serializer (and queryset) to describe them. Views that build
    their answer by hand (GenericAPIView without serializer_class or queryset) would
    otherwise fail DRF's assertions and answer OPTIONS with a 500."""

    def determine_actions(self, request, view):
        try:
            return super().determine_actions(request, view)
        except AssertionError:  # DRF: "should either include a `serializer_class`/`queryset`"
            view.request = request
            return {}

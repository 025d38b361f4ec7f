from rest_framework import serializers

from .models import PlaceKind


class PlaceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PlaceKind.choices)
    name = serializers.CharField()
    # Axis order lon/lat, as in GeoJSON and the API's bbox parameter.
    lon = serializers.FloatField()
    lat = serializers.FloatField()

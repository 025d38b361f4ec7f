from rest_framework import serializers

from .models import Place, PlaceKind


class PlaceSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=PlaceKind.choices)
    # Axis order lon/lat, as in GeoJSON and the API's bbox parameter.
    lon = serializers.FloatField(source="geom.x")
    lat = serializers.FloatField(source="geom.y")

    class Meta:
        model = Place
        fields = ["kind", "name", "lon", "lat"]

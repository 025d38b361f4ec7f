from rest_framework import serializers

from .models import PlaceKind


class PlaceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PlaceKind.choices)
    name = serializers.CharField()
    # Axis order lon/lat, as in GeoJSON and the API's bbox parameter.
    lon = serializers.FloatField()
    lat = serializers.FloatField()


class BasemapVersionSerializer(serializers.Serializer):
    """One import of the base map: where it came from and what it holds."""

    id = serializers.IntegerField()
    imported_at = serializers.DateTimeField()
    source = serializers.CharField(help_text="the imported file's name")
    attribution = serializers.CharField(help_text="to show on the map")
    features = serializers.IntegerField(help_text="streets, buildings, water and green areas")
    places = serializers.IntegerField(help_text="gazetteer entries: streets, addresses, places")


class BasemapUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="an OpenStreetMap extract: .osm.pbf (as Geofabrik and BBBike publish) or .osm"
    )

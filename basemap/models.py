"""The base map (what the map draws under the pins) and the gazetteer (what search finds).

Both are replaced as a whole by each import (services.basemap_import); `BasemapVersion`
counts the imports, so tiles can be cached by version.
"""

from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models import F
from django.db.models.functions import Collate
from django.utils.translation import gettext_lazy as _


class FeatureKind(models.TextChoices):
    STREET = "street", _("Street")
    BUILDING = "building", _("Building")
    WATER = "water", _("Water")
    GREEN = "green", _("Green area")


class BasemapFeature(models.Model):
    """One drawn thing of the base map. `klass` refines the kind: a street's class
    (major, minor, path, rail), a water body's (area, river)."""

    kind = models.CharField(max_length=16, choices=FeatureKind.choices)
    klass = models.CharField(max_length=16, blank=True)
    name = models.CharField(max_length=200, blank=True)
    # EPSG:4326, lon/lat, as everything the project stores (ADR 0001).
    geom = models.GeometryField(srid=4326)

    class Meta:
        indexes = [models.Index(fields=["kind"], name="basemap_feature_kind")]


class PlaceKind(models.TextChoices):
    DISTRICT = "district", _("District")
    PLACE = "place", _("Place")
    STREET = "street", _("Street")
    ADDRESS = "address", _("Address")


class Place(models.Model):
    """A gazetteer entry: what search finds and where it lies. `norm` is the label in
    normalise()'s form; an address also has its street's (`street_norm`) and its number."""

    kind = models.CharField(max_length=16, choices=PlaceKind.choices)
    name = models.CharField(max_length=300)
    norm = models.CharField(max_length=300)
    street_norm = models.CharField(max_length=300, blank=True)
    housenumber = models.CharField(max_length=20, blank=True)
    geom = models.PointField(srid=4326)

    class Meta:
        indexes = [
            # Prefix search of one kind (kind = … AND norm LIKE 'q%' ORDER BY norm, all in
            # the "C" collation): an index range read in order, stopped at the LIMIT.
            models.Index(F("kind"), Collate("norm", "C"), name="basemap_place_prefix"),
            # Typo-tolerant search over the names (streets, places, districts): trigrams.
            GinIndex(
                OpClass("norm", name="gin_trgm_ops"),
                name="basemap_place_name_trgm",
                condition=~models.Q(kind="address"),
            ),
            models.Index(
                "street_norm",
                OpClass("housenumber", name="varchar_pattern_ops"),
                name="basemap_place_number",
                condition=models.Q(kind="address"),
            ),
        ]


class BasemapVersion(models.Model):
    """One row per import: the newest says where the base map came from (its attribution)
    and versions the tiles."""

    imported_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=255)
    attribution = models.CharField(max_length=255, blank=True)
    features = models.PositiveIntegerField(default=0)
    places = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-pk"]
        get_latest_by = "pk"

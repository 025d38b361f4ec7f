"""Versions of map tiles, so that a cached tile is served only while nothing in it changed
(docs/adr/0012-tile-versions.md).

Database triggers on the tables behind the map layers append a `TileChange` (the bounding
box of what changed, old and new) on every write, by any path. Before a version is read,
pending changes are turned into `TileVersion` rows (publishing.tile_versions.flush): every
tile, at zooms 0..MAX_VERSIONED_ZOOM, whose envelope meets a changed box gets a new version.
"""

from django.contrib.gis.db import models


class TileVersion(models.Model):
    """The version of one tile of a map layer. Two rows per layer are not tiles: z = -1 is
    the layer's generation (a change too large to place bumps it, and so every tile) and
    z = -2 changes with every write to the layer (the map's GeoJSON answers use it)."""

    layer = models.CharField(max_length=40)
    z = models.SmallIntegerField()
    x = models.IntegerField()
    y = models.IntegerField()
    version = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["layer", "z", "x", "y"], name="tile_version_once")
        ]


class TileChange(models.Model):
    """A write not yet turned into tile versions (appended by triggers, removed by flush).
    box is the bounding box of the changed geometry (EPSG:4326), or NULL for a change that
    leaves the tiles alone (a support count); everything marks a change of the whole layer."""

    layer = models.CharField(max_length=40)
    box = models.GeometryField(srid=4326, null=True)
    everything = models.BooleanField(default=False)

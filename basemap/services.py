"""Writes of the base map: an import replaces the base map and the gazetteer as a whole."""

from pathlib import Path

import shapely
from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from accounts.rules import require
from core import pgcopy
from layers.models import Feature
from layers.selectors import district_layers

from .models import BasemapFeature, BasemapVersion, Place, PlaceKind
from .normalise import normalise
from .osm import OSM_ATTRIBUTION, Extract, read_extract

SUFFIXES = (".osm", ".pbf")  # .osm XML and .osm.pbf: what GDAL's OSM driver reads


class BasemapImportError(ValueError):
    """The file cannot become the base map; the message says why, for the person importing."""


def _ewkb(geoms) -> list[bytes]:
    return list(shapely.to_wkb(shapely.set_srid(geoms, 4326), include_srid=True))


def _copy_features(cursor, features: list[tuple]) -> None:
    if not features:
        return
    geoms = _ewkb([row[3] for row in features])
    count = pgcopy.field_count(4)
    body = b"".join(
        count + pgcopy.text(kind) + pgcopy.text(klass) + pgcopy.text(name[:200]) + pgcopy.bytea(g)
        for (kind, klass, name, _geom), g in zip(features, geoms, strict=True)
    )
    pgcopy.copy_binary(cursor, "basemap_basemapfeature", ["kind", "klass", "name", "geom"], body)


def place_rows(places: list[tuple]) -> bytes:
    """Binary COPY rows of basemap_place (columns PLACE_COLUMNS) from (kind, name, street,
    housenumber, point) tuples."""
    geoms = _ewkb([row[4] for row in places])
    count = pgcopy.field_count(len(PLACE_COLUMNS))
    text = pgcopy.text
    return b"".join(
        count
        + text(kind)
        + text(name[:300])
        + text(normalise(name)[:300])
        + text(normalise(street)[:300])
        + text(normalise(number).replace(" ", "")[:20])
        + pgcopy.bytea(g)
        for (kind, name, street, number, _point), g in zip(places, geoms, strict=True)
    )


PLACE_COLUMNS = ["kind", "name", "norm", "street_norm", "housenumber", "geom"]


def _check(path: Path) -> None:
    if not path.name.lower().endswith(SUFFIXES):
        raise BasemapImportError(
            _("%(name)s is not an OpenStreetMap extract: give a .osm.pbf or .osm file.")
            % {"name": path.name}
        )
    if not path.is_file():
        raise BasemapImportError(_("There is no file %(name)s.") % {"name": path.name})


def _read(path: Path) -> Extract:
    _check(path)
    try:
        extract = read_extract(path, bbox=tuple(settings.CITY_BBOX))
    except Exception as error:  # GDAL's errors name the file and what it found wrong
        raise BasemapImportError(
            _("%(name)s could not be read as OpenStreetMap data: %(error)s")
            % {"name": path.name, "error": error}
        ) from error
    if not extract.features:
        raise BasemapImportError(
            _(
                "%(name)s has no streets, buildings, water or green areas inside %(city)s. "
                "Is it the extract of another place?"
            )
            % {"name": path.name, "city": settings.CITY_NAME}
        )
    return extract


def basemap_import(*, path: Path, user=None, attribution: str = OSM_ATTRIBUTION) -> BasemapVersion:
    """Replace the base map and the gazetteer by what the OpenStreetMap extract at `path`
    holds inside CITY_BBOX. All or nothing: a file that cannot be read changes nothing."""
    require(user, "basemap.import_basemap")
    path = Path(path)
    extract = _read(path)
    with transaction.atomic():
        with connection.cursor() as cursor:
            # One import at a time (two planners uploading at once): the second waits and
            # then replaces what the first wrote, instead of adding to it.
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('basemap_import'))")
        BasemapFeature.objects.all().delete()
        Place.objects.exclude(kind=PlaceKind.DISTRICT).delete()
        with connection.cursor() as cursor:
            _copy_features(cursor.cursor, extract.features)
            if extract.places:
                pgcopy.copy_binary(
                    cursor.cursor, "basemap_place", PLACE_COLUMNS, place_rows(extract.places)
                )
        gazetteer_districts_refresh()
        version = BasemapVersion.objects.create(
            source=path.name[:255],
            attribution=attribution[:255],
            features=len(extract.features),
            places=Place.objects.count(),
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE basemap_basemapfeature; ANALYZE basemap_place")
    return version


def gazetteer_districts_refresh() -> None:
    """The gazetteer's districts: those of the usable district layers, found at a point
    inside each."""
    Place.objects.filter(kind=PlaceKind.DISTRICT).delete()
    districts = Feature.objects.filter(layer__in=district_layers()).exclude(name="")
    Place.objects.bulk_create(
        Place(
            kind=PlaceKind.DISTRICT,
            name=district.name[:300],
            norm=normalise(district.name)[:300],
            geom=district.geom.point_on_surface,
        )
        for district in districts.only("name", "geom")
    )

"""The base map as Mapbox vector tiles, built in PostGIS (ST_AsMVT) from the basemap app's
features: one statement per tile, four layers (water, green, streets, buildings), each
from the zoom where it becomes legible.

    GET /tiles/basemap/{z}/{x}/{y}.pbf?v=<version>

The tiles change only when the base map is imported again. Each answer carries the
import's version as ETag (a revalidation answers 304 without building the tile); asked
with ?v= of the current version (the URL the pages give out), it may be cached for a day.
"""

from django.db import connection
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from basemap.selectors import basemap_version

MVT = "application/vnd.mapbox-vector-tile"
MAX_ZOOM = 20
# Zooms from which each kind of feature is drawn (water: always).
GREEN_ZOOM = 11
MINOR_STREET_ZOOM = 13  # minor streets and railways; major streets: always
PATH_ZOOM = 15  # service ways and footpaths
BUILDING_ZOOM = 14

TILE_SQL = """
WITH b AS (
    SELECT ST_TileEnvelope(%(z)s, %(x)s, %(y)s) AS env,
           ST_Transform(ST_TileEnvelope(%(z)s, %(x)s, %(y)s, margin => 0.015625), 4326) AS env4326
),
f AS (
    SELECT kind, klass, name, ST_AsMVTGeom(ST_Transform(geom, 3857), b.env, 4096, 64, true) AS geom
    FROM basemap_basemapfeature, b
    WHERE geom && b.env4326 AND (
        kind = 'water'
        OR (kind = 'green' AND %(z)s >= %(green)s)
        OR (kind = 'building' AND %(z)s >= %(building)s)
        OR (kind = 'street' AND (
            klass = 'major'
            OR (klass IN ('minor', 'rail') AND %(z)s >= %(minor)s)
            OR %(z)s >= %(path)s))
    )
)
SELECT (SELECT ST_AsMVT(t, 'water', 4096, 'geom') FROM (
            SELECT klass, name, geom FROM f WHERE kind = 'water' AND geom IS NOT NULL) t)
    || (SELECT ST_AsMVT(t, 'green', 4096, 'geom') FROM (
            SELECT klass, name, geom FROM f WHERE kind = 'green' AND geom IS NOT NULL) t)
    || (SELECT ST_AsMVT(t, 'streets', 4096, 'geom') FROM (
            SELECT klass, name, geom FROM f WHERE kind = 'street' AND geom IS NOT NULL) t)
    || (SELECT ST_AsMVT(t, 'buildings', 4096, 'geom') FROM (
            SELECT geom FROM f WHERE kind = 'building' AND geom IS NOT NULL) t)
"""


def tile_params(z: int, x: int, y: int) -> dict:
    return {
        "z": z,
        "x": x,
        "y": y,
        "green": GREEN_ZOOM,
        "building": BUILDING_ZOOM,
        "minor": MINOR_STREET_ZOOM,
        "path": PATH_ZOOM,
    }


# The tile and the version it is of, in one round trip.
VERSIONED_TILE_SQL = f"""
SELECT (SELECT max(id) FROM basemap_basemapversion),
       CASE WHEN EXISTS (SELECT FROM basemap_basemapversion) THEN ({TILE_SQL}) END
"""


def basemap_tile(*, z: int, x: int, y: int) -> bytes:
    """One vector tile of the base map (empty where there is nothing)."""
    with connection.cursor() as cursor:
        cursor.execute(TILE_SQL, tile_params(z, x, y))
        return bytes(cursor.fetchone()[0] or b"")


def versioned_tile(*, z: int, x: int, y: int) -> tuple[int | None, bytes]:
    """(the base map's version, the tile): (None, b"") before any import."""
    with connection.cursor() as cursor:
        cursor.execute(VERSIONED_TILE_SQL, tile_params(z, x, y))
        version, tile = cursor.fetchone()
    return version, bytes(tile or b"")


def _headers(response, request, version: int) -> HttpResponse:
    response["ETag"] = f'"basemap-{version}"'
    current = request.GET.get("v") == str(version)
    response["Cache-Control"] = "public, max-age=86400" if current else "public, max-age=60"
    return response


@require_GET
def tile_view(request, z: int, x: int, y: int):
    if z > MAX_ZOOM or x >= 2**z or y >= 2**z:
        raise Http404(_("No such tile."))
    if "If-None-Match" in request.headers:
        latest = basemap_version()
        version = latest.pk if latest else None
        if version and request.headers["If-None-Match"] == f'"basemap-{version}"':
            return _headers(HttpResponse(status=304), request, version)
    version, tile = versioned_tile(z=z, x=x, y=y)
    if version is None:
        raise Http404(_("The city has no base map yet."))
    return _headers(HttpResponse(tile, content_type=MVT), request, version)


urlpatterns = [
    path("<int:z>/<int:x>/<int:y>.pbf", tile_view, name="basemap-tile"),
]

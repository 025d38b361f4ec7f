"""Base-map vector tiles (/tiles/basemap/z/x/y.pbf) built in PostGIS from the imported extract."""

import math

import mapbox_vector_tile
import pytest
from django.urls import reverse

from basemap.services import basemap_import
from tests.basemap.conftest import EXTRACT, import_kirchberg

pytestmark = pytest.mark.django_db


@pytest.fixture
def kirchberg(settings, db):
    return import_kirchberg(settings)


def tile_of(lon, lat, z):
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return z, x, y


def url(z, x, y):
    return reverse("basemap-tile", kwargs={"z": z, "x": x, "y": y})


def test_a_tile_has_streets_with_names_and_buildings(kirchberg, client):
    response = client.get(url(*tile_of(10.0700, 48.1356, 16)), {"v": kirchberg.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.mapbox-vector-tile"
    tile = mapbox_vector_tile.decode(response.content)
    assert set(tile) == {"streets", "buildings"}
    names = {f["properties"].get("name") for f in tile["streets"]["features"]}
    assert {"Goethestraße", "Haydnstraße", "Richard-Wagner-Straße"} <= names
    classes = {f["properties"]["klass"] for f in tile["streets"]["features"]}
    assert classes == {"minor", "service", "path"}
    assert 28 <= len(tile["buildings"]["features"]) <= 32  # of 32: a few lie in the next tile


def test_low_zooms_leave_out_buildings_and_minor_streets(kirchberg, client):
    response = client.get(url(*tile_of(10.0700, 48.1356, 12)))
    assert response.status_code == 200
    assert mapbox_vector_tile.decode(response.content) == {}


def test_tiles_are_cached_by_import_version(kirchberg, client):
    z, x, y = tile_of(10.0700, 48.1356, 16)
    current = client.get(url(z, x, y), {"v": kirchberg.pk})
    assert current["Cache-Control"] == "public, max-age=86400"
    assert current["ETag"] == f'"basemap-{kirchberg.pk}"'
    assert client.get(url(z, x, y), HTTP_IF_NONE_MATCH=current["ETag"]).status_code == 304
    # Another import: the old ETag no longer matches, an old ?v= is not cached for long.
    basemap_import(path=EXTRACT)
    stale = client.get(url(z, x, y), {"v": kirchberg.pk}, HTTP_IF_NONE_MATCH=current["ETag"])
    assert stale.status_code == 200
    assert stale["Cache-Control"] == "public, max-age=60"


def test_no_such_tile_and_no_base_map_are_404(client, kirchberg):
    assert client.get(url(3, 8, 0)).status_code == 404
    assert client.get(url(21, 0, 0)).status_code == 404


def test_before_any_import_there_are_no_tiles(client):
    assert client.get(url(*tile_of(12.37, 51.34, 15))).status_code == 404

"""geometry_from_geojson: every way a user-sent geometry can be wrong, and the right ones."""

import json
import math

import pytest
from django.core.exceptions import ValidationError

from proposals.geometry import geometry_from_geojson

# Inside the demo city (lon 12.25..12.50, lat 51.27..51.42).
SQUARE = [[12.37, 51.34], [12.38, 51.34], [12.38, 51.35], [12.37, 51.35], [12.37, 51.34]]
BOWTIE = [[12.37, 51.34], [12.38, 51.35], [12.38, 51.34], [12.37, 51.35], [12.37, 51.34]]


def message_for(obj) -> str:
    with pytest.raises(ValidationError) as excinfo:
        geometry_from_geojson(obj)
    return " ".join(excinfo.value.messages)


def code_for(obj) -> str:
    with pytest.raises(ValidationError) as excinfo:
        geometry_from_geojson(obj)
    return excinfo.value.code


@pytest.mark.parametrize(
    "obj",
    [
        {"type": "Point", "coordinates": [12.375, 51.345]},
        {"type": "Point", "coordinates": [12.375, 51.345, 110.0]},
        {"type": "LineString", "coordinates": [[12.37, 51.34], [12.38, 51.35]]},
        {"type": "Polygon", "coordinates": [SQUARE]},
        {"type": "MultiPoint", "coordinates": [[12.37, 51.34], [12.38, 51.35]]},
        {"type": "MultiLineString", "coordinates": [[[12.37, 51.34], [12.38, 51.35]]]},
        {"type": "MultiPolygon", "coordinates": [[SQUARE]]},
    ],
)
def test_valid_geometries_become_2d_geos_in_4326(obj):
    geom = geometry_from_geojson(obj)
    assert geom.srid == 4326
    assert geom.geom_type == obj["type"]
    assert not geom.hasz


def test_point_keeps_lon_lat_order():
    geom = geometry_from_geojson({"type": "Point", "coordinates": [12.375, 51.345]})
    assert (geom.x, geom.y) == (12.375, 51.345)


def test_crs84_and_epsg_4326_crs_members_are_accepted():
    for name in ("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"):
        obj = {
            "type": "Point",
            "coordinates": [12.375, 51.345],
            "crs": {"type": "name", "properties": {"name": name}},
        }
        assert geometry_from_geojson(obj).srid == 4326


@pytest.mark.parametrize("obj", [None, [], "POINT(12 51)", 42])
def test_non_object_is_refused(obj):
    assert "GeoJSON geometry object" in message_for(obj)


def test_geometry_collection_is_refused_with_its_own_message():
    obj = {
        "type": "GeometryCollection",
        "geometries": [{"type": "Point", "coordinates": [12.3, 51.3]}],
    }
    assert code_for(obj) == "geometry_collection"
    assert "GeometryCollection is not accepted" in message_for(obj)


@pytest.mark.parametrize("geom_type", ["Circle", "point", None, 7])
def test_unknown_type_is_refused_naming_the_allowed_types(geom_type):
    message = message_for({"type": geom_type, "coordinates": [12.375, 51.345]})
    assert "is not accepted" in message
    assert "Point, LineString, Polygon" in message


def test_feature_instead_of_geometry_is_refused():
    assert "got a Feature" in message_for({"type": "Feature", "geometry": None})


@pytest.mark.parametrize("coordinates", [None, []])
def test_empty_geometry_is_refused(coordinates):
    obj = {"type": "Polygon", "coordinates": coordinates}
    assert code_for(obj) == "empty"
    assert "empty" in message_for(obj)


def test_polygon_with_empty_ring_is_refused():
    assert code_for({"type": "Polygon", "coordinates": [[]]}) == "malformed"


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf"), json.loads("1e999"), 10**400]
)
def test_non_finite_coordinates_are_refused(value):
    obj = {"type": "Point", "coordinates": [value, 51.345]}
    assert code_for(obj) == "not_finite"
    assert "finite numbers" in message_for(obj)


def test_nan_parsed_from_json_text_is_refused():
    obj = json.loads('{"type": "Point", "coordinates": [NaN, 51.3]}')
    assert math.isnan(obj["coordinates"][0])
    assert code_for(obj) == "not_finite"


@pytest.mark.parametrize("value", ["12.3", None, True, [12.3], {"x": 1}])
def test_non_numeric_coordinates_are_refused(value):
    obj = {"type": "LineString", "coordinates": [[12.37, 51.34], [value, 51.35]]}
    message = message_for(obj)
    assert "must be numbers" in message or "must be [longitude, latitude]" in message


@pytest.mark.parametrize("position", [[12.375], [12.375, 51.345, 1.0, 2.0], 12.375])
def test_positions_need_two_or_three_numbers(position):
    assert "[longitude, latitude]" in message_for({"type": "Point", "coordinates": position})


def test_unclosed_ring_is_refused_naming_the_ring():
    ring = SQUARE[:-1] + [[12.371, 51.34]]
    message = message_for({"type": "Polygon", "coordinates": [ring]})
    assert "outer ring of the polygon is not closed" in message


def test_unclosed_hole_names_the_hole_and_polygon():
    hole = [
        [12.372, 51.342],
        [12.374, 51.342],
        [12.374, 51.344],
        [12.372, 51.344],
        [12.3721, 51.342],
    ]
    message = message_for({"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE, hole]]})
    assert "Hole 1 of polygon 2 is not closed" in message


def test_ring_with_fewer_than_four_positions_is_refused():
    ring = [[12.37, 51.34], [12.38, 51.34], [12.37, 51.34]]
    message = message_for({"type": "Polygon", "coordinates": [ring]})
    assert "at least 4 positions" in message
    assert "has 3" in message


def test_line_with_one_position_is_refused():
    assert "at least 2 positions" in message_for(
        {"type": "LineString", "coordinates": [[12.37, 51.34]]}
    )


def test_self_intersecting_polygon_is_refused_saying_where():
    message = message_for({"type": "Polygon", "coordinates": [BOWTIE]})
    assert "self-intersection" in message
    assert "near longitude 12.375, latitude 51.345" in message


def test_overlapping_multipolygon_parts_are_refused():
    shifted = [[x + 0.005, y] for x, y in SQUARE]
    assert code_for({"type": "MultiPolygon", "coordinates": [[SQUARE], [shifted]]}) == "invalid"


def test_degenerate_line_is_refused():
    obj = {"type": "LineString", "coordinates": [[12.37, 51.34], [12.37, 51.34]]}
    assert code_for(obj) == "invalid"


def test_more_than_the_vertex_cap_is_refused(settings):
    settings.GEOMETRY_MAX_VERTICES = 10_000
    line = [[12.3 + i * 1e-5, 51.3] for i in range(10_001)]
    message = message_for({"type": "LineString", "coordinates": line})
    assert "more than 10,000 vertices" in message


def test_exactly_the_vertex_cap_is_accepted(settings):
    settings.GEOMETRY_MAX_VERTICES = 100
    line = [[12.3 + i * 1e-5, 51.3] for i in range(100)]
    assert geometry_from_geojson({"type": "LineString", "coordinates": line}).num_points == 100


@pytest.mark.parametrize("name", ["EPSG:25833", "urn:ogc:def:crs:EPSG::3857", "", None])
def test_crs_other_than_wgs84_is_refused(name):
    obj = {
        "type": "Point",
        "coordinates": [12.375, 51.345],
        "crs": {"type": "name", "properties": {"name": name}},
    }
    assert code_for(obj) == "crs"
    assert "WGS 84" in message_for(obj)


def test_coordinates_outside_the_city_are_refused():
    message = message_for({"type": "Point", "coordinates": [13.4, 52.52]})
    assert "outside the city" in message
    assert "swap" not in message


def test_polygon_reaching_outside_the_city_is_refused():
    ring = [[12.45, 51.34], [12.55, 51.34], [12.55, 51.35], [12.45, 51.35], [12.45, 51.34]]
    assert code_for({"type": "Polygon", "coordinates": [ring]}) == "outside_city"


def test_swapped_lat_lon_gets_a_hint():
    message = message_for({"type": "Point", "coordinates": [51.345, 12.375]})
    assert "did you swap latitude and longitude?" in message.lower()


def test_projected_coordinates_get_a_hint():
    message = message_for({"type": "Point", "coordinates": [317000.0, 5690000.0]})
    assert "projected coordinates" in message

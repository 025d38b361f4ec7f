"""The importer's hand-built binary COPY rows: attribute values of every kind survive;
the counts of the report are the same whichever side reprojects."""

import datetime
import json

import numpy as np
import pyproj
import pytest
import shapely
import shapely.ops

from layers import copy_rows
from layers.models import Feature
from layers.services import layer_import

from .files import frame, square, write_gpkg

_to_utm = pyproj.Transformer.from_crs(4326, 25833, always_xy=True).transform


def test_attribute_columns_become_json_objects_per_row():
    columns = {
        'say "hi" 100%': copy_rows.json_column(np.array(["a\\b", None, "ü\x00"], dtype=object)),
        "n": copy_rows.json_column(np.array([1, -2, 3], dtype=np.int64)),
        "x": copy_rows.json_column(np.array([0.5, np.nan, np.inf])),
        "ok": copy_rows.json_column(np.array([True, False, True])),
        "raw": copy_rows.json_column(np.array([b"\x00\xff", 7, 2.5], dtype=object)),
    }

    rows = [json.loads(row) for row in copy_rows.attributes_json(columns, 3)]

    assert rows == [
        {'say "hi" 100%': "a\\b", "n": 1, "x": 0.5, "ok": True, "raw": "00ff"},
        {'say "hi" 100%': None, "n": -2, "x": None, "ok": False, "raw": 7},
        {'say "hi" 100%': "ü", "n": 3, "x": None, "ok": True, "raw": 2.5},
    ]


def test_a_layer_without_attributes_gets_empty_objects():
    assert copy_rows.attributes_json({}, 2) == [b"{}", b"{}"]


@pytest.mark.parametrize(
    ("value", "code"),
    [(None, ""), (float("nan"), ""), (3.0, "3"), (" WA ", "WA"), ("W\x00A", "WA"), (12, "12")],
)
def test_zone_codes_are_trimmed_text(value, code):
    assert copy_rows.zone_code(value) == code


@pytest.mark.parametrize(
    ("value", "population"),
    [
        ("1200", 1200),
        (1200.7, 1200),
        (-5, None),
        (float("inf"), None),
        ("many", None),
        (1e30, None),
    ],
)
def test_population_is_a_non_negative_integer_or_nothing(value, population):
    assert copy_rows.population(value) == population


@pytest.mark.django_db
def test_imported_attributes_keep_their_types(tmp_path):
    rows = [
        {
            "zone": "WA",
            "name": "Nord",
            "pop": 1200,
            "share": 0.25,
            "since": datetime.date(2020, 5, 1),
            "geometry": square(0, 0, 100),
        },
        {
            "zone": "MI",
            "name": None,
            "pop": 0,
            "share": float("nan"),
            "since": None,
            "geometry": square(200, 0, 100),
        },
    ]
    path = write_gpkg(tmp_path / "typed.gpkg", {"zones": frame(rows)})

    layer = layer_import(
        path=path,
        name="Districts",
        kind="district",
        zone_field="zone",
        name_field="name",
        population_field="pop",
    )

    north = Feature.objects.get(layer=layer, zone_code="WA")
    assert (north.name, north.population) == ("Nord", 1200)
    assert north.attributes == {
        "zone": "WA",
        "name": "Nord",
        "pop": 1200,
        "share": 0.25,
        "since": "2020-05-01",
    }
    other = Feature.objects.get(layer=layer, zone_code="MI")
    assert (other.name, other.population) == ("", 0)
    assert other.attributes["share"] is None and other.attributes["name"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("crs", [4326, 25833])  # counted in Python / in PostGIS
def test_features_outside_the_city_are_counted_in_the_report(tmp_path, crs):
    far = shapely.box(12.0, 50.0, 12.01, 50.01)  # south-west of the city, lon/lat
    rows = [
        {"zone": "WA", "geometry": square(0, 0, 100)},
        {"zone": "MI", "geometry": shapely.ops.transform(_to_utm, far)},
    ]
    path = write_gpkg(tmp_path / "zones.gpkg", {"zones": frame(rows).to_crs(crs)})

    layer = layer_import(path=path, name="Zones", kind="zoning", zone_field="zone")

    assert layer.source_crs == f"EPSG:{crs}"
    assert (layer.feature_count, layer.report["outside_city"]) == (2, 1)

"""The demo city generator: deterministic, small files, plausible content."""

import csv
import json
from collections import Counter
from pathlib import Path

import pyogrio
import pytest
import shapely
from django.conf import settings
from shapely.geometry import shape

from data import generate
from proposals.geometry import geometry_from_geojson
from proposals.models import Category, Kind

COMMITTED = Path(generate.__file__).parent / "auenstadt"
FILES = [
    "districts.geojson",
    "zoning.gpkg",
    "zoning_rules.csv",
    "residents.csv",
    "proposals.geojson",
    "basemap.osm",
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("auenstadt")
    generate.generate(out)
    return out


def _features(name: str) -> list[dict]:
    return json.loads((COMMITTED / name).read_text(encoding="utf-8"))["features"]


def test_two_runs_write_byte_identical_files(generated, tmp_path):
    generate.generate(tmp_path)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (generated / name).read_bytes(), name


def test_committed_files_are_what_the_generator_writes(generated):
    stale = "is stale: run `.venv/bin/python -m data.generate` and commit"
    for name in FILES:
        if name.endswith(".gpkg"):  # compare content: another GDAL may lay out bytes anew
            ours = pyogrio.read_dataframe(COMMITTED / name)
            theirs = pyogrio.read_dataframe(generated / name)
            assert ours.drop(columns="geometry").equals(theirs.drop(columns="geometry")), name
            assert list(ours.geometry.to_wkb()) == list(theirs.geometry.to_wkb()), name
        else:
            assert (COMMITTED / name).read_bytes() == (generated / name).read_bytes(), (
                f"{name} {stale}"
            )


def test_every_file_is_below_one_megabyte():
    for name in FILES:
        assert (COMMITTED / name).stat().st_size < 1_000_000, name


def test_districts_tile_the_city_without_overlaps_and_have_people():
    features = _features("districts.geojson")
    geoms = [shape(f["geometry"]) for f in features]
    names = [f["properties"]["name"] for f in features]
    assert 10 <= len(features) <= 14
    assert len(set(names)) == len(names) and "Altstadt" in names
    assert all(f["properties"]["population"] > 1000 for f in features)
    union = shapely.union_all(geoms)
    assert union.geom_type == "Polygon"  # one city, no holes between districts
    assert sum(g.area for g in geoms) == pytest.approx(union.area, rel=1e-4)


def test_everything_lies_inside_the_city_bounds():
    minlon, minlat, maxlon, maxlat = settings.CITY_BBOX
    for name in ("districts.geojson", "proposals.geojson"):
        bounds = shapely.total_bounds([shape(f["geometry"]) for f in _features(name)])
        assert minlon < bounds[0] and bounds[2] < maxlon, name
        assert minlat < bounds[1] and bounds[3] < maxlat, name


def test_every_proposal_passes_the_validation_residents_face():
    for f in _features("proposals.geojson"):
        geometry_from_geojson(f["geometry"])  # raises ValidationError if not


def test_proposals_cover_all_categories_kinds_and_geometry_types():
    features = _features("proposals.geojson")
    props = [f["properties"] for f in features]
    assert 550 <= len(features) <= 650
    assert set(Counter(p["category"] for p in props)) == set(Category.values)
    assert set(Counter(p["kind"] for p in props)) == set(Kind.values)
    types = Counter(f["geometry"]["type"] for f in features)
    assert {"Point", "LineString", "Polygon"} <= set(types)
    assert min(types.values()) >= 30
    assert {p["lang"] for p in props} == {"de", "en"}
    assert len({(p["author"], p["title"]) for p in props}) == len(props)  # the loader's key


def test_proposals_come_from_many_residents_some_anonymous():
    with open(COMMITTED / "residents.csv", encoding="utf-8") as f:
        residents = list(csv.DictReader(f))
    usernames = {r["username"] for r in residents}
    props = [f["properties"] for f in _features("proposals.geojson")]
    assert len(residents) == len(usernames) == 150
    assert "anna" in usernames
    assert 10 <= sum(r["show_name_publicly"] == "False" for r in residents) <= 40
    assert {p["author"] for p in props} <= usernames
    assert len({p["author"] for p in props}) >= 100
    for p in props:
        assert p["author"] not in p["supporters"]
        assert set(p["supporters"]) <= usernames
        assert {c["author"] for c in p["comments"]} <= usernames


def test_hotspots_hold_competing_claims_on_the_same_space():
    by_spot = {}
    for f in _features("proposals.geojson"):
        spot = f["properties"]["hotspot"]
        if spot:
            by_spot.setdefault(spot, []).append((f["properties"], shape(f["geometry"])))
    assert len(by_spot) >= 8
    lot = by_spot["Brache Gleisdreieck"]
    housing = [g for p, g in lot if p["category"] == "housing" and p["kind"] == "proposal"]
    park = [g for p, g in lot if p["category"] == "green_space" and p["kind"] == "proposal"]
    assert any(h.intersects(g) for h in housing for g in park)
    street = by_spot["Lindenallee"]
    assert {(p["kind"], p["category"]) for p, _ in street} >= {
        ("proposal", "mobility"),
        ("conflict", "mobility"),
    }
    river = {p["category"] for p, _ in by_spot["Elsterufer"]}
    assert {"other", "commons"} <= river


def test_zoning_plan_has_every_zone_code_and_a_full_rule_matrix():
    zones = pyogrio.read_dataframe(COMMITTED / "zoning.gpkg", layer="zoning")
    assert zones.crs.to_epsg() == 25833
    assert zones.geometry.is_valid.all()
    assert set(zones.zone_code) == {"WA", "WR", "MI", "MU", "GE", "SO", "GR", "V"}
    with open(COMMITTED / "zoning_rules.csv", encoding="utf-8") as f:
        rules = list(csv.DictReader(f))
    pairs = {(r["zone_code"], r["category"]) for r in rules}
    assert pairs == {(z, c) for z in set(zones.zone_code) for c in Category.values}
    assert {r["verdict"] for r in rules} == {"compatible", "conditional", "incompatible"}
    verdict = {(r["zone_code"], r["category"]): r["verdict"] for r in rules}
    assert verdict["GR", "housing"] == "incompatible"
    assert verdict["WA", "housing"] == "compatible"

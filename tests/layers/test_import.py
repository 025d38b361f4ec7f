"""Importing GeoPackage, GeoJSON and zipped Shapefiles: CRS, repair, refusal, atomicity."""

import pyproj
import pytest
import shapely
from django.core.exceptions import ValidationError
from django.core.management import call_command

from layers import reading
from layers.models import Feature, FeaturePart, Layer, LayerState
from layers.services import layer_import, layer_list_layers

from .files import (
    ORIGIN,
    at,
    frame,
    shapefile_parts,
    square,
    write_geojson,
    write_gpkg,
    write_zip,
    zones_frame,
)

pytestmark = pytest.mark.django_db


def _feature(layer, code):
    return Feature.objects.get(layer=layer, zone_code=code)


def test_gpkg_in_utm_is_stored_in_lonlat(zones_gpkg):
    layer = layer_import(path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone")

    assert layer.state == LayerState.DONE
    assert layer.feature_count == 2
    assert layer.source_crs == "EPSG:25833"
    wa = _feature(layer, "WA")
    assert wa.geom.srid == 4326
    assert wa.geom.geom_type == "MultiPolygon"
    lon, lat = wa.geom.centroid.coords
    assert 12.3 < lon < 12.45 and 51.3 < lat < 51.4  # lon/lat order, in the city
    assert wa.attributes == {"zone": "WA", "label": "Residential"}
    # Area survives the round trip through EPSG:4326 (100 m x 100 m).
    assert wa.geom.transform(25833, clone=True).area == pytest.approx(10_000, rel=1e-6)


def test_zoning_layer_is_cut_into_parts_in_analysis_crs(tmp_path):
    big = shapely.Polygon(
        [at(x, 0) for x in range(0, 2000, 5)] + [at(2000, 500)] + [at(0, 500)]
    )  # 400+ vertices: more than one part
    path = write_gpkg(tmp_path / "big.gpkg", {"zones": frame([{"zone": "W", "geometry": big}])})

    layer = layer_import(path=path, name="Big", kind="zoning", zone_field="zone")

    parts = FeaturePart.objects.filter(layer=layer)
    assert parts.count() > 1
    assert {p.geom.srid for p in parts} == {25833}
    assert sum(p.geom.area for p in parts) == pytest.approx(big.area, rel=1e-6)


def test_geojson_is_imported(tmp_path):
    path = write_geojson(tmp_path / "zones.geojson", zones_frame())

    layer = layer_import(path=path, name="From GeoJSON", kind="zoning", zone_field="zone")

    assert layer.feature_count == 2
    assert layer.source_crs == "EPSG:4326"


def test_zipped_shapefile_with_prj_is_imported(tmp_path):
    path = write_zip(tmp_path / "zones.zip", shapefile_parts(tmp_path, zones_frame()))

    layer = layer_import(path=path, name="Shp", kind="zoning", zone_field="zone")

    assert layer.feature_count == 2
    assert layer.source_crs == "EPSG:25833"
    assert set(layer.features.values_list("zone_code", flat=True)) == {"WA", "GE"}


def test_shapefile_without_prj_is_refused_unless_source_srid_is_given(tmp_path):
    parts = shapefile_parts(tmp_path, zones_frame())
    del parts["zones.prj"]
    path = write_zip(tmp_path / "noprj.zip", parts)

    with pytest.raises(ValidationError, match="source_srid"):
        layer_import(path=path, name="No CRS", kind="zoning", zone_field="zone")
    assert not Layer.objects.exists()

    layer = layer_import(
        path=path, name="No CRS", kind="zoning", zone_field="zone", source_srid=25833
    )
    assert layer.source_crs == "EPSG:25833"
    lon, _lat = layer.features.first().geom.centroid.coords
    assert 12.3 < lon < 12.45


def test_multi_layer_gpkg_lists_layers_and_needs_a_choice(tmp_path):
    districts = frame([{"name": "Mitte", "pop": 1200, "geometry": square(0, 0, 500)}])
    path = write_gpkg(tmp_path / "plan.gpkg", {"zones": zones_frame(), "districts": districts})

    listed = layer_list_layers(path)
    assert [(entry["name"], entry["feature_count"]) for entry in listed] == [
        ("zones", 2),
        ("districts", 1),
    ]
    assert listed[1]["fields"] == ["name", "pop"]
    assert listed[1]["crs"] == "EPSG:25833"

    with pytest.raises(ValidationError, match="choose one"):
        layer_import(path=path, name="Which?", kind="district")
    layer = layer_import(
        path=path,
        name="Districts",
        kind="district",
        layer_name="districts",
        name_field="name",
        population_field="pop",
    )
    district = layer.features.get()
    assert (district.name, district.population) == ("Mitte", 1200)


def test_unknown_layer_name_is_refused_naming_the_layers(zones_gpkg):
    with pytest.raises(ValidationError, match="its layers are: zones"):
        layer_import(path=zones_gpkg, name="X", kind="zoning", zone_field="z", layer_name="nope")


def test_missing_zone_attribute_is_refused_naming_the_attributes(zones_gpkg):
    with pytest.raises(ValidationError, match="it has: zone, label"):
        layer_import(path=zones_gpkg, name="X", kind="zoning", zone_field="ZONE_CODE")
    assert not Layer.objects.exists()


def test_zoning_layer_needs_a_zone_attribute(zones_gpkg):
    with pytest.raises(ValidationError, match="zone code"):
        layer_import(path=zones_gpkg, name="X", kind="zoning")


def test_invalid_polygon_is_repaired_and_counted(tmp_path):
    x, y = ORIGIN
    bowtie = shapely.Polygon([(x, y), (x + 100, y + 100), (x + 100, y), (x, y + 100)])
    gdf = frame(
        [{"zone": "MI", "geometry": bowtie}, {"zone": "WA", "geometry": square(0, 200, 50)}]
    )
    path = write_gpkg(tmp_path / "bowtie.gpkg", {"zones": gdf})

    layer = layer_import(path=path, name="Repair", kind="zoning", zone_field="zone")

    report = layer.report
    counts = [report[key] for key in ("read", "imported", "repaired", "refused")]
    assert counts == [2, 2, 1, 0]
    assert report["repairs"][0]["feature"] == 1
    assert "Self-intersection" in report["repairs"][0]["reason"]
    repaired = _feature(layer, "MI").geom
    assert repaired.valid
    assert len(repaired) == 2  # the bow tie became two triangles
    assert repaired.transform(25833, clone=True).area == pytest.approx(5_000, rel=1e-6)


def test_non_area_features_in_a_zoning_layer_are_refused_with_the_reason(tmp_path):
    gdf = frame(
        [
            {"zone": "WA", "geometry": square(0, 0, 100)},
            {"zone": "XX", "geometry": shapely.LineString([at(0, 0), at(50, 50)])},
            {"zone": "YY", "geometry": shapely.Point(at(10, 10))},
        ]
    )
    path = write_gpkg(tmp_path / "mixed.gpkg", {"zones": gdf})

    layer = layer_import(path=path, name="Mixed", kind="zoning", zone_field="zone")

    assert layer.feature_count == 1
    assert layer.report["refused"] == 2
    assert layer.report["refusals"] == [
        {"feature": 2, "reason": "a line, not an area"},
        {"feature": 3, "reason": "a point, not an area"},
    ]


def test_other_layer_keeps_lines_in_multi_form(tmp_path):
    gdf = frame([{"name": "Tram 1", "geometry": shapely.LineString([at(0, 0), at(300, 0)])}])
    path = write_gpkg(tmp_path / "tram.gpkg", {"tram": gdf})

    layer = layer_import(path=path, name="Tram", kind="other", name_field="name")

    feature = layer.features.get()
    assert feature.geom.geom_type == "MultiLineString"
    assert feature.name == "Tram 1"
    assert not FeaturePart.objects.filter(layer=layer).exists()  # not used by the overlay


def test_import_failing_half_way_leaves_no_features(zones_gpkg, monkeypatch):
    """A crash after the first batch (as when a worker dies) rolls every feature back."""
    original = reading.read_batches
    monkeypatch.setattr(
        reading, "read_batches", lambda *a, **kw: original(*a, **{**kw, "batch_size": 1})
    )
    seen = []

    def crash_after_first_batch(done, total):
        seen.append(done)
        raise RuntimeError("worker killed")

    with pytest.raises(RuntimeError, match="worker killed"):
        layer_import(
            path=zones_gpkg,
            name="Half",
            kind="zoning",
            zone_field="zone",
            on_progress=crash_after_first_batch,
        )

    assert seen == [1]
    layer = Layer.objects.get()
    assert layer.state == LayerState.FAILED
    assert layer.error == "worker killed"
    assert not Feature.objects.exists()
    assert not FeaturePart.objects.exists()


def test_progress_is_reported_per_batch(zones_gpkg, monkeypatch):
    original = reading.read_batches
    monkeypatch.setattr(
        reading, "read_batches", lambda *a, **kw: original(*a, **{**kw, "batch_size": 1})
    )
    seen = []

    layer_import(
        path=zones_gpkg,
        name="Progress",
        kind="zoning",
        zone_field="zone",
        on_progress=lambda done, total: seen.append((done, total)),
    )

    assert seen == [(1, 2), (2, 2)]


def test_import_layer_command_imports_with_a_progress_bar(zones_gpkg, capsys):
    call_command(
        "import_layer", str(zones_gpkg), "--name", "CLI zones", "--kind", "zoning",
        "--zone-field", "zone",
    )  # fmt: skip

    layer = Layer.objects.get(slug="cli-zones")
    assert layer.feature_count == 2
    captured = capsys.readouterr()
    assert "Imported 2 of 2 features" in captured.out
    assert "2/2" in captured.err  # the tqdm bar


def test_slugs_stay_unique(zones_gpkg):
    first = layer_import(path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone")
    second = layer_import(path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone")

    assert (first.slug, second.slug) == ("zoning", "zoning-2")


def test_crs_without_epsg_code_is_reprojected_by_pyproj(tmp_path):
    """A .prj PostGIS does not know (a local transverse Mercator) is handled in Python."""
    local = "+proj=tmerc +lat_0=51 +lon_0=12.5 +k=1 +x_0=10000 +y_0=20000 +ellps=GRS80 +units=m"
    gdf = frame([{"zone": "WA", "geometry": shapely.box(0, 0, 100, 100)}], crs=local)
    path = write_gpkg(tmp_path / "local.gpkg", {"zones": gdf})

    layer = layer_import(
        path=path, name="Local", kind="zoning", zone_field="zone", confirm_outside=True
    )

    ring = layer.features.get().geom.coords[0][0]
    to_lonlat = pyproj.Transformer.from_crs(local, 4326, always_xy=True)
    expected = [to_lonlat.transform(x, y) for x, y in shapely.box(0, 0, 100, 100).exterior.coords]
    flat = [value for point in sorted(ring) for value in point]
    assert flat == pytest.approx([value for point in sorted(expected) for value in point], abs=1e-9)
    assert layer.report["outside_city"] == 1  # (12.36 E, 50.82 N) lies south of the city

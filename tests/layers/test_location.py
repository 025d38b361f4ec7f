"""The coordinate check before an import: where a layer lands, the likely CRS mix-ups,
refusal unless confirmed, nothing written on refusal."""

import io

import pyproj
import pytest
import shapely
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from layers import location
from layers.models import Feature, FeaturePart, Layer
from layers.services import layer_import

from .files import frame, shapefile_parts, square, write_gpkg, write_zip, zones_frame

pytestmark = pytest.mark.django_db


def _reprojected(gdf, epsg: int):
    """The frame's geometries with coordinates in `epsg` (the CRS label is dropped later)."""
    return gdf.to_crs(epsg)


def _shapefile_without_prj(tmp_path, gdf, name="noprj.zip", extra=None):
    parts = shapefile_parts(tmp_path, gdf)
    del parts["zones.prj"]
    return write_zip(tmp_path / name, {**parts, **(extra or {})})


def test_utm33_data_given_as_utm32_is_refused_and_names_25833(tmp_path):
    path = _shapefile_without_prj(tmp_path, zones_frame())

    with pytest.raises(ValidationError) as refused:
        layer_import(path=path, name="Wrong", kind="zoning", zone_field="zone", source_srid=25832)

    message = " ".join(refused.value.messages)
    assert "100% of the features lie outside" in message
    assert "km west" in message
    assert "EPSG:25833" in message and "source_srid=25833" in message
    assert "confirm_outside" in message
    assert not Layer.objects.exists()
    assert not Feature.objects.exists() and not FeaturePart.objects.exists()


def test_utm32_data_given_as_utm33_names_25832(tmp_path):
    path = _shapefile_without_prj(tmp_path, _reprojected(zones_frame(), 25832))

    with pytest.raises(ValidationError, match="source_srid=25832"):
        layer_import(path=path, name="Wrong", kind="zoning", zone_field="zone", source_srid=25833)
    assert not Layer.objects.exists()


def test_gauss_krueger_data_given_as_utm_names_the_gk_zone(tmp_path):
    path = _shapefile_without_prj(tmp_path, _reprojected(zones_frame(), 31468))

    with pytest.raises(ValidationError, match="EPSG:31468"):
        layer_import(path=path, name="GK", kind="zoning", zone_field="zone", source_srid=25833)
    assert not Layer.objects.exists()


def test_swapped_axes_are_named(tmp_path):
    lonlat = zones_frame().to_crs(4326)
    swapped = lonlat.set_geometry(
        shapely.transform(lonlat.geometry.values, lambda c: c[:, ::-1]), crs=4326
    )
    path = write_gpkg(tmp_path / "swapped.gpkg", {"zones": swapped})

    with pytest.raises(ValidationError, match="x and y are swapped"):
        layer_import(path=path, name="Swapped", kind="zoning", zone_field="zone")
    assert not Layer.objects.exists()


def test_a_correct_file_passes_with_its_check_in_the_report(zones_gpkg):
    layer = layer_import(path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone")

    where = layer.report["location"]
    assert where["sampled"] == 2
    assert where["outside_share"] == 0
    assert where["fits"] == [] and "message" not in where
    assert layer.feature_count == 2


def test_confirm_outside_imports_and_keeps_the_message(tmp_path):
    path = _shapefile_without_prj(tmp_path, zones_frame())

    layer = layer_import(
        path=path,
        name="Elsewhere",
        kind="zoning",
        zone_field="zone",
        source_srid=25832,
        confirm_outside=True,
    )

    assert layer.feature_count == 2
    assert layer.report["outside_city"] == 2
    where = layer.report["location"]
    assert where["confirmed"] is True
    assert "source_srid=25833" in where["message"]


def test_a_district_layer_is_the_city_outline(tmp_path, zones_gpkg):
    districts = frame([{"name": "Mitte", "geometry": square(-1000, -1000, 3000)}])
    layer_import(
        path=write_gpkg(tmp_path / "d.gpkg", {"d": districts}),
        name="Districts",
        kind="district",
        name_field="name",
    )
    outline = location.city_outline()
    assert outline.source == "Districts"
    assert outline.geom.area == pytest.approx(3000 * 3000, rel=1e-3)

    # 10 km east of the only district: outside it, though inside CITY_BBOX.
    far = frame([{"zone": "WA", "geometry": square(12000, 0, 100)}])
    with pytest.raises(ValidationError, match="km east"):
        layer_import(
            path=write_gpkg(tmp_path / "far.gpkg", {"z": far}),
            name="Far",
            kind="zoning",
            zone_field="zone",
        )


def test_sample_reads_a_few_places_of_a_large_file(tmp_path, monkeypatch):
    monkeypatch.setattr(location, "SAMPLE", 40)
    rows = [{"zone": "WA", "geometry": square(i * 10, 0, 5)} for i in range(100)]
    path = write_gpkg(tmp_path / "many.gpkg", {"z": frame(rows)})

    points = location.sample_points(path, "z", 100)

    assert len(points) == 40
    to_utm = pyproj.CRS.from_epsg(25833)
    assert to_utm  # the sample is in the file's own coordinates
    xs = sorted(points[:, 0])
    assert xs[-1] - xs[0] > 900  # from the start and the end of the file


def test_api_refuses_with_the_reason_and_accepts_when_confirmed(
    planner_api, tmp_path, django_capture_on_commit_callbacks
):
    data = _shapefile_without_prj(tmp_path, zones_frame()).read_bytes()
    form = {"name": "Wrong", "kind": "zoning", "zone_field": "zone", "source_srid": 25832}

    refused = planner_api.post(
        "/api/layers/",
        {**form, "file": SimpleUploadedFile("zones.zip", data)},
        format="multipart",
    )
    assert refused.status_code == 400
    assert "source_srid=25833" in refused.json()["confirm_outside"][0]
    assert not Layer.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        accepted = planner_api.post(
            "/api/layers/",
            {**form, "confirm_outside": "true", "file": SimpleUploadedFile("zones.zip", data)},
            format="multipart",
        )
    assert accepted.status_code == 202, accepted.content
    status = planner_api.get(accepted.json()["status_url"]).json()
    assert status["state"] == "done"
    assert status["report"]["location"]["confirmed"] is True


def test_import_layer_command_refuses_and_reports(tmp_path):
    path = _shapefile_without_prj(tmp_path, zones_frame(), extra={"zones.qml": b"<qgis/>"})
    args = [str(path), "--name", "Cmd", "--kind", "zoning", "--zone-field", "zone"]

    with pytest.raises(CommandError, match="source_srid=25833"):
        call_command("import_layer", *args, "--source-srid", "25832", "--no-progress")
    assert not Layer.objects.exists()

    out = io.StringIO()
    call_command(
        "import_layer",
        *args,
        "--source-srid",
        "25832",
        "--confirm-outside",
        "--no-progress",
        stdout=out,
    )
    text = out.getvalue()
    assert "2 of 2 features lie outside the city's bounds" in text
    assert "Coordinate check: 100% of the features lie outside" in text
    assert "Ignored files in the zip: zones.qml" in text

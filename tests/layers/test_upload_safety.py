"""Hostile and broken uploads: each answers 400 with the reason, and nothing is written."""

import random
import sqlite3
import stat
import tempfile
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.parsers import MultiPartParser

from layers.models import Layer
from layers.services import layer_import

from .files import shapefile_parts, write_geojson, zip_bytes, zones_frame

pytestmark = pytest.mark.django_db
URL = "/api/layers/"


@pytest.fixture(autouse=True)
def private_tmp(tmp_path, monkeypatch):
    """Temporary directories of the importer land here, so tests can see them cleaned up."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def shp(tmp_path) -> dict[str, bytes]:
    return shapefile_parts(tmp_path, zones_frame())


def upload(api, name: str, content: bytes, **fields):
    data = {"name": "Zoning", "kind": "zoning", "zone_field": "zone", **fields}
    data["file"] = SimpleUploadedFile(name, content)
    return api.post(URL, data, format="multipart")


def assert_refused(response, fragment: str, media_in_tmp, private_tmp):
    assert response.status_code == 400, response.content
    assert fragment in str(response.json())
    assert not Layer.objects.exists()
    assert not media_in_tmp.exists() or not any(media_in_tmp.rglob("*.*"))
    assert not any(private_tmp.iterdir())  # the private extraction folders are gone


def test_resident_cannot_upload_a_layer(resident_api, zones_gpkg):
    response = upload(resident_api, "zones.gpkg", zones_gpkg.read_bytes())

    assert response.status_code == 403
    assert not Layer.objects.exists()


@pytest.mark.parametrize("endpoint", ["/api/layers/", "/api/layers/inspect/"])
def test_a_residents_upload_is_refused_before_its_body_is_read(
    resident_api, zones_gpkg, settings, endpoint, monkeypatch
):
    settings.LAYER_UPLOAD_MAX_BYTES = 1000  # an oversized file: refused for who, not for size
    read = []
    monkeypatch.setattr(MultiPartParser, "parse", lambda *a, **k: read.append(a) or {})
    response = resident_api.post(
        endpoint, {"file": SimpleUploadedFile("zones.gpkg", zones_gpkg.read_bytes())}
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "Only planners may do this."}
    assert read == []
    assert not Layer.objects.exists()


def test_file_over_the_size_cap_is_refused(planner_api, zones_gpkg, settings):
    settings.LAYER_UPLOAD_MAX_BYTES = 1000

    response = upload(planner_api, "zones.gpkg", zones_gpkg.read_bytes())

    assert response.status_code == 400
    assert "the limit is 0.0 MB" in str(response.json())
    assert not Layer.objects.exists()


def test_zip_with_too_many_entries_is_refused(planner_api, shp, media_in_tmp, private_tmp):
    entries = {**shp, **{f"notes/{i}.txt": b"x" for i in range(100)}}

    response = upload(planner_api, "zones.zip", zip_bytes(entries))

    assert_refused(response, "at most 100 are allowed", media_in_tmp, private_tmp)


def test_zip_unpacking_to_too_much_is_refused(
    planner_api, shp, settings, media_in_tmp, private_tmp
):
    settings.LAYER_UPLOAD_MAX_BYTES = 100_000
    rng = random.Random(1)
    filler = {f"x{i}.cpg": bytes(rng.choice(b"ab") for _ in range(100_000)) for i in range(6)}

    response = upload(planner_api, "zones.zip", zip_bytes({**shp, **filler}))

    assert_refused(response, "The zip unpacks to", media_in_tmp, private_tmp)


def test_zip_bomb_is_refused_before_extraction(planner_api, shp, media_in_tmp, private_tmp):
    entries = {**shp, "zones.cpg": b"\0" * 10_000_000}

    response = upload(planner_api, "zones.zip", zip_bytes(entries))

    assert_refused(response, "compressed suspiciously well", media_in_tmp, private_tmp)


@pytest.mark.parametrize("name", ["../zones.shp", "a/../../zones.dbf", "/etc/zones.shp"])
def test_zip_with_escaping_path_is_refused(planner_api, shp, name, media_in_tmp, private_tmp):
    response = upload(planner_api, "zones.zip", zip_bytes({**shp, name: b"x"}))

    assert_refused(response, "unsafe path", media_in_tmp, private_tmp)


def test_zip_with_a_symlink_is_refused(planner_api, shp, tmp_path, media_in_tmp, private_tmp):
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in shp.items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("link.cpg")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")

    response = upload(planner_api, "zones.zip", path.read_bytes())

    assert_refused(response, "holds a link", media_in_tmp, private_tmp)


@pytest.mark.parametrize("name", ["zones.vrt", "run.exe", "zones.gpkg"])
def test_zip_with_unexpected_files_is_refused(planner_api, shp, name, media_in_tmp, private_tmp):
    response = upload(planner_api, "zones.zip", zip_bytes({**shp, name: b"<OGRVRTDataSource/>"}))

    assert_refused(response, "may only hold a Shapefile", media_in_tmp, private_tmp)


@pytest.mark.parametrize("missing", ["zones.shx", "zones.dbf"])
def test_shapefile_without_its_index_or_table_is_refused(
    planner_api, shp, missing, media_in_tmp, private_tmp
):
    del shp[missing]

    response = upload(planner_api, "zones.zip", zip_bytes(shp))

    assert_refused(response, f"lacks its {missing[-4:]} file", media_in_tmp, private_tmp)


def test_truncated_shapefile_is_refused(planner_api, shp, media_in_tmp, private_tmp):
    shp["zones.shp"] = shp["zones.shp"][:-20]

    response = upload(planner_api, "zones.zip", zip_bytes(shp))

    assert_refused(response, "is damaged", media_in_tmp, private_tmp)


def test_shapefile_whose_index_points_at_the_wrong_record_is_refused(
    planner_api, shp, media_in_tmp, private_tmp
):
    index = bytearray(shp["zones.shx"])
    index[108:112] = index[100:104]  # record 2 now points at record 1
    shp["zones.shx"] = bytes(index)

    response = upload(planner_api, "zones.zip", zip_bytes(shp))

    assert_refused(response, "record 2 in the .shp does not match", media_in_tmp, private_tmp)


def test_table_with_fewer_rows_than_shapes_is_refused(planner_api, shp, media_in_tmp, private_tmp):
    table = bytearray(shp["zones.dbf"])
    table[4:8] = (1).to_bytes(4, "little")
    shp["zones.dbf"] = bytes(table)

    response = upload(planner_api, "zones.zip", zip_bytes(shp))

    assert_refused(response, "1 rows for 2 shapes", media_in_tmp, private_tmp)


def test_text_named_gpkg_is_refused(planner_api, media_in_tmp, private_tmp):
    response = upload(planner_api, "zones.gpkg", b"zone,geometry\nWA,POINT(0 0)\n")

    assert_refused(response, "is not a GeoPackage file", media_in_tmp, private_tmp)


def test_plain_sqlite_database_named_gpkg_is_refused(
    planner_api, tmp_path, media_in_tmp, private_tmp
):
    path = tmp_path / "plain.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")

    response = upload(planner_api, "zones.gpkg", path.read_bytes())

    assert_refused(response, "is not a GeoPackage file", media_in_tmp, private_tmp)


def test_vrt_disguised_as_geojson_is_refused(planner_api, media_in_tmp, private_tmp):
    vrt = b'<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>/etc/passwd'
    vrt += b"</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"

    response = upload(planner_api, "zones.geojson", vrt)

    assert_refused(response, "is not a GeoJSON file", media_in_tmp, private_tmp)


def test_zip_named_geojson_is_refused(planner_api, shp, media_in_tmp, private_tmp):
    response = upload(planner_api, "zones.geojson", zip_bytes(shp))

    assert_refused(response, "is not a GeoJSON file", media_in_tmp, private_tmp)


def test_geojson_named_zip_is_refused(planner_api, tmp_path, media_in_tmp, private_tmp):
    content = write_geojson(tmp_path / "z.geojson", zones_frame()).read_bytes()

    response = upload(planner_api, "zones.zip", content)

    assert_refused(response, "is not a zip file", media_in_tmp, private_tmp)


@pytest.mark.parametrize("name", ["zones.vrt", "zones.kml", "zones.csv", "zones.shp"])
def test_other_formats_are_refused(planner_api, name, media_in_tmp, private_tmp):
    response = upload(planner_api, name, b"<OGRVRTDataSource/>")

    assert_refused(response, "zip", media_in_tmp, private_tmp)


def test_json_that_gdal_cannot_read_is_refused(planner_api, media_in_tmp, private_tmp):
    response = upload(planner_api, "zones.geojson", b'{"hello": "world"')

    assert_refused(response, "GDAL cannot read the file", media_in_tmp, private_tmp)


@pytest.mark.parametrize(
    "path", ["/vsicurl/http://127.0.0.1:9/zones.gpkg", "/vsizip//tmp/x.zip/zones.shp"]
)
def test_network_and_virtual_paths_are_refused(path):
    with pytest.raises(ValidationError, match="Only local files"):
        layer_import(path=path, name="Remote", kind="zoning", zone_field="zone")
    assert not Layer.objects.exists()


def test_bad_options_are_refused_before_anything_is_stored(
    planner_api, zones_gpkg, media_in_tmp, private_tmp
):
    response = upload(planner_api, "zones.gpkg", zones_gpkg.read_bytes(), zone_field="nope")

    assert_refused(response, "“nope” is not in the layer", media_in_tmp, private_tmp)


SIDECARS = [
    "zones.xsd", "zones.qpj", "zones.qml", "zones.sld", "zones.lyr", "zones.cst",
    "zones.sbn", "zones.sbx", "zones.shp.xml", "zones.csv",
]  # fmt: skip


def test_zip_with_the_sidecars_gis_programs_write_is_imported(
    planner_api, shp, media_in_tmp, django_capture_on_commit_callbacks
):
    sidecars = dict.fromkeys(SIDECARS, b"<whatever the program wrote/>")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(planner_api, "zones.zip", zip_bytes({**shp, **sidecars}), kind="other")
    assert response.status_code in (201, 202), response.content
    assert Layer.objects.get().state == "done"


def test_the_skipped_sidecars_are_listed_in_the_report(
    planner_api, shp, media_in_tmp, django_capture_on_commit_callbacks
):
    sidecars = {"zones.qml": b"<qgis/>", "zones.shp.xml": b"<metadata/>", "README.txt": b"hi"}
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(planner_api, "zones.zip", zip_bytes({**shp, **sidecars}), kind="other")
    assert response.status_code == 202, response.content

    status = planner_api.get(response.json()["status_url"]).json()
    assert status["state"] == "done"
    assert sorted(status["report"]["ignored_files"]) == sorted(sidecars)


@pytest.mark.parametrize("name", ["setup.exe", "install.sh", "zones.shp.sh", "zones.bat"])
def test_zip_with_a_sidecar_that_runs_is_refused(planner_api, shp, name, media_in_tmp, private_tmp):
    response = upload(planner_api, "zones.zip", zip_bytes({**shp, name: b"#!/bin/sh\nrm -rf /\n"}))

    assert_refused(response, "may only hold a Shapefile", media_in_tmp, private_tmp)


def test_without_a_broker_a_file_a_request_cannot_import_is_refused_up_front(
    planner_api, zones_gpkg, settings, media_in_tmp, private_tmp
):
    """No CELERY_BROKER_URL: the import would run inside the request and be killed by the
    web server's timeout; the upload is refused with the limit, and nothing is left."""
    assert settings.CELERY_TASK_ALWAYS_EAGER  # the test settings have no broker
    settings.LAYER_UPLOAD_MAX_BYTES_WITHOUT_BROKER = 1000
    response = upload(planner_api, "zones.gpkg", zones_gpkg.read_bytes())
    assert_refused(response, "Without a background worker", media_in_tmp, private_tmp)


def test_with_a_broker_only_the_general_limit_applies(settings):
    from layers import uploads

    settings.LAYER_UPLOAD_MAX_BYTES_WITHOUT_BROKER = 1000
    settings.CELERY_TASK_ALWAYS_EAGER = False
    uploads.check_size(5000, imported_in_request=True)
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with pytest.raises(ValidationError):
        uploads.check_size(5000, imported_in_request=True)
    uploads.check_size(5000)  # inspecting a file imports nothing


GDALG_PIPELINE = (
    b'{"type": "gdal_streamed_alg", "command_line": '
    b'"gdal vector pipeline ! read /etc/passwd ! write --of stream streamed_dataset"}'
)


def test_gdalg_pipeline_named_geojson_is_refused_before_gdal_opens_it(
    planner_api, media_in_tmp, private_tmp, monkeypatch
):
    import pyogrio

    opened = []
    for name in ("list_layers", "read_info"):
        original = getattr(pyogrio, name)
        monkeypatch.setattr(
            pyogrio,
            name,
            lambda path, *a, _f=original, **k: opened.append(path) or _f(path, *a, **k),
        )

    response = upload(planner_api, "zones.geojson", GDALG_PIPELINE)

    assert_refused(response, "is a GDAL pipeline", media_in_tmp, private_tmp)
    assert "passwd" not in response.content.decode()
    assert opened == []


def test_gdal_opens_an_upload_with_its_own_driver_only(tmp_path):
    """Even past the content check, GDAL never evaluates a pipeline: the GDALG and VRT
    drivers are not registered, and only an allowed driver is accepted."""
    import pyogrio

    from layers import reading, uploads

    path = tmp_path / "zones.geojson"
    path.write_bytes(GDALG_PIPELINE)

    with pytest.raises(ValidationError) as refused:
        reading.list_layers(path, driver=uploads.GEOJSON)

    assert "passwd" not in str(refused.value)
    with pytest.raises(ValidationError, match="CSV driver are not accepted"):
        reading.list_layers(path, driver="CSV")
    assert not {"GDALG", "VRT", "OGR_VRT"} & set(pyogrio.list_drivers())


def _big_point_shapefile(n: int) -> dict[str, bytes]:
    """A valid Shapefile of n points (no attributes), written byte by byte: large, and
    compressing well in a zip."""
    import numpy as np

    def header(size: int) -> bytes:
        head = np.zeros(7, dtype=">i4")
        head[0], head[6] = 9994, size // 2
        return head.tobytes() + np.array([1000, 1], dtype="<i4").tobytes() + bytes(64)

    records = np.zeros(n, dtype=[("number", ">i4"), ("length", ">i4"), ("type", "<i4"),
                                 ("x", "<f8"), ("y", "<f8")])  # fmt: skip
    records["number"] = np.arange(1, n + 1)
    records["length"], records["type"] = 10, 1
    records["x"], records["y"] = 13.4, 52.5
    index = np.zeros((n, 2), dtype=">i4")
    index[:, 0] = (100 + 28 * np.arange(n)) // 2
    index[:, 1] = 10
    dbf = bytearray(32)
    dbf[0] = 3
    dbf[4:8] = n.to_bytes(4, "little")
    dbf[8:10] = (33).to_bytes(2, "little")
    dbf[10:12] = (1).to_bytes(2, "little")
    dbf += b"\r" + b" " * n + b"\x1a"
    return {
        "big.shp": header(100 + 28 * n) + records.tobytes(),
        "big.shx": header(100 + 8 * n) + index.tobytes(),
        "big.dbf": bytes(dbf),
    }


def test_a_well_compressed_zip_is_checked_in_little_memory(tmp_path):
    """A zip that unpacks to tens of MB is extracted and checked in pieces: the memory it
    takes stays far below its unpacked size (it was about 92 times the zip's size)."""
    import tracemalloc

    from layers import uploads

    parts = _big_point_shapefile(1_000_000)
    unpacked = sum(len(content) for content in parts.values())
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name, content in parts.items():  # a table of blanks would look like a bomb
            stored = zipfile.ZIP_STORED if name.endswith(".dbf") else None
            out.writestr(name, content, compress_type=stored)
    work = tmp_path / "work"
    work.mkdir()
    del parts

    tracemalloc.start()
    try:
        path, driver = uploads.unpack_upload(archive, "big.zip", work)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert driver == uploads.SHAPEFILE
    assert unpacked > 35e6
    assert peak < 12e6, f"{peak / 1e6:.0f} MB for a zip unpacking to {unpacked / 1e6:.0f} MB"


def test_the_xplangml_version_is_read_from_the_head_of_the_file_only(tmp_path):
    import tracemalloc

    from layers import xplanung

    gml = tmp_path / "plan.gml"
    head = b'<XPlanAuszug xmlns="http://www.xplanung.de/xplangml/6/0">'
    gml.write_bytes(head + b" " * 30_000_000 + b"</XPlanAuszug>")

    tracemalloc.start()
    try:
        version = xplanung.file_version(gml)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert version == "6.0"
    assert peak < 1e6

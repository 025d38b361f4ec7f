"""Exports of proposals and clusters, re-read with GDAL: the system ogrinfo and pyogrio."""

import csv
import io
import json
import sqlite3
import subprocess
import tempfile
from datetime import UTC
from pathlib import Path

import pyogrio
import pytest
from django.contrib.gis.geos import LineString, MultiPolygon, Polygon

from proposals.models import Category, Status
from spatial.models import Cluster, ClusterMember
from tests.factories import ProposalFactory, UserFactory
from tests.layers.planner_data import district_layer, proposal_at
from tests.publishing.mixed_data import COUNTS, mixed_proposals

pytestmark = pytest.mark.django_db

ZONES_GR = [{"layer": "zoning", "zone_code": "GR", "share": 1.0, "verdict": "incompatible"}]


@pytest.fixture
def proposals():
    westend = district_layer().features.get(name="Westend")
    shy = UserFactory(show_name_publicly=False, first_name="Greta")
    return [
        proposal_at(
            12.31,
            51.31,
            district=westend,
            compatibility="incompatible",
            zones=ZONES_GR,
            title="Bolzplatz",
            category=Category.GREEN_SPACE,
            author=shy,
        ),
        proposal_at(12.44, 51.39, title="Radweg", category=Category.MOBILITY),
    ]


def download(client, url: str, tmp_path: Path) -> Path:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    name = url.split("/")[-1].split("?")[0]
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    path = tmp_path / name
    path.write_bytes(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return path


def csv_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def ogrinfo_summary(path: Path, *options: str) -> str:
    """`ogrinfo -al -so` of the system GDAL (older than pyogrio's): it must read the file
    without a warning."""
    result = subprocess.run(
        ["ogrinfo", "-ro", "-al", "-so", *options, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr, result.stderr
    return result.stdout


def test_geopackage_export_is_read_by_ogrinfo_and_pyogrio(client, tmp_path, proposals):
    path = download(client, "/api/export/proposals.gpkg", tmp_path)
    summary = ogrinfo_summary(path)
    assert "Layer name: proposals" in summary
    assert "Feature Count: 2" in summary
    assert 'EPSG",4326' in summary or "WGS 84" in summary
    for field in ("title: String", "district: String", "compatibility: String",
                  "support_count: Integer64", "created_at: DateTime"):  # fmt: skip
        assert field in summary
    frame = pyogrio.read_dataframe(path, layer="proposals_points").set_index("id")
    bolzplatz = frame.loc[proposals[0].pk]
    assert bolzplatz["title"] == "Bolzplatz"
    assert bolzplatz["district"] == "Westend"
    assert bolzplatz["compatibility"] == "incompatible"
    assert bolzplatz["zone_codes"] == "GR"
    assert bolzplatz["author_name"] == "a resident"
    (point,) = bolzplatz.geometry.geoms  # points are written as MultiPoint
    assert (point.x, point.y) == (12.31, 51.31)
    assert frame.loc[proposals[1].pk, "compatibility"] == "unknown"
    assert frame.crs.to_epsg() == 4326


def test_geopackage_export_leaves_no_temporary_file(client, tmp_path, proposals):
    before = set(Path(tempfile.gettempdir()).glob("stadtmacher-export-*"))
    download(client, "/api/export/proposals.gpkg", tmp_path)
    assert set(Path(tempfile.gettempdir()).glob("stadtmacher-export-*")) == before


def test_geojson_export_carries_the_overlay_zones(client, tmp_path, proposals):
    path = download(client, "/api/export/proposals.geojson", tmp_path)
    assert "Feature Count: 2" in ogrinfo_summary(path)
    collection = json.loads(path.read_text())
    by_title = {f["properties"]["title"]: f for f in collection["features"]}
    assert by_title["Bolzplatz"]["properties"]["zones"] == ZONES_GR
    assert by_title["Bolzplatz"]["geometry"] == {"type": "Point", "coordinates": [12.31, 51.31]}
    frame = pyogrio.read_dataframe(path)
    assert sorted(frame["district"]) == ["", "Westend"]


def test_csv_export_has_wkt_and_centroid_columns(client, tmp_path, proposals):
    line = ProposalFactory(
        geom=LineString((12.30, 51.30), (12.32, 51.30), srid=4326), title="Allee"
    )
    path = download(client, "/api/export/proposals.csv", tmp_path)
    rows = {row["title"]: row for row in csv_rows(path)}
    assert rows["Bolzplatz"]["wkt"] == "POINT(12.31 51.31)"
    assert rows["Bolzplatz"]["url"] == f"http://testserver/proposals/{proposals[0].pk}/"
    assert rows["Bolzplatz"]["district"] == "Westend"
    assert rows["Bolzplatz"]["compatibility"] == "incompatible"
    assert (rows["Allee"]["lon"], rows["Allee"]["lat"]) == ("12.310000", "51.300000")
    assert rows["Allee"]["id"] == str(line.pk)
    assert rows["Radweg"]["created_at"].endswith("+00:00")
    # GDAL reads the WKT column back as the geometry.
    summary = ogrinfo_summary(path, "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO")
    assert "Feature Count: 3" in summary
    assert "Extent: (12.300000, 51.300000) - (12.440000, 51.390000)" in summary


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_defused(client, tmp_path):
    ProposalFactory(title='=HYPERLINK("http://evil.example","click")', description="@SUM(1)")
    path = download(client, "/api/export/proposals.csv", tmp_path)
    row = csv_rows(path)[0]
    assert row["title"].startswith("'=HYPERLINK")
    assert row["description"] == "'@SUM(1)"


def test_exports_take_the_filters_of_the_proposal_list(client, tmp_path, proposals):
    path = download(client, "/api/export/proposals.geojson?category=mobility", tmp_path)
    assert [f["properties"]["title"] for f in json.loads(path.read_text())["features"]] == [
        "Radweg"
    ]
    path = download(client, "/api/export/proposals.csv?bbox=12.30,51.30,12.35,51.35", tmp_path)
    assert [r["title"] for r in csv_rows(path)] == ["Bolzplatz"]


def test_exports_filter_by_overlay_compatibility_and_district(client, tmp_path, proposals):
    path = download(client, "/api/export/proposals.gpkg?compatibility=incompatible", tmp_path)
    assert list(pyogrio.read_dataframe(path, layer="proposals_points")["title"]) == ["Bolzplatz"]
    path = download(client, "/api/export/proposals.geojson?compatibility=unknown", tmp_path)
    titles = [f["properties"]["title"] for f in json.loads(path.read_text())["features"]]
    assert titles == ["Radweg"]
    district = proposals[0].overlay.district_id
    path = download(client, f"/api/export/proposals.csv?district={district}", tmp_path)
    assert [r["title"] for r in csv_rows(path)] == ["Bolzplatz"]


def test_hidden_and_withdrawn_proposals_are_not_exported(client, tmp_path, proposals):
    proposal_at(12.33, 51.33, status=Status.HIDDEN, title="Versteckt")
    proposal_at(12.34, 51.33, status=Status.WITHDRAWN, title="Zurückgezogen")
    path = download(client, "/api/export/proposals.gpkg", tmp_path)
    titles = pyogrio.read_dataframe(path, layer="proposals_points")["title"]
    assert sorted(titles) == ["Bolzplatz", "Radweg"]


def test_empty_export_is_still_a_valid_file(client, tmp_path, db):
    for fmt in ("gpkg", "geojson"):
        path = download(client, f"/api/export/proposals.{fmt}?category=housing", tmp_path)
        assert "Feature Count: 0" in ogrinfo_summary(path)
    path = download(client, "/api/export/proposals.csv", tmp_path)
    assert path.read_bytes().startswith("\ufeffid,kind,category,title,".encode())


def test_anonymous_export_of_my_proposals_is_empty(client, tmp_path, proposals):
    for fmt in ("gpkg", "geojson", "csv"):
        path = download(client, f"/api/export/proposals.{fmt}?author=me", tmp_path)
        options = ("-oo", "GEOM_POSSIBLE_NAMES=wkt") if fmt == "csv" else ()
        assert "Feature Count: 0" in ogrinfo_summary(path, *options)


def test_signed_in_author_exports_their_own_proposals(client, tmp_path, proposals):
    client.force_login(proposals[1].author)
    path = download(client, "/api/export/proposals.geojson?author=me", tmp_path)
    assert [f["id"] for f in json.loads(path.read_text())["features"]] == [proposals[1].pk]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=1,2,3", "bbox"),
        ("category=beer", "category"),
        ("compatibility=maybe", "compatibility"),
        ("district=westend", "district"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/export/proposals.gpkg?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_unknown_export_format_is_not_found(client):
    assert client.get("/api/export/proposals.shp").status_code == 404


@pytest.fixture
def clusters():
    members = [proposal_at(12.31, 51.31), proposal_at(12.3101, 51.31)]
    outline = MultiPolygon(Polygon.from_bbox((12.309, 51.309, 12.312, 51.311)), srid=4326)
    contested = Cluster.objects.create(
        outline=outline,
        contested=True,
        score=0.75,
        explanation={"en": "Two uses compete", "de": "Zwei Nutzungen konkurrieren"},
        categories=["housing", "green_space"],
        claim_count=2,
        proposal_count=2,
    )
    for proposal in members:
        ClusterMember.objects.create(proposal=proposal, cluster=contested)
    Cluster.objects.create(outline=outline, claim_count=3, categories=["mobility"])
    return contested, members


def test_cluster_geopackage_export_lists_members_and_scores(client, tmp_path, clusters):
    contested, members = clusters
    path = download(client, "/api/export/clusters.gpkg", tmp_path)
    summary = ogrinfo_summary(path)
    assert "Feature Count: 2" in summary and "Geometry: Multi Polygon" in summary
    frame = pyogrio.read_dataframe(path).set_index("id")
    row = frame.loc[contested.pk]
    assert bool(row["contested"]) is True and row["score"] == 0.75
    assert row["proposal_ids"] == ";".join(str(p.pk) for p in members)
    assert row["categories"] == "housing;green_space"
    assert row["explanation"] == "Two uses compete"


def test_cluster_exports_skip_dissolved_clusters_and_filter_contested(client, tmp_path, clusters):
    Cluster.objects.filter(contested=False).update(dissolved_at="2026-01-01T00:00:00Z")
    path = download(client, "/api/export/clusters.geojson", tmp_path)
    assert len(json.loads(path.read_text())["features"]) == 1
    path = download(client, "/api/export/clusters.csv?contested=false", tmp_path)
    assert csv_rows(path) == []
    assert client.get("/api/export/clusters.csv?contested=maybe").status_code == 400


def test_geopackage_has_one_layer_per_geometry_kind_with_every_proposal(client, tmp_path):
    mixed_proposals()
    path = download(client, "/api/export/proposals.gpkg", tmp_path)
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers == {
        "proposals_points": "MultiPoint",
        "proposals_lines": "MultiLineString",
        "proposals_areas": "MultiPolygon",
    }
    summary = ogrinfo_summary(path)  # the system GDAL (3.6) reads each without a warning
    for kind, count in COUNTS.items():
        assert pyogrio.read_info(path, layer=f"proposals_{kind}")["features"] == count
        assert len(pyogrio.read_dataframe(path, layer=f"proposals_{kind}")) == count
        assert f"Layer name: proposals_{kind}\n" in summary
    assert [f"Feature Count: {n}" in summary for n in COUNTS.values()] == [True] * 3


def test_geopackage_datetimes_are_utc_with_z_and_zones_are_json(client, tmp_path, proposals):
    path = download(client, "/api/export/proposals.gpkg", tmp_path)
    with sqlite3.connect(path) as db:
        raw = dict(db.execute("SELECT id, created_at FROM proposals_points").fetchall())
        zones = dict(db.execute("SELECT id, zones FROM proposals_points").fetchall())
    created = proposals[0].created_at.astimezone(UTC)
    assert raw[proposals[0].pk] == created.strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{created.microsecond // 1000:03d}Z"
    )
    assert json.loads(zones[proposals[0].pk]) == ZONES_GR
    assert json.loads(zones[proposals[1].pk]) == []
    frame = pyogrio.read_dataframe(path, layer="proposals_points").set_index("id")
    assert str(frame["created_at"].dt.tz) == "UTC"


def test_cluster_outlines_are_one_multipolygon_layer(client, tmp_path, clusters):
    path = download(client, "/api/export/clusters.gpkg", tmp_path)
    assert pyogrio.list_layers(path).tolist() == [["clusters", "MultiPolygon"]]
    with sqlite3.connect(path) as db:
        (updated,) = db.execute("SELECT updated_at FROM clusters LIMIT 1").fetchone()
    assert updated.endswith("Z")


def test_csv_geometries_of_every_kind_are_read_by_gdal(client, tmp_path):
    mixed_proposals()
    path = download(client, "/api/export/proposals.csv", tmp_path)
    # The open options the README gives: the WKT column is the geometry, in EPSG:4326.
    out = tmp_path / "from-csv.geojson"
    command = ["ogr2ogr", "-f", "GeoJSON", str(out), str(path), "-a_srs", "EPSG:4326"]
    command += ["-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    features = json.loads(out.read_text())["features"]
    assert len(features) == sum(COUNTS.values())
    assert sorted({f["geometry"]["type"] for f in features}) == sorted(
        ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]
    )
    assert "wkt" not in features[0]["properties"]

"""XPlanung in: XPlanGML 5.x/6.x files and XPlanArchiv zips, read without network.

The two plans in tests/layers/data are hand-written in the XPlanung schema, to place them
in the test city and to hold what real plans rarely do together (real plans of the xplanbox
project are tested in test_xplanung_real.py): bp_plan_5_4.gml, a Bebauungsplan in
XPlanGML 5.4 with an arc, an external XLink and a schema location on the network;
fp_plan_6_0.gml, a Flächennutzungsplan in XPlanGML 6.0. Both in EPSG:25833 in Auenstadt.
They are copied to a temporary folder first: GDAL writes a .gfs next to what it reads.
"""

import io
import shutil
import socket
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from layers import xplanung
from layers.models import Feature, Layer
from layers.services import layer_import, layer_list_layers

from .files import shapefile_parts, write_zip, zones_frame

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


@pytest.fixture
def bp(tmp_path) -> Path:
    return Path(shutil.copy(DATA / "bp_plan_5_4.gml", tmp_path / "bp_plan_5_4.gml"))


@pytest.fixture
def fp(tmp_path) -> Path:
    return Path(shutil.copy(DATA / "fp_plan_6_0.gml", tmp_path / "fp_plan_6_0.gml"))


@pytest.fixture
def no_network(monkeypatch):
    """Any socket Python opens to anything but PostgreSQL and Redis fails the test. (GDAL's
    own HTTP goes to a closed local proxy port, see layers.reading.)"""
    real = socket.socket.connect

    def connect(self, address):
        if isinstance(address, tuple) and address[1] not in (5432, 6379):
            raise AssertionError(f"network access to {address}")
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


def test_bp_plan_is_listed_with_its_classes_counts_and_plan(bp, no_network):
    layers = {entry["name"]: entry for entry in layer_list_layers(bp)}

    assert {name: entry["feature_count"] for name, entry in layers.items()} == {
        "BP_Plan": 1,
        "BP_Bereich": 1,
        "BP_BaugebietsTeilFlaeche": 3,
        "BP_StrassenVerkehrsFlaeche": 1,
    }
    zones = layers["BP_BaugebietsTeilFlaeche"]
    assert zones["fields"][0] == xplanung.ZONE_FIELD
    assert zones["crs"] == "EPSG:25833"
    assert zones["plan"] == {
        "version": "5.4",
        "type": "BP",
        "name": 'Bebauungsplan Nr. 42 "Am Auenbogen"',
        "number": "42",
        "legal_status": "4000",
        "legal_status_name": "In Kraft getreten",
        "dates": {
            "aufstellungsbeschlussDatum": "2021-06-15",
            "satzungsbeschlussDatum": "2023-11-20",
            "inkrafttretensDatum": "2024-02-01",
            "technHerstellDatum": "2024-03-01",
        },
    }
    assert xplanung.ZONE_FIELD not in layers["BP_Plan"]["fields"]


def test_bp_zoning_imports_with_baunvo_names_and_the_plan(bp, no_network):
    layer = layer_import(
        path=bp,
        name="B-Plan 42",
        kind="zoning",
        zone_field=xplanung.ZONE_FIELD,
        layer_name="BP_BaugebietsTeilFlaeche",
    )

    assert layer.feature_count == 3
    zones = dict(layer.features.values_list("zone_code", "name"))
    assert zones == {
        "WA": "WA – Allgemeines Wohngebiet",  # besondereArtDerBaulNutzung 1200
        "MI": "MI – Mischgebiet",  # 1500 wins over allgArtDerBaulNutzung 2000
        "G": "G – Gewerbliche Baufläche",  # only allgArtDerBaulNutzung 3000
    }
    arc = layer.features.get(zone_code="G")
    area = arc.geom.transform(25833, clone=True).area
    assert 10_050 < area < 10_100  # the square plus the arc's segment, linearised
    assert layer.report["plan"]["name"] == 'Bebauungsplan Nr. 42 "Am Auenbogen"'
    assert layer.report["location"]["outside_share"] == 0


def test_fp_plan_6_0_imports_its_areas(fp, no_network):
    layers = {entry["name"]: entry for entry in layer_list_layers(fp)}
    assert layers["FP_BebauungsFlaeche"]["feature_count"] == 3
    assert layers["FP_Gewaesser"]["feature_count"] == 1

    layer = layer_import(
        path=fp,
        name="FNP",
        kind="zoning",
        zone_field=xplanung.ZONE_FIELD,
        layer_name="FP_BebauungsFlaeche",
    )

    assert sorted(layer.features.values_list("zone_code", "name")) == [
        ("G", "G – Gewerbliche Baufläche"),
        ("MU", "MU – Urbanes Gebiet"),
        ("W", "W – Wohnbaufläche"),
    ]
    plan = layer.report["plan"]
    assert (plan["version"], plan["type"], plan["legal_status_name"]) == ("6.0", "FP", "Wirksam")
    assert plan["dates"]["wirksamkeitsDatum"] == "2019-01-10"

    out = io.StringIO()
    call_command(
        "import_layer", str(fp), "--name", "FNP boundary", "--kind", "other",
        "--layer", "FP_Plan", "--no-progress", stdout=out,
    )  # fmt: skip
    assert Layer.objects.get(name="FNP boundary").feature_count == 1
    assert "XPlanGML 6.0, FP plan: Flächennutzungsplan Auenstadt (Wirksam)" in out.getvalue()


def test_xplanarchiv_zip_with_its_scans_is_imported(tmp_path, bp, no_network):
    path = write_zip(
        tmp_path / "archiv.zip",
        {"xplan.gml": bp.read_bytes(), "plan42.pdf": b"%PDF-1.4", "plan42.png": b"\x89PNG"},
    )

    layer = layer_import(
        path=path,
        name="Archiv",
        kind="zoning",
        zone_field=xplanung.ZONE_FIELD,
        layer_name="BP_BaugebietsTeilFlaeche",
    )

    assert layer.feature_count == 3
    assert sorted(layer.report["ignored_files"]) == ["plan42.pdf", "plan42.png"]


XPLAN_HEAD = (
    '<?xml version="1.0"?><xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/{v}" '
    'xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="a">'
)


@pytest.mark.parametrize(
    "content, reason",
    [
        (XPLAN_HEAD.format(v="5/4") + "<gml:featureMember><xplan:BP_Plan>", "not well-formed"),
        (XPLAN_HEAD.format(v="4/1") + "</xplan:XPlanAuszug>", "XPlanGML 4.1 is not supported"),
        (
            '<?xml version="1.0"?><wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0"/>',
            "not an XPlanGML file",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://example.invalid/">]>'
            + XPLAN_HEAD.format(v="5/4")
            + "&e;</xplan:XPlanAuszug>",
            "declares a DTD",
        ),
        (
            XPLAN_HEAD.format(v="5/4").replace(
                ' gml:id="a"',
                ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" gml:id="a" '
                'xsi:schemaLocation="http://www.xplanung.de/xplangml/5/4 /etc/passwd"',
            )
            + "</xplan:XPlanAuszug>",
            "names a local schema file",
        ),
    ],
    ids=["malformed", "version-4.1", "not-xplanung", "dtd", "local-schema"],
)
def test_bad_gml_is_refused_with_the_reason(tmp_path, content, reason, no_network):
    path = tmp_path / "plan.gml"
    path.write_text(content)

    with pytest.raises(ValidationError, match=reason):
        layer_import(path=path, name="Bad", kind="other")
    assert not Layer.objects.exists() and not Feature.objects.exists()


def test_zip_with_a_shapefile_and_an_xplangml_is_refused(tmp_path, bp):
    parts = shapefile_parts(tmp_path, zones_frame())
    path = write_zip(tmp_path / "both.zip", {**parts, "xplan.gml": bp.read_bytes()})

    with pytest.raises(ValidationError, match="both a Shapefile and an XPlanGML"):
        layer_import(path=path, name="Both", kind="other")
    assert not Layer.objects.exists()


def test_upload_of_an_xplangml_file_through_the_api(
    planner_api, bp, django_capture_on_commit_callbacks
):
    inspected = planner_api.post(
        "/api/layers/inspect/",
        {"file": SimpleUploadedFile("plan.gml", bp.read_bytes())},
        format="multipart",
    )
    assert inspected.status_code == 200, inspected.content
    assert {entry["name"] for entry in inspected.json()["layers"]} >= {"BP_BaugebietsTeilFlaeche"}

    with django_capture_on_commit_callbacks(execute=True):
        response = planner_api.post(
            "/api/layers/",
            {
                "file": SimpleUploadedFile("plan.gml", bp.read_bytes()),
                "name": "B-Plan 42",
                "kind": "zoning",
                "layer": "BP_BaugebietsTeilFlaeche",
                "zone_field": xplanung.ZONE_FIELD,
            },
            format="multipart",
        )
    assert response.status_code == 202, response.content
    status = planner_api.get(response.json()["status_url"]).json()
    assert status["state"] == "done", status["error"]
    assert [(entry["zone_code"], entry["zone_name"]) for entry in status["legend"]] == [
        ("G", "G – Gewerbliche Baufläche"),
        ("MI", "MI – Mischgebiet"),
        ("WA", "WA – Allgemeines Wohngebiet"),
    ]
    assert status["report"]["plan"]["type"] == "BP"

    bad = planner_api.post(
        "/api/layers/",
        {
            "file": SimpleUploadedFile("plan.gml", b"<FeatureCollection/>"),
            "name": "Bad",
            "kind": "other",
        },
        format="multipart",
    )
    assert bad.status_code == 400
    assert "not an XPlanGML file" in str(bad.json())

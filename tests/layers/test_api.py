"""The layers API: upload -> job -> status, map payloads, rules, overlay, permissions."""

import math

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from layers.models import Layer, LayerState
from layers.services import layer_import
from proposals.services import proposal_create
from tests.conftest import client_for

from .files import frame, square, to_lonlat, write_gpkg, zones_frame

pytestmark = pytest.mark.django_db


@pytest.fixture
def zoning(zones_gpkg):
    return layer_import(
        path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone", in_effect=True
    )


def test_planner_upload_is_accepted_queued_and_imported(
    planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = planner_api.post(
            "/api/layers/",
            {
                "file": SimpleUploadedFile("plan.gpkg", zones_gpkg.read_bytes()),
                "name": "Zoning plan 2025",
                "kind": "zoning",
                "zone_field": "zone",
                "layer": "zones",
            },
            format="multipart",
        )

    assert response.status_code == 202, response.content
    body = response.json()
    assert body["slug"] == "zoning-plan-2025"
    assert body["status_url"] == "/api/layers/zoning-plan-2025/"
    assert response["Location"] == body["status_url"]
    status = planner_api.get(body["status_url"]).json()
    assert status["state"] == "done"
    assert status["progress"] == 100
    assert status["feature_count"] == 2
    assert status["report"]["imported"] == 2
    assert [entry["zone_code"] for entry in status["legend"]] == ["GE", "WA"]
    # The stored upload is deleted once imported.
    assert not any(p.is_file() for p in media_in_tmp.rglob("*"))
    assert not any(p.is_dir() for p in (media_in_tmp / "layer-uploads").iterdir())


def test_inspect_lists_the_layers_of_an_uploaded_file(planner_api, tmp_path):
    districts = frame([{"name": "Mitte", "geometry": square(0, 0, 500)}])
    path = write_gpkg(tmp_path / "p.gpkg", {"zones": zones_frame(), "districts": districts})

    response = planner_api.post(
        "/api/layers/inspect/",
        {"file": SimpleUploadedFile("p.gpkg", path.read_bytes())},
        format="multipart",
    )

    assert response.status_code == 200, response.content
    assert [layer["name"] for layer in response.json()["layers"]] == ["zones", "districts"]
    assert not Layer.objects.exists()


def test_failed_layers_are_shown_to_planners_only(api, planner_api, zoning):
    Layer.objects.create(name="Broken", slug="broken", kind="zoning", state=LayerState.FAILED)

    public = [layer["slug"] for layer in api.get("/api/layers/").json()]
    planners = [layer["slug"] for layer in planner_api.get("/api/layers/").json()]

    assert public == ["zoning"]
    assert sorted(planners) == ["broken", "zoning"]
    assert api.get("/api/layers/broken/").status_code == 404
    assert api.get("/api/layers/broken/features.geojson").status_code == 404


def test_features_geojson_is_filtered_by_bbox(api, zoning):
    url = "/api/layers/zoning/features.geojson"
    everything = api.get(url)
    assert everything["Content-Type"] == "application/geo+json"
    features = everything.json()["features"]
    assert {f["properties"]["zone_code"] for f in features} == {"WA", "GE"}
    assert all(f["properties"]["color"].startswith("#") for f in features)

    lon, lat = zoning.features.get(zone_code="WA").geom.centroid.coords
    far = f"{lon - 0.01},{lat - 0.01},{lon - 0.005},{lat - 0.005}"
    assert api.get(url, {"bbox": far}).json()["features"] == []
    near = f"{lon - 0.0001},{lat - 0.0001},{lon + 0.0001},{lat + 0.0001}"
    assert [
        f["properties"]["zone_code"] for f in api.get(url, {"bbox": near}).json()["features"]
    ] == ["WA"]


@pytest.mark.parametrize(
    "query", [{"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"tolerance": "-1"}, {"tolerance": "x"}]
)
def test_bad_map_parameters_answer_400(api, zoning, query):
    response = api.get("/api/layers/zoning/features.geojson", query)

    assert response.status_code == 400
    assert next(iter(query)) in str(response.json())


def test_vector_tile_holds_the_features(api, zoning):
    z = 16  # the tile containing the zones (the demo city's centre)
    wa = zoning.features.get(zone_code="WA").geom.centroid
    n = 2**z
    x = int((wa.x + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(wa.y))) / math.pi) / 2 * n)

    response = api.get(f"/api/layers/zoning/tiles/{z}/{x}/{y}.pbf")
    empty = api.get(f"/api/layers/zoning/tiles/{z}/{x + 50}/{y}.pbf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.mapbox-vector-tile"
    assert b"zoning" in response.content and b"WA" in response.content
    assert empty.content == b""
    assert api.get("/api/layers/zoning/tiles/2/9/0.pbf").status_code == 404


def test_rules_matrix_round_trip(planner_api, api, zoning):
    assert api.get("/api/layers/zoning/rules/").json() == {"GE": {}, "WA": {}}

    response = planner_api.put(
        "/api/layers/zoning/rules/",
        {
            "WA": {"housing": "compatible", "mobility": "conditional"},
            "GE": {"housing": "incompatible"},
        },
        format="json",
    )

    assert response.status_code == 200
    assert api.get("/api/layers/zoning/rules/").json() == {
        "GE": {"housing": "incompatible"},
        "WA": {"housing": "compatible", "mobility": "conditional"},
    }


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ({"XX": {"housing": "compatible"}}, "no zone code “XX”"),
        ({"WA": {"parking": "compatible"}}, "unknown category “parking”"),
        ({"WA": {"housing": "maybe"}}, "no verdict “maybe”"),
        (["WA"], "zone_code"),
    ],
)
def test_bad_rules_answer_400_and_change_nothing(planner_api, zoning, matrix, message):
    planner_api.put("/api/layers/zoning/rules/", {"WA": {"housing": "compatible"}}, format="json")

    response = planner_api.put("/api/layers/zoning/rules/", matrix, format="json")

    assert response.status_code == 400
    assert message in str(response.json())
    assert zoning.rules.get().verdict == "compatible"


def test_rules_csv_import_replaces_the_matrix(planner_api, zoning):
    csv = "zone_code,category,verdict\nWA,housing,compatible\nGE,housing,incompatible\n"

    response = planner_api.generic(
        "POST", "/api/layers/zoning/rules.csv", csv, content_type="text/csv"
    )

    assert response.status_code == 200, response.content
    assert response.json() == {"GE": {"housing": "incompatible"}, "WA": {"housing": "compatible"}}


def test_rules_csv_as_uploaded_file(planner_api, zoning):
    upload = SimpleUploadedFile(
        "rules.csv", b"\xef\xbb\xbfzone_code,category,verdict\nWA,mobility,conditional\n"
    )

    response = planner_api.post(
        "/api/layers/zoning/rules.csv", {"file": upload}, format="multipart"
    )

    assert response.status_code == 200
    assert response.json()["WA"] == {"mobility": "conditional"}


def test_rules_csv_with_a_bad_row_names_the_row(planner_api, zoning):
    planner_api.put("/api/layers/zoning/rules/", {"WA": {"housing": "compatible"}}, format="json")
    csv = "zone_code,category,verdict\nWA,housing,compatible\nGE,housing,forbidden\n"

    response = planner_api.generic(
        "POST", "/api/layers/zoning/rules.csv", csv, content_type="text/csv"
    )

    assert response.status_code == 400
    assert "Row 3" in str(response.json())
    assert list(zoning.rules.values_list("zone_code", "verdict")) == [("WA", "compatible")]


def test_residents_cannot_change_rules_or_delete_layers(resident_api, zoning):
    put = resident_api.put(
        "/api/layers/zoning/rules/", {"WA": {"housing": "compatible"}}, format="json"
    )
    delete = resident_api.delete("/api/layers/zoning/")

    assert (put.status_code, delete.status_code) == (403, 403)
    assert Layer.objects.filter(slug="zoning").exists()


def test_planner_deletes_a_layer(planner_api, zoning):
    response = planner_api.delete("/api/layers/zoning/")

    assert response.status_code == 204
    assert not Layer.objects.exists()


def test_proposal_overlay_endpoint(api, zoning, resident, planner):
    client_for(planner).put(
        "/api/layers/zoning/rules/", {"WA": {"housing": "compatible"}}, format="json"
    )
    proposal = proposal_create(
        author=resident,
        kind="proposal",
        category="housing",
        title="Homes",
        geom=to_lonlat(square(10, 10, 20)),
    )

    body = api.get(f"/api/proposals/{proposal.pk}/overlay/").json()

    assert body["compatibility"] == "compatible"
    assert body["zones"] == [
        {"layer": "zoning", "zone_code": "WA", "share": 1.0, "verdict": "compatible"}
    ]
    assert body["district"] is None
    assert api.get("/api/proposals/999999/overlay/").status_code == 404


def test_zone_colours_follow_the_code_point_order_of_the_whole_layer(api, zoning):
    """GE before WA by code point: the colours stay when the bbox shows only one zone."""
    from layers.selectors import PALETTE

    url = "/api/layers/zoning/features.geojson"
    everything = api.get(url).json()["features"]
    assert [f["id"] for f in everything] == sorted(f["id"] for f in everything)
    feature = everything[0]
    assert list(feature) == ["type", "id", "geometry", "properties"]
    assert list(feature["properties"]) == ["id", "zone_code", "name", "population", "color"]
    colours = {f["properties"]["zone_code"]: f["properties"]["color"] for f in everything}
    assert colours == {"GE": PALETTE[0], "WA": PALETTE[1]}

    lon, lat = zoning.features.get(zone_code="WA").geom.centroid.coords
    near = f"{lon - 0.0001},{lat - 0.0001},{lon + 0.0001},{lat + 0.0001}"
    [only] = api.get(url, {"bbox": near}).json()["features"]
    assert only["properties"]["color"] == PALETTE[1]


def test_simplified_features_have_fewer_vertices(api, zoning):
    url = "/api/layers/zoning/features.geojson"

    def vertices(body):
        return sum(len(str(f["geometry"]["coordinates"])) for f in body["features"])

    exact = api.get(url).json()
    simplified = api.get(url, {"tolerance": "0.01"}).json()
    assert [f["id"] for f in simplified["features"]] == [f["id"] for f in exact["features"]]
    assert vertices(simplified) < vertices(exact)


@pytest.mark.parametrize("tolerance", ["abc", "-0.001", "0.5", "nan", "inf"])
def test_a_tolerance_out_of_range_is_a_400_naming_the_limit(api, zoning, tolerance):
    response = api.get("/api/layers/zoning/features.geojson", {"tolerance": tolerance})

    assert response.status_code == 400
    assert response.json() == {
        "tolerance": ["tolerance must be a number of degrees from 0 to 0.01."]
    }


def test_the_features_parameters_are_in_the_schema(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/layers/{slug}/features.geojson"]["get"]
    documented = {p["name"]: p["schema"]["type"] for p in operation["parameters"]}
    assert documented == {"slug": "string", "bbox": "string", "tolerance": "number"}

"""Hostile input found by the fuzzing sweep: coordinates beyond the globe, OPTIONS on views
without a serializer, and non-GET requests to the read-only OGC API."""

import json

import pytest
import shapely
from django.test import Client

from layers.geometry import OUTSIDE_WORLD
from layers.models import LayerState
from layers.services import layer_import

from .files import at, frame, square, write_gpkg

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English, the source language (the site default is German)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def _geojson(tmp_path, *coordinates) -> str:
    features = [
        {
            "type": "Feature",
            "properties": {"name": f"f{i}"},
            "geometry": {"type": "Point", "coordinates": list(xy)},
        }
        for i, xy in enumerate(coordinates, start=1)
    ]
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


@pytest.mark.parametrize("far", [(1e308, 1e308), (12.37, 91.0), (-181.0, 51.3)])
def test_lonlat_point_beyond_the_globe_is_refused_with_the_reason(tmp_path, far):
    path = _geojson(tmp_path, (12.37, 51.34), far)

    layer = layer_import(path=path, name="Points", kind="other", name_field="name")

    assert layer.state == LayerState.DONE
    assert list(layer.features.values_list("name", flat=True)) == ["f1"]
    assert layer.report["refusals"] == [{"feature": 2, "reason": OUTSIDE_WORLD}]


def test_layer_with_only_points_beyond_the_globe_fails_and_stores_nothing(tmp_path):
    path = _geojson(tmp_path, (1e308, 1e308))

    with pytest.raises(Exception, match="No feature could be imported"):
        layer_import(path=path, name="Far", kind="other", name_field="name")


def test_utm_file_with_absurd_coordinates_refuses_them_and_keeps_the_rest(tmp_path):
    gdf = frame(
        [
            {"name": "ok", "geometry": shapely.Point(at(10, 10))},
            {"name": "absurd", "geometry": shapely.Point(1e300, 1e300)},
        ]
    )
    path = write_gpkg(tmp_path / "absurd.gpkg", {"points": gdf})

    layer = layer_import(path=path, name="Absurd", kind="other", name_field="name")

    assert layer.state == LayerState.DONE
    assert list(layer.features.values_list("name", flat=True)) == ["ok"]
    assert layer.report["refused"] == 1


def test_options_on_the_zoning_rules_answers_json_not_500(planner_api, tmp_path):
    gdf = frame([{"zone": "WA", "geometry": square(0, 0, 100)}])
    path = write_gpkg(tmp_path / "z.gpkg", {"zones": gdf})
    layer = layer_import(path=path, name="Zoning", kind="zoning", zone_field="zone")

    response = planner_api.options(f"/api/layers/{layer.slug}/rules/")

    assert response.status_code == 200
    assert response.json()["name"]


def test_post_to_the_read_only_ogc_api_answers_json_405_even_without_csrf_token(resident):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)

    response = client.post("/ogc/collections/proposals/items", {"x": "1"})

    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response["Allow"] == "GET, HEAD"
    assert "read-only" in response.json()["description"]


def test_unreadable_file_is_named_by_its_own_name_not_the_server_path(planner_api):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("district.geojson", b"{}")
    response = planner_api.post(
        "/api/layers/", {"file": upload, "name": "D", "kind": "other"}, format="multipart"
    )

    assert response.status_code == 400
    message = response.json()["detail"][0]
    assert "GDAL cannot read the file: “district.geojson” not recognized" in message
    assert "layer-upload-" not in message  # the private temporary folder


def test_feature_collection_without_features_is_refused_at_upload(planner_api):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from layers.models import Layer

    upload = SimpleUploadedFile("none.geojson", b'{"type":"FeatureCollection","features":[]}')
    response = planner_api.post(
        "/api/layers/", {"file": upload, "name": "None", "kind": "other"}, format="multipart"
    )

    assert response.status_code == 400
    assert "has no features" in response.json()["detail"][0]
    assert not Layer.objects.exists()


def test_only_null_geometries_fail_the_import_with_the_reason_per_feature(tmp_path):
    path = tmp_path / "nulls.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":['
        '{"type":"Feature","properties":{"name":"a"},"geometry":null}]}'
    )
    from layers.models import Layer

    with pytest.raises(Exception, match="No feature could be imported"):
        layer_import(path=path, name="Nulls", kind="other", name_field="name")

    layer = Layer.objects.get(name="Nulls")
    assert layer.state == LayerState.FAILED
    assert layer.report["refusals"] == [
        {"feature": 1, "reason": "no geometry (empty or unreadable)"}
    ]
    assert not layer.features.exists()

"""The planner page's upload (POST /api/basemap/imports/): a planner imports a real extract
inside the request; a resident is refused before the body is read; a file that is not an
OpenStreetMap extract answers 400 with the reason and changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.parsers import MultiPartParser

from basemap.models import BasemapFeature, BasemapVersion, Place
from basemap.osm import OSM_ATTRIBUTION
from tests.basemap.conftest import EXTRACT, KIRCHBERG, import_kirchberg
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
URL = "/api/basemap/imports/"


@pytest.fixture(autouse=True)
def english_answers(settings):
    settings.LANGUAGE_CODE = "en"  # the API answers in the request's language, else this


@pytest.fixture
def planner_api(planner):
    return client_for(planner)


def upload(client, name: str, content: bytes):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)}, format="multipart")


def test_a_planner_imports_the_real_extract(planner_api, settings):
    settings.CITY_BBOX = KIRCHBERG

    response = upload(planner_api, "kirchberg_iller.osm", EXTRACT.read_bytes())

    assert response.status_code == 201, response.json()
    body = response.json()
    version = BasemapVersion.objects.get()
    assert body["id"] == version.pk
    assert body["source"] == "kirchberg_iller.osm"
    assert body["attribution"] == OSM_ATTRIBUTION
    assert body["features"] == BasemapFeature.objects.count() == 46
    assert body["places"] == Place.objects.count() == 19
    assert Place.objects.filter(name="Haydnstraße 5").exists()

    listed = planner_api.get(URL).json()
    assert [v["id"] for v in listed] == [version.pk]


def test_a_residents_upload_is_refused_before_its_body_is_read(resident_api, settings, monkeypatch):
    settings.CITY_BBOX = KIRCHBERG
    settings.BASEMAP_UPLOAD_MAX_BYTES = 1000  # refused for who, not for size
    read = []
    monkeypatch.setattr(MultiPartParser, "parse", lambda *a, **k: read.append(a) or {})

    response = upload(resident_api, "kirchberg_iller.osm", EXTRACT.read_bytes())

    assert response.status_code == 403
    assert response.json() == {"detail": "Only planners may import the base map."}
    assert read == []
    assert not BasemapVersion.objects.exists()


def test_an_anonymous_upload_is_refused(api):
    response = upload(api, "kirchberg_iller.osm", EXTRACT.read_bytes())

    assert response.status_code in (401, 403)
    assert not BasemapVersion.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("zones.geojson", b'{"type": "FeatureCollection", "features": []}', "give a .osm.pbf"),
        ("city.osm", b'{"type": "FeatureCollection"}', "its content does not match"),
        ("city.osm.pbf", b"<?xml version='1.0'?><osm></osm>", "its content does not match"),
        ("city.osm", b"<?xml version='1.0'?><osm version='0.6'><node id=", "could not be read"),
    ],
)
def test_what_is_not_an_extract_is_refused_and_changes_nothing(
    planner_api, settings, name, content, reason
):
    before = import_kirchberg(settings)
    features = BasemapFeature.objects.count()

    response = upload(planner_api, name, content)

    assert response.status_code == 400
    assert reason in str(response.json())
    assert list(BasemapVersion.objects.all()) == [before]
    assert BasemapFeature.objects.count() == features


def test_an_extract_of_another_place_is_refused(planner_api):
    # CITY_BBOX is the demo city's: the Kirchberg extract lies outside it.
    response = upload(planner_api, "kirchberg_iller.osm", EXTRACT.read_bytes())

    assert response.status_code == 400
    assert "Is it the extract of another place?" in response.json()["detail"][0]
    assert not BasemapVersion.objects.exists()


def test_a_file_over_the_limit_is_refused(planner_api, settings):
    settings.CITY_BBOX = KIRCHBERG
    settings.BASEMAP_UPLOAD_MAX_BYTES = 1000

    response = upload(planner_api, "kirchberg_iller.osm", EXTRACT.read_bytes())

    assert response.status_code == 400
    assert "up to 0.0 MB" in str(response.json())
    assert not BasemapVersion.objects.exists()


def test_the_refusal_is_in_the_planners_language(planner_api):
    response = planner_api.post(
        URL,
        {"file": SimpleUploadedFile("zones.geojson", b"{}")},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="de",
    )

    assert response.status_code == 400
    assert "ist kein OpenStreetMap-Auszug" in str(response.json())

"""The issue's bad-input list: each answers 400 (413 for an oversized body) with a message
naming the problem, and leaves the database exactly as it was."""

import json

import pytest
from django.urls import reverse

from tests.factories import ProposalFactory

from .conftest import SQUARE, database_state, feature

pytestmark = pytest.mark.django_db
URL = reverse("api:proposal-list")
BOWTIE = [[12.37, 51.34], [12.38, 51.35], [12.38, 51.34], [12.37, 51.35], [12.37, 51.34]]


@pytest.fixture
def existing(resident):
    """Some data that must survive every bad request untouched."""
    return ProposalFactory(author=resident, title="Existing pin")


def post_raw(client, body: bytes | str, content_type="application/json"):
    return client.post(URL, body, content_type=content_type)


def assert_refused(response, status, *fragments, before):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    text = json.dumps(response.json())
    for fragment in fragments:
        assert fragment in text, text
    assert database_state() == before


def geometry_case(geometry):
    return json.dumps(feature(geometry=geometry))


GEOMETRY_CASES = {
    "wrong type": (
        {"type": "Circle", "coordinates": [12.375, 51.345]},
        'Geometry type \\"Circle\\" is not accepted',
    ),
    "empty": ({"type": "Polygon", "coordinates": []}, "The geometry is empty"),
    "geometry collection": (
        {"type": "GeometryCollection", "geometries": []},
        "GeometryCollection is not accepted",
    ),
    "self-intersecting polygon": (
        {"type": "Polygon", "coordinates": [BOWTIE]},
        "self-intersection near longitude 12.375, latitude 51.345",
    ),
    "unclosed ring": (
        {"type": "Polygon", "coordinates": [SQUARE[:-1] + [[12.371, 51.34]]]},
        "outer ring of the polygon is not closed",
    ),
    "outside the city": (
        {"type": "Point", "coordinates": [13.40, 52.52]},
        "outside the city",
    ),
    "lat/lon swapped": (
        {"type": "Point", "coordinates": [51.345, 12.375]},
        "Did you swap latitude and longitude?",
    ),
    "crs other than WGS 84": (
        {
            "type": "Point",
            "coordinates": [12.375, 51.345],
            "crs": {"type": "name", "properties": {"name": "EPSG:25833"}},
        },
        "The coordinate reference system",
    ),
    "string coordinate": (
        {"type": "Point", "coordinates": ["12.375", 51.345]},
        "Coordinates must be numbers",
    ),
}


@pytest.mark.parametrize("case", GEOMETRY_CASES, ids=list(GEOMETRY_CASES))
def test_bad_geometry_is_refused(resident_api, existing, case):
    geometry, fragment = GEOMETRY_CASES[case]
    before = database_state()
    response = post_raw(resident_api, geometry_case(geometry))
    assert_refused(response, 400, '"geometry"', fragment, before=before)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_literals_are_refused(resident_api, existing, literal):
    before = database_state()
    body = geometry_case({"type": "Point", "coordinates": [0, 51.345]}).replace(
        "[0, 51.345]", f"[{literal}, 51.345]"
    )
    assert literal in body
    response = post_raw(resident_api, body)
    assert_refused(response, 400, literal, before=before)


def test_1e999_overflowing_to_infinity_is_refused(resident_api, existing):
    before = database_state()
    body = geometry_case({"type": "Point", "coordinates": [0, 51.345]}).replace(
        "[0, 51.345]", "[1e999, 51.345]"
    )
    response = post_raw(resident_api, body)
    assert_refused(response, 400, "finite numbers", before=before)


def test_more_than_10000_vertices_is_refused(resident_api, existing, settings):
    settings.GEOMETRY_MAX_VERTICES = 10_000
    line = [[round(12.3 + i * 1e-5, 6), 51.3] for i in range(10_001)]
    before = database_state()
    response = post_raw(resident_api, geometry_case({"type": "LineString", "coordinates": line}))
    assert_refused(response, 400, "more than 10,000 vertices", before=before)


def test_missing_geometry_is_refused(resident_api, existing):
    body = feature()
    del body["geometry"]
    before = database_state()
    response = resident_api.post(URL, body, format="json")
    assert_refused(response, 400, "A geometry is required", before=before)


def test_body_that_is_not_json_is_refused(resident_api, existing):
    before = database_state()
    response = post_raw(resident_api, b'{"type": "Feature", geometry: ')
    assert_refused(response, 400, "JSON parse error", before=before)


def test_body_that_is_not_a_feature_is_refused(resident_api, existing):
    before = database_state()
    response = post_raw(resident_api, json.dumps({"type": "Point", "coordinates": [12.3, 51.3]}))
    assert_refused(response, 400, "must be a GeoJSON Feature", before=before)


def test_json_array_body_is_refused(resident_api, existing):
    before = database_state()
    response = post_raw(resident_api, "[1, 2, 3]")
    assert_refused(response, 400, "Expected a dictionary", before=before)


def test_oversized_body_answers_413_json(resident_api, existing, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    line = [[12.3 + i * 1e-6, 51.3] for i in range(2_000)]
    body = geometry_case({"type": "LineString", "coordinates": line})
    assert len(body) > 10_000
    before = database_state()
    response = post_raw(resident_api, body)
    assert_refused(response, 413, "too large", before=before)


def test_wrong_content_type_answers_415(resident_api, existing):
    before = database_state()
    response = post_raw(resident_api, "title=x", content_type="text/plain")
    assert_refused(response, 415, "Unsupported media type", before=before)


@pytest.mark.parametrize(
    "properties,field,fragment",
    [
        ({"title": ""}, "title", "The title may not be empty"),
        ({"title": "   "}, "title", "The title may not be empty"),
        ({"title": "x" * 201}, "title", "no more than 200 characters"),
        ({"kind": "wish"}, "kind", '\\"wish\\" is not a known kind; use one of proposal, conflict'),
        ({"category": "castles"}, "category", "is not a known category"),
    ],
)
def test_bad_properties_are_refused(resident_api, existing, properties, field, fragment):
    before = database_state()
    response = resident_api.post(URL, feature(**properties), format="json")
    assert_refused(response, 400, f'"{field}"', fragment, before=before)


def test_missing_kind_is_refused(resident_api, existing):
    body = feature()
    del body["properties"]["kind"]
    before = database_state()
    response = resident_api.post(URL, body, format="json")
    assert_refused(response, 400, "Choose a kind", before=before)


def test_properties_that_are_not_an_object_are_refused(resident_api, existing):
    body = feature()
    body["properties"] = "housing"
    before = database_state()
    response = resident_api.post(URL, body, format="json")
    assert_refused(response, 400, '"properties"', before=before)


def test_bad_geometry_in_an_edit_leaves_the_pin_unchanged(resident_api, existing):
    before = database_state()
    response = resident_api.patch(
        reverse("api:proposal-detail", args=[existing.pk]),
        {"geometry": {"type": "Polygon", "coordinates": [BOWTIE]}},
        format="json",
    )
    assert_refused(response, 400, "self-intersection", before=before)


def test_empty_title_in_an_edit_leaves_the_pin_unchanged(resident_api, existing):
    before = database_state()
    response = resident_api.patch(
        reverse("api:proposal-detail", args=[existing.pk]),
        {"properties": {"title": ""}},
        format="json",
    )
    assert_refused(response, 400, "The title may not be empty", before=before)


def test_bad_filter_answers_400_naming_the_parameter(api, existing):
    response = api.get(URL, {"bbox": "12.3,51.3", "kind": "wish"})
    assert response.status_code == 400
    assert set(response.json()) == {"bbox", "kind"}
    assert "bbox needs 4 numbers" in response.json()["bbox"][0]


def test_hide_without_reason_is_refused(api, moderator, existing):
    api.force_authenticate(moderator)
    before = database_state()
    response = api.post(reverse("api:proposal-hide", args=[existing.pk]), {}, format="json")
    assert_refused(response, 400, "Say why the proposal is hidden", before=before)


def test_empty_comment_is_refused(resident_api, existing):
    before = database_state()
    response = resident_api.post(
        reverse("api:proposal-comments", args=[existing.pk]), {"body": ""}, format="json"
    )
    assert_refused(response, 400, "The comment may not be empty", before=before)


def test_json_nested_too_deeply_is_refused(resident_api, existing):
    before = database_state()
    response = post_raw(resident_api, "[" * 200_000 + "]" * 200_000)
    assert_refused(response, 400, "nested too deeply", before=before)

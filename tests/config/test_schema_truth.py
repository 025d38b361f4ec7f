"""The OpenAPI schema documents what the API answers (issue 16): nullable fields, content
types per format, every error status with one error shape, request constraints as strict
as the validation, and no server error where a refusal is due."""

import pytest
from django.urls import reverse

from negotiations.models import Option, Position
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.negotiations.factories import round_create

pytestmark = pytest.mark.django_db

WRITE_METHODS = {"post", "put", "patch", "delete"}


@pytest.fixture
def openapi(api):
    response = api.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return response.json()


def _component(openapi, name):
    return openapi["components"]["schemas"][name]


def _operations(openapi):
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield path, method, operation


def test_null_answers_are_documented_as_nullable(openapi):
    assert _component(openapi, "Round")["properties"]["next_round"]["nullable"] is True
    assert _component(openapi, "RoundListItem")["properties"]["next_round"]["nullable"] is True
    assert _component(openapi, "Option")["properties"]["geometry"]["nullable"] is True
    assert _component(openapi, "HistoryEntry")["properties"]["actor_name"]["nullable"] is True


def test_round_and_option_without_successor_or_geometry_answer_null(mediator):
    negotiation_round = round_create(mediator=mediator, title="Market square")
    api = client_for(mediator)
    body = api.get(reverse("api:round-detail", args=[negotiation_round.pk])).json()
    assert body["next_round"] is None
    created = api.post(
        reverse("api:round-options", args=[negotiation_round.pk]),
        {"title": "Keep the trees"},
        format="json",
    )
    assert created.status_code == 201
    assert created.json()["geometry"] is None


def test_exports_document_the_content_type_of_each_format(openapi):
    for path in ("/api/export/proposals.{fmt}", "/api/export/clusters.{fmt}"):
        content = openapi["paths"][path]["get"]["responses"]["200"]["content"]
        assert set(content) == {
            "application/geopackage+sqlite3",
            "application/geo+json",
            "text/csv",
        }


def test_csv_export_answers_the_documented_content_type(api):
    response = api.get("/api/export/proposals.csv")
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == "text/csv"


def test_every_operation_documents_its_errors_with_one_shape(openapi):
    assert _component(openapi, "Error")["required"] == ["detail"]
    assert "additionalProperties" in _component(openapi, "ValidationError")
    for path, method, operation in _operations(openapi):
        responses = operation["responses"]
        expected = {"400"}
        if "{" in path:
            expected.add("404")
        if method in WRITE_METHODS:
            expected.add("403")
        if "requestBody" in operation:
            expected |= {"413", "415"}
        assert expected <= set(responses), (method, path, set(responses))
        assert "Retry-After" in responses["503"]["headers"], (method, path)  # overload
        for code, response in responses.items():
            if code.startswith("4"):
                shape = response["content"]["application/json"]["schema"]["$ref"]
                name = "ValidationError" if code == "400" else "Error"
                assert shape == f"#/components/schemas/{name}", (method, path, code)


def test_if_match_operations_document_412_and_428(openapi):
    responses = openapi["paths"]["/api/rounds/{id}/"]["patch"]["responses"]
    assert {"412", "428"} <= set(responses)


def test_permission_checked_reads_document_403(openapi):
    for path in ("/api/rounds/{id}/participants/", "/api/rounds/{id}/consent/"):
        assert "403" in openapi["paths"][path]["get"]["responses"]


def test_round_requests_document_their_validation(openapi):
    assert _component(openapi, "RoundOpenRequest")["properties"]["cluster"]["minimum"] == 1
    invite = _component(openapi, "InviteRequest")["properties"]
    assert invite["user"]["minimum"] == 1
    assert invite["username"]["maxLength"] == 150


@pytest.mark.parametrize("body", [{"cluster": 0}, {"cluster": -3}])
def test_round_open_refuses_what_the_schema_refuses(mediator, body):
    response = client_for(mediator).post(reverse("api:round-list"), body, format="json")
    assert response.status_code == 400
    assert "cluster" in response.json()


def test_enums_and_components_have_names(openapi):
    names = set(openapi["components"]["schemas"])
    assert {"ProposalKindEnum", "LayerKindEnum", "RoundStateEnum", "LayerStateEnum"} <= names
    assert {"ProposalOverlay"} <= names
    assert "" not in names


def test_position_of_a_superuser_who_is_no_participant_is_403_not_500(mediator):
    negotiation_round = round_create(mediator=mediator, title="Market square")
    option = Option.objects.create(round=negotiation_round, title="Trees", created_by=mediator)
    admin = UserFactory(is_superuser=True, is_staff=True)
    response = client_for(admin).put(
        reverse("api:round-option-position", args=[negotiation_round.pk, option.pk]),
        {"stance": "support"},
        format="json",
    )
    assert response.status_code == 403
    assert not Position.objects.exists()

import jsonschema
import pytest
from django.urls import reverse

from accounts import roles
from negotiations import selectors, services
from negotiations.models import Option, Role, Round, State
from tests.conftest import client_for
from tests.factories import UserFactory

from .factories import cluster_create, round_create


@pytest.fixture
def round_(mediator):
    return round_create(mediator=mediator, title="Market square")


@pytest.fixture
def mediator_api(mediator):
    return client_for(mediator)


@pytest.fixture
def author_api(round_):
    return client_for(round_.participants.filter(role=Role.AUTHOR).first().user)


def _url(name, *args):
    return reverse(f"api:{name}", args=args)


def _resolutions(negotiation_round):
    return [
        {"proposal": pk, "result": "rejected"}
        for pk in selectors.round_claim_ids(negotiation_round)
    ]


def test_mediator_opens_a_round_on_a_cluster(mediator_api):
    cluster = cluster_create()
    response = mediator_api.post(_url("round-list"), {"cluster": cluster.pk}, format="json")
    assert response.status_code == 201, response.data
    assert response["ETag"] == f'"round-{response.data["id"]}-v2"'
    assert response.data["state"] == "open" and len(response.data["claims"]) == 2


def test_opening_an_unknown_cluster_is_a_400(mediator_api):
    response = mediator_api.post(_url("round-list"), {"cluster": 999999}, format="json")
    assert response.status_code == 400 and "cluster" in response.data
    assert not Round.objects.exists()


def test_resident_cannot_open_a_round(resident_api):
    cluster = cluster_create()
    response = resident_api.post(_url("round-list"), {"cluster": cluster.pk}, format="json")
    assert response.status_code == 403
    assert not Round.objects.exists()


def test_get_round_returns_an_etag(mediator_api, round_):
    response = mediator_api.get(_url("round-detail", round_.pk))
    assert response.status_code == 200
    assert response["ETag"] == f'"round-{round_.pk}-v{round_.version}"'


def test_write_without_if_match_is_428(mediator_api, round_):
    response = mediator_api.patch(_url("round-detail", round_.pk), {"title": "New"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.data["detail"]
    round_.refresh_from_db()
    assert round_.title == "Market square"


def test_two_mediators_editing_a_round_the_second_gets_412(mediator_api, round_):
    other_api = client_for(UserFactory(roles=[roles.MEDIATOR]))
    url = _url("round-detail", round_.pk)
    etag_a = mediator_api.get(url)["ETag"]
    etag_b = other_api.get(url)["ETag"]
    first = mediator_api.patch(url, {"title": "A's title"}, format="json", HTTP_IF_MATCH=etag_a)
    assert first.status_code == 200
    second = other_api.patch(
        url, {"title": "B's title"}, format="json", HTTP_IF_MATCH=etag_b, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert second.status_code == 412
    assert "changed" in second.data["detail"]
    assert second["ETag"] == first["ETag"]
    round_.refresh_from_db()
    assert round_.title == "A's title"
    # B reloads, sees A's change and applies theirs on top: nothing was lost silently.
    fresh = other_api.get(url)
    retry = other_api.patch(url, {"title": "B's title"}, format="json", HTTP_IF_MATCH=fresh["ETag"])
    assert retry.status_code == 200 and retry.data["title"] == "B's title"


def test_two_editors_of_one_option_the_stale_one_gets_412(mediator_api, author_api, round_):
    created = author_api.post(
        _url("round-options", round_.pk), {"title": "Trees and benches"}, format="json"
    )
    assert created.status_code == 201
    url = _url("round-option-detail", round_.pk, created.data["id"])
    stale = created["ETag"]
    ok = mediator_api.patch(url, {"description": "Mediator"}, format="json", HTTP_IF_MATCH=stale)
    assert ok.status_code == 200 and ok.data["version"] == 2
    late = author_api.patch(url, {"description": "Author"}, format="json", HTTP_IF_MATCH=stale)
    assert late.status_code == 412
    assert Option.objects.get().description == "Mediator"
    missing = author_api.patch(url, {"description": "Author"}, format="json")
    assert missing.status_code == 428


def test_if_match_star_is_not_accepted(mediator_api, round_):
    url = _url("round-detail", round_.pk)
    response = mediator_api.patch(url, {"title": "x"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 428


def test_participant_cannot_revise_the_round_even_with_an_etag(author_api, round_):
    url = _url("round-detail", round_.pk)
    etag = author_api.get(url)["ETag"]
    response = author_api.patch(url, {"title": "Mine"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 403


def test_invalid_option_geometry_is_a_400_with_a_message(author_api, round_):
    response = author_api.post(
        _url("round-options", round_.pk),
        {"title": "Far away", "geometry": {"type": "Point", "coordinates": [0, 0]}},
        format="json",
    )
    assert response.status_code == 400
    assert "geometry" in response.data
    assert not Option.objects.exists()


def test_hostile_geometry_value_is_a_400(author_api, round_):
    response = author_api.post(
        _url("round-options", round_.pk), {"title": "x", "geometry": "DROP TABLE"}, format="json"
    )
    assert response.status_code == 400 and not Option.objects.exists()


def test_participant_puts_a_position_and_objection_needs_reason(author_api, mediator, round_):
    option = services.option_add(negotiation_round=round_, user=mediator, title="Park")
    url = _url("round-option-position", round_.pk, option.pk)
    refused = author_api.put(url, {"stance": "object"}, format="json")
    assert refused.status_code == 400 and "reason" in refused.data
    ok = author_api.put(url, {"stance": "object", "reason": "Too loud"}, format="json")
    assert ok.status_code == 200 and ok.data["stance"] == "object"
    assert author_api.get(url).data["reason"] == "Too loud"


def test_outsider_cannot_see_an_open_round(resident_api, api, round_):
    assert resident_api.get(_url("round-detail", round_.pk)).status_code == 404
    assert api.get(_url("round-detail", round_.pk)).status_code == 404
    assert resident_api.get(_url("round-list")).data == []


def test_consent_matrix_is_for_mediators(mediator_api, author_api, mediator, round_):
    option = services.option_add(negotiation_round=round_, user=mediator, title="Park")
    author_api.put(
        _url("round-option-position", round_.pk, option.pk),
        {"stance": "object", "reason": "No shade"},
        format="json",
    )
    assert author_api.get(_url("round-consent", round_.pk)).status_code == 403
    matrix = mediator_api.get(_url("round-consent", round_.pk)).data
    assert matrix["objections"][0]["reason"] == "No shade"
    assert matrix["options"][0]["counts"]["object"] == 1


def test_close_needs_every_resolution_and_leaves_the_round_open_otherwise(mediator_api, round_):
    url = _url("round-close", round_.pk)
    etag = mediator_api.get(_url("round-detail", round_.pk))["ETag"]
    body = {"summary": "Done", "resolutions": _resolutions(round_)[:1]}
    response = mediator_api.post(url, body, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400 and "resolutions" in response.data
    round_.refresh_from_db()
    assert round_.state == State.OPEN


def test_closed_round_outcome_is_public(mediator_api, api, round_):
    etag = mediator_api.get(_url("round-detail", round_.pk))["ETag"]
    body = {"summary": "Both go to the council", "resolutions": _resolutions(round_)}
    closed = mediator_api.post(
        _url("round-close", round_.pk), body, format="json", HTTP_IF_MATCH=etag
    )
    assert closed.status_code == 200, closed.data
    outcome = api.get(_url("round-outcome", round_.pk))
    assert outcome.status_code == 200 and outcome.data["summary"] == "Both go to the council"
    proposal_id = selectors.round_claim_ids(round_)[0]
    status = api.get(_url("proposal-negotiation", proposal_id)).data
    assert status["state"] == "decided" and status["result"] == "rejected"
    assert api.get(_url("round-history", round_.pk)).status_code == 200


def test_next_round_via_api(mediator_api, mediator, round_):
    services.option_add(negotiation_round=round_, user=mediator, title="Park")
    etag = mediator_api.get(_url("round-detail", round_.pk))["ETag"]
    response = mediator_api.post(
        _url("round-next", round_.pk), {}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 201
    assert response.data["number"] == 2 and response.data["previous"] == round_.pk
    stale = mediator_api.post(_url("round-next", round_.pk), {}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code in (403, 412)


def test_mediator_invites_by_username(mediator_api, planner, round_):
    response = mediator_api.post(
        _url("round-participants", round_.pk), {"username": planner.username}, format="json"
    )
    assert response.status_code == 201 and response.data["role"] == "invited"
    unknown = mediator_api.post(
        _url("round-participants", round_.pk), {"username": "nobody"}, format="json"
    )
    assert unknown.status_code == 400


def test_proposal_never_negotiated_says_none(api, db):
    from tests.factories import ProposalFactory

    response = api.get(_url("proposal-negotiation", ProposalFactory().pk))
    assert response.data["state"] == "none"


def test_schema_lists_the_negotiation_endpoints(api):
    response = api.get(_url("schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/rounds/",
        "/api/rounds/{id}/close/",
        "/api/rounds/{id}/consent/",
        "/api/rounds/{id}/options/{option_pk}/position/",
        "/api/proposals/{id}/negotiation/",
    ):
        assert path in paths, path


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"summary": "x"},
        {"summary": "x", "resolutions": "all adopted"},
        {"summary": "x", "resolutions": [{"proposal": "one", "result": "adopted"}]},
        {"summary": "x", "resolutions": [{"proposal": 1, "result": "maybe"}]},
        {"summary": "x", "chosen_option": "best", "resolutions": []},
        {"summary": "", "resolutions": []},
    ],
)
def test_malformed_close_bodies_are_400_and_change_nothing(mediator_api, round_, body):
    etag = mediator_api.get(_url("round-detail", round_.pk))["ETag"]
    response = mediator_api.post(
        _url("round-close", round_.pk), body, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 400
    round_.refresh_from_db()
    assert round_.state == State.OPEN and round_.history.count() == 2


def test_chosen_option_from_another_round_is_refused(mediator_api, mediator, round_):
    elsewhere = round_create(mediator=mediator)
    option = services.option_add(negotiation_round=elsewhere, user=mediator, title="Elsewhere")
    etag = mediator_api.get(_url("round-detail", round_.pk))["ETag"]
    body = {"summary": "x", "chosen_option": option.pk, "resolutions": _resolutions(round_)}
    response = mediator_api.post(
        _url("round-close", round_.pk), body, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 400 and "chosen_option" in response.data


@pytest.mark.parametrize(
    "query", [{"cluster": "abc"}, {"state": "finished"}], ids=["cluster", "state"]
)
def test_bad_round_filters_are_400(mediator_api, query):
    response = mediator_api.get(_url("round-list"), query)
    assert response.status_code == 400 and set(query) <= set(response.data)


def test_unknown_stance_and_overlong_reason_are_400(author_api, mediator, round_):
    option = services.option_add(negotiation_round=round_, user=mediator, title="Park")
    url = _url("round-option-position", round_.pk, option.pk)
    assert author_api.put(url, {"stance": "maybe"}, format="json").status_code == 400
    long = {"stance": "object", "reason": "x" * 5001}
    assert author_api.put(url, long, format="json").status_code == 400
    assert not option.positions.exists()


def test_anonymous_cannot_write(api, round_):
    response = api.post(_url("round-options", round_.pk), {"title": "x"}, format="json")
    assert response.status_code in (401, 403)
    assert not Option.objects.exists()


def test_round_list_takes_a_fixed_number_of_queries(
    mediator_api, mediator, django_assert_max_num_queries
):
    for _ in range(5):
        round_create(mediator=mediator)
    with django_assert_max_num_queries(8):
        response = mediator_api.get(_url("round-list"))
    assert len(response.data) == 5


def _json_schema(node, components):
    """An OpenAPI 3.0 schema as plain JSON Schema: $refs inlined, `nullable` as a null type."""
    if isinstance(node, list):
        return [_json_schema(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _json_schema(components[node["$ref"].rsplit("/", 1)[-1]], components)
    converted = {k: _json_schema(v, components) for k, v in node.items() if k != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def test_consent_matrix_answers_as_its_schema_says(mediator_api, author_api, mediator, round_):
    option = services.option_add(negotiation_round=round_, user=mediator, title="Park")
    services.option_add(negotiation_round=round_, user=mediator, title="Square")
    author_api.put(
        _url("round-option-position", round_.pk, option.pk),
        {"stance": "object", "reason": "No shade"},
        format="json",
    )
    schema = mediator_api.get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/rounds/{id}/consent/"]["get"]
    documented = operation["responses"]["200"]["content"]["application/json"]["schema"]
    body = mediator_api.get(_url("round-consent", round_.pk)).json()

    jsonschema.validate(body, _json_schema(documented, schema["components"]["schemas"]))
    assert None in body["rows"][0]["cells"]  # the option without a position yet

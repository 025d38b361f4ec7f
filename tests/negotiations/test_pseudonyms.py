"""A person who chose anonymity appears in no public output by id, username, name or e-mail:
the review searched every output of a round for them, and so does this test."""

import json

import pytest
from django.test import Client
from django.utils import translation

from negotiations import selectors, services
from negotiations.models import Role
from proposals.services import comment_create, support_add
from tests.factories import ProposalFactory, UserFactory

from .factories import cluster_create, square

# Keys under which an output would name a person by user id.
USER_KEYS = {"user", "user_id", "author", "author_id", "actor", "participants", "created_by"}


def _anonymous(n):
    return UserFactory(
        username=f"hidden{n}", first_name=f"Verborgen{n}", last_name=f"Geheim{n}",
        show_name_publicly=False,
    )  # fmt: skip


@pytest.fixture
def closed_round(mediator):
    """A closed round in which anonymous people authored claims, wrote an option, objected,
    were invited, commented and supported."""
    anonymous = [_anonymous(n) for n in range(3)]
    named = UserFactory(first_name="Nora", last_name="Named")
    proposals = [
        ProposalFactory(geom=square(), author=anonymous[0]),
        ProposalFactory(geom=square(0.0005), author=anonymous[1]),
        ProposalFactory(geom=square(0.0007), author=named),
    ]
    comment_create(proposal=proposals[2], author=anonymous[0], body="Too loud.")
    support_add(proposal=proposals[2], user=anonymous[1])
    negotiation_round = services.round_open(cluster=cluster_create(proposals), mediator=mediator)
    services.participant_invite(
        negotiation_round=negotiation_round, mediator=mediator, user=anonymous[2]
    )
    option = services.option_add(
        negotiation_round=negotiation_round, user=anonymous[0], title="A park on the corner"
    )
    services.position_set(option=option, user=anonymous[1], stance="object", reason="No.")
    services.round_close(
        negotiation_round=negotiation_round,
        mediator=mediator,
        summary="Done.",
        chosen_option=option,
        resolutions=[
            {"proposal": pk, "result": "rejected"}
            for pk in selectors.round_claim_ids(negotiation_round)
        ],
    )
    return negotiation_round, anonymous


def _outputs(negotiation_round, cluster_id):
    pk = negotiation_round.pk
    api = [
        "/api/rounds/", f"/api/rounds/{pk}/", f"/api/rounds/{pk}/participants/",
        f"/api/rounds/{pk}/options/", f"/api/rounds/{pk}/consent/",
        f"/api/rounds/{pk}/history/", f"/api/rounds/{pk}/outcome/",
        "/api/proposals/", "/api/export/proposals.geojson", "/api/export/clusters.geojson",
        "/ogc/collections/proposals/items", f"/api/clusters/{cluster_id}/",
    ]  # fmt: skip
    pages = [
        f"/rounds/{pk}/", f"/rounds/{pk}/report/", "/api/export/proposals.csv",
        f"/clusters/{cluster_id}/",
    ]  # fmt: skip
    for claim in selectors.round_claim_ids(negotiation_round):
        api += [f"/api/proposals/{claim}/", f"/api/proposals/{claim}/comments/"]
        pages.append(f"/proposals/{claim}/")
    return api, pages


def _user_ids_under_user_keys(data, found):
    if isinstance(data, dict):
        for key, value in data.items():
            if key in USER_KEYS:
                values = value if isinstance(value, list) else [value]
                found.update(v for v in values if isinstance(v, int))
            _user_ids_under_user_keys(value, found)
    elif isinstance(data, list):
        for item in data:
            _user_ids_under_user_keys(item, found)
    return found


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("as_mediator", [False, True])
def test_no_public_output_names_an_anonymous_person(closed_round, mediator, as_mediator):
    negotiation_round, anonymous = closed_round
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if as_mediator:
        client.force_login(mediator)
    api, pages = _outputs(negotiation_round, negotiation_round.cluster_id)
    secret_ids = {u.pk for u in anonymous}
    for url in api + pages:
        response = client.get(url)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        text = _body(response)
        for user in anonymous:
            for secret in (user.username, user.first_name, user.last_name, user.email):
                assert secret not in text, (url, secret)
        if url in api and response.status_code == 200:
            found = _user_ids_under_user_keys(json.loads(text), set())
            assert not found & secret_ids, (url, found & secret_ids)


def test_anonymous_participants_are_numbered_pseudonyms_stable_within_the_round(closed_round):
    negotiation_round, anonymous = closed_round
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    people = client.get(f"/api/rounds/{negotiation_round.pk}/participants/").json()
    by_role = [(p["name"], p["user"]) for p in people if p["role"] != Role.MEDIATOR]
    names = [name for name, user in by_role if user is None]
    assert len(names) == len(set(names)) == 3
    assert all(name.startswith("Resident ") for name in names)
    assert ("Nora Named", negotiation_round.round_claims.last().proposal.author_id) in by_role
    history = client.get(f"/api/rounds/{negotiation_round.pk}/history/").json()
    opened = next(e for e in history if e["action"] == "opened")
    assert set(opened["payload"]["participants"]) <= {n for n, _ in by_role}
    option = client.get(f"/api/rounds/{negotiation_round.pk}/options/").json()[0]
    author_name = selectors.round_names(negotiation_round.pk)[anonymous[0].pk]
    assert option["created_by_name"] == author_name
    assert author_name in client.get(f"/rounds/{negotiation_round.pk}/").content.decode()
    with translation.override("de"):
        assert selectors.pseudonym(3) == "Anwohner*in 3"

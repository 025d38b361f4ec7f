"""The one permission check: services refuse with the sentence saying who may, and the
API and pages answer it as a 403 that keeps the sentence."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from accounts.rules import DEFAULT_REFUSAL, REFUSALS, require
from layers.services import zoning_rules_set
from negotiations.models import Role, State
from tests.conftest import client_for
from tests.factories import ProposalFactory
from tests.negotiations.factories import cluster_create, round_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English, the source language (the site default is German)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def test_require_raises_the_registered_sentence(resident):
    with pytest.raises(PermissionDenied) as excinfo:
        require(resident, "negotiations.open_round")
    assert str(excinfo.value) == "Only mediators open rounds."


def test_an_unregistered_permission_is_refused_with_the_default():
    assert "proposals.add_proposal" not in REFUSALS
    with pytest.raises(PermissionDenied) as excinfo:
        require(AnonymousUser(), "proposals.add_proposal")
    assert str(excinfo.value) == str(DEFAULT_REFUSAL) == "You do not have permission to do this."


def test_none_is_the_platform_itself():
    require(None, "layers.delete_layer")  # no exception


def test_a_service_refuses_a_person_without_the_permission(resident):
    with pytest.raises(PermissionDenied, match="Only planners may do this."):
        zoning_rules_set(layer=None, matrix={}, user=resident)


def test_the_api_keeps_the_sentence_of_a_refusal_raised_in_a_service(resident):
    cluster = cluster_create()
    response = client_for(resident).post(
        reverse("api:round-list"), {"cluster": cluster.pk}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Only mediators open rounds."}


def test_the_proposals_api_refusal_is_unchanged(other_resident):
    proposal = ProposalFactory()
    response = client_for(other_resident).delete(reverse("api:proposal-detail", args=[proposal.pk]))
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the author can withdraw this proposal."}


def test_a_page_refuses_a_write_with_403(client, mediator):
    negotiation_round = round_create(mediator=mediator)
    client.force_login(negotiation_round.participants.filter(role=Role.AUTHOR).first().user)
    response = client.post(
        reverse("frontend:round-next", args=[negotiation_round.pk]),
        {"version": negotiation_round.version},
    )
    assert response.status_code == 403
    negotiation_round.refresh_from_db()
    assert negotiation_round.state == State.OPEN


@pytest.mark.parametrize(
    "query,body",
    [
        ({"cluster": "abc"}, {"cluster": ["Give a cluster id (a number)."]}),
        ({"state": "finished"}, {"state": [f"Choose one of {', '.join(State.values)}."]}),
    ],
)
def test_round_filters_answer_the_same_400_bodies(mediator, query, body):
    response = client_for(mediator).get(reverse("api:round-list"), query)
    assert (response.status_code, response.json()) == (400, body)


def test_inviting_nobody_is_a_400_for_the_field(mediator):
    negotiation_round = round_create(mediator=mediator)
    response = client_for(mediator).post(
        reverse("api:round-participants", args=[negotiation_round.pk]),
        {"username": "nobody-here"},
        format="json",
    )
    assert (response.status_code, response.json()) == (400, {"user": ["There is no such user."]})

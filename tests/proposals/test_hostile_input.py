"""Hostile requests found by the fuzzing sweep (schemathesis + hand-written), proposals side."""

import pytest

from tests.conftest import client_for
from tests.factories import ProposalFactory

from .conftest import database_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing():
    return ProposalFactory()


@pytest.mark.parametrize("who", ["anonymous", "resident", "moderator"])
def test_options_on_restore_describes_the_endpoint_instead_of_failing(
    api, resident, moderator, existing, who
):
    client = {"anonymous": api, "resident": client_for(resident)}.get(who) or client_for(moderator)
    before = database_state()

    response = client.options(f"/api/proposals/{existing.pk}/restore/")

    assert response.status_code == 200
    assert response.json()["name"]
    assert database_state() == before


@pytest.mark.parametrize("pk", ["9223372036854775808", "99999999999999999999"])
def test_id_beyond_bigint_answers_404_json_on_every_proposal_route(resident_api, existing, pk):
    before = database_state()
    for suffix in ["", "support/", "comments/", "hide/", "restore/", "overlay/", "negotiation/"]:
        for method in ("get", "post", "patch", "delete"):
            response = getattr(resident_api, method)(f"/api/proposals/{pk}/{suffix}", {})
            assert response.status_code in (403, 404, 405), (method, suffix, response.content)
            assert response["Content-Type"].startswith("application/json")
    assert database_state() == before

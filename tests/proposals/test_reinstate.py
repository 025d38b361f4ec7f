"""An author puts a pin they withdrew back on the map, unless a closed round decided on it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from negotiations import selectors, services
from proposals.models import Status
from proposals.services import proposal_hide, proposal_reinstate, proposal_withdraw
from tests.factories import ProposalFactory
from tests.negotiations.factories import cluster_create, square


def test_the_author_puts_a_withdrawn_pin_back(resident):
    pin = ProposalFactory(author=resident)
    proposal_withdraw(proposal=pin, user=resident)
    assert proposal_reinstate(proposal=pin, user=resident).status == Status.ACTIVE


def test_only_the_author_may(resident, other_resident, moderator):
    pin = ProposalFactory(author=resident)
    proposal_withdraw(proposal=pin, user=resident)
    for someone in (other_resident, moderator):
        with pytest.raises(PermissionDenied, match="Only the author"):
            proposal_reinstate(proposal=pin, user=someone)
    pin.refresh_from_db()
    assert pin.status == Status.WITHDRAWN


def test_active_and_hidden_pins_are_not_reinstated(resident, moderator):
    pin = ProposalFactory(author=resident)
    with pytest.raises(ValidationError, match="Only withdrawn"):
        proposal_reinstate(proposal=pin, user=resident)
    proposal_hide(proposal=pin, moderator=moderator, reason="Abuse.")
    with pytest.raises(ValidationError, match="Only withdrawn"):
        proposal_reinstate(proposal=pin, user=resident)


def test_a_pin_a_closed_round_decided_on_stays_withdrawn(resident, mediator):
    pins = [ProposalFactory(geom=square(), author=resident), ProposalFactory(geom=square(0.0005))]
    negotiation_round = services.round_open(cluster=cluster_create(pins), mediator=mediator)
    proposal_withdraw(proposal=pins[0], user=resident)
    services.round_close(
        negotiation_round=negotiation_round,
        mediator=mediator,
        summary="Settled.",
        resolutions=[
            {"proposal": pk, "result": "withdrawn"}
            for pk in selectors.round_claim_ids(negotiation_round)
        ],
    )
    with pytest.raises(ValidationError, match="closed negotiation round"):
        proposal_reinstate(proposal=pins[0], user=resident)
    pins[0].refresh_from_db()
    assert pins[0].status == Status.WITHDRAWN

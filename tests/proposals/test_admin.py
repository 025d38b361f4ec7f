import pytest
from django.urls import reverse

from proposals.models import Status
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_change_page_shows_a_leaflet_map(admin_client):
    proposal = ProposalFactory()
    response = admin_client.get(reverse("admin:proposals_proposal_change", args=[proposal.pk]))
    assert response.status_code == 200
    assert "leaflet" in response.content.decode().lower()


def test_moderator_hides_selected_pins_with_a_reason_in_the_admin(admin_client):
    proposals = ProposalFactory.create_batch(2)
    response = admin_client.post(
        reverse("admin:proposals_proposal_changelist"),
        {
            "action": "hide_selected",
            "_selected_action": [p.pk for p in proposals],
            "reason": "Advertising",
        },
        follow=True,
    )
    assert response.status_code == 200
    for proposal in proposals:
        proposal.refresh_from_db()
        assert (proposal.status, proposal.hidden_reason) == (Status.HIDDEN, "Advertising")


def test_admin_hide_without_reason_changes_nothing(admin_client):
    proposal = ProposalFactory()
    admin_client.post(
        reverse("admin:proposals_proposal_changelist"),
        {"action": "hide_selected", "_selected_action": [proposal.pk], "reason": ""},
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.ACTIVE


def test_admin_restores_hidden_pins(admin_client):
    proposal = ProposalFactory(status=Status.HIDDEN, hidden_reason="oops")
    admin_client.post(
        reverse("admin:proposals_proposal_changelist"),
        {"action": "restore_selected", "_selected_action": [proposal.pk], "reason": ""},
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.ACTIVE

"""Who may do what, through the API."""

import pytest
from django.urls import reverse

from proposals.models import Comment, Proposal, Status, Support
from tests.conftest import client_for
from tests.factories import ProposalFactory

from .conftest import database_state, feature

pytestmark = pytest.mark.django_db


def detail(proposal):
    return reverse("api:proposal-detail", args=[proposal.pk])


def test_anonymous_user_can_browse_the_map(api):
    ProposalFactory()
    response = api.get(reverse("api:proposal-list"))
    assert response.status_code == 200
    assert len(response.json()["features"]) == 1


def test_anonymous_user_cannot_pin(api):
    response = api.post(reverse("api:proposal-list"), feature(), format="json")
    assert response.status_code in (401, 403)
    assert Proposal.objects.count() == 0


def test_anonymous_user_cannot_support(api):
    proposal = ProposalFactory()
    response = api.post(reverse("api:proposal-support", args=[proposal.pk]))
    assert response.status_code in (401, 403)
    assert Support.objects.count() == 0


def test_anonymous_user_cannot_comment(api):
    proposal = ProposalFactory()
    url = reverse("api:proposal-comments", args=[proposal.pk])
    response = api.post(url, {"body": "hi"}, format="json")
    assert response.status_code in (401, 403)
    assert Comment.objects.count() == 0


def test_anonymous_user_cannot_edit_or_withdraw(api):
    proposal = ProposalFactory()
    before = database_state()
    assert api.patch(
        detail(proposal), {"properties": {"title": "x"}}, format="json"
    ).status_code in (
        401,
        403,
    )
    assert api.delete(detail(proposal)).status_code in (401, 403)
    assert database_state() == before


def test_author_can_edit_own_pin(resident, resident_api):
    proposal = ProposalFactory(author=resident)
    response = resident_api.patch(
        detail(proposal), {"properties": {"title": "Better"}}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["properties"]["title"] == "Better"


def test_author_can_withdraw_own_pin(resident, resident_api, api):
    proposal = ProposalFactory(author=resident)
    assert resident_api.delete(detail(proposal)).status_code == 204
    proposal.refresh_from_db()
    assert proposal.status == Status.WITHDRAWN
    assert api.get(reverse("api:proposal-list")).json()["features"] == []


def test_author_cannot_edit_a_withdrawn_pin(resident, resident_api):
    proposal = ProposalFactory(author=resident, status=Status.WITHDRAWN)
    response = resident_api.patch(detail(proposal), {"properties": {"title": "x"}}, format="json")
    assert response.status_code == 400
    assert "Only active proposals" in response.json()["detail"][0]


def test_resident_cannot_edit_someone_elses_pin(other_resident):
    proposal = ProposalFactory()
    before = database_state()
    response = client_for(other_resident).patch(
        detail(proposal), {"properties": {"title": "Mine now"}}, format="json"
    )
    assert response.status_code == 403
    assert "Only the author" in response.json()["detail"]
    assert database_state() == before


def test_resident_cannot_withdraw_someone_elses_pin(other_resident):
    proposal = ProposalFactory()
    before = database_state()
    assert client_for(other_resident).delete(detail(proposal)).status_code == 403
    assert database_state() == before


def test_moderator_cannot_edit_someone_elses_pin(moderator):
    proposal = ProposalFactory()
    response = client_for(moderator).patch(
        detail(proposal), {"properties": {"title": "x"}}, format="json"
    )
    assert response.status_code == 403


def test_moderator_can_hide_with_reason(moderator, api):
    proposal = ProposalFactory()
    response = client_for(moderator).post(
        reverse("api:proposal-hide", args=[proposal.pk]),
        {"reason": "Personal attack"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["properties"]["hidden_reason"] == "Personal attack"
    proposal.refresh_from_db()
    assert (proposal.status, proposal.hidden_reason) == (Status.HIDDEN, "Personal attack")


def test_resident_cannot_hide(resident_api):
    proposal = ProposalFactory()
    response = resident_api.post(
        reverse("api:proposal-hide", args=[proposal.pk]), {"reason": "I dislike it"}, format="json"
    )
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.ACTIVE


def test_moderator_can_restore_a_hidden_pin(moderator):
    proposal = ProposalFactory(status=Status.HIDDEN, hidden_reason="mistake")
    response = client_for(moderator).post(reverse("api:proposal-restore", args=[proposal.pk]))
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == Status.ACTIVE


def test_hidden_pin_not_listed(api):
    ProposalFactory(status=Status.HIDDEN, hidden_reason="spam")
    assert api.get(reverse("api:proposal-list")).json()["features"] == []


def test_hidden_pin_detail_is_not_found_for_others(api, other_resident):
    proposal = ProposalFactory(status=Status.HIDDEN, hidden_reason="spam")
    assert api.get(detail(proposal)).status_code == 404
    assert client_for(other_resident).get(detail(proposal)).status_code == 404


def test_author_sees_own_hidden_pin_but_not_the_moderators_reason(resident):
    proposal = ProposalFactory(author=resident, status=Status.HIDDEN, hidden_reason="spam")
    response = client_for(resident).get(detail(proposal))
    assert response.status_code == 200
    assert response.json()["properties"]["status"] == "hidden"
    assert "hidden_reason" not in response.json()["properties"]


def test_hidden_reason_is_shown_to_moderators_only(moderator, resident_api):
    proposal = ProposalFactory()
    assert "hidden_reason" not in resident_api.get(detail(proposal)).json()["properties"]
    assert client_for(moderator).get(detail(proposal)).json()["properties"]["hidden_reason"] == ""


def test_withdrawn_pin_cannot_be_supported_by_its_author(resident, resident_api):
    proposal = ProposalFactory(author=resident, status=Status.WITHDRAWN)
    response = resident_api.post(reverse("api:proposal-support", args=[proposal.pk]))
    assert response.status_code == 400
    assert Support.objects.count() == 0


def test_signed_in_resident_can_support_once(resident_api):
    proposal = ProposalFactory()
    url = reverse("api:proposal-support", args=[proposal.pk])
    assert resident_api.post(url).json() == {"support_count": 1, "supported_by_me": True}
    second = resident_api.post(url)
    assert second.status_code == 201
    assert second.json()["support_count"] == 1
    assert resident_api.delete(url).json() == {"support_count": 0, "supported_by_me": False}


def test_token_authenticated_script_can_pin(resident):
    from rest_framework.test import APIClient

    client = APIClient()
    token = client.post(
        reverse("api:token"), {"username": resident.username, "password": "pw-secret-123"}
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.post(reverse("api:proposal-list"), feature(), format="json")
    assert response.status_code == 201
    assert Proposal.objects.get().author == resident


def test_session_write_without_csrf_token_is_refused(resident):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(resident)
    response = client.post(reverse("api:proposal-list"), feature(), format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert Proposal.objects.count() == 0

"""Rounds are anchored to their claims: a claim is in at most one open round. Opening a
round on claims already in an open round answers 409 naming that round, also when two
mediators try at the same moment (a partial unique index, not a check-then-insert)."""

import threading

import pytest
from django.db import connection, transaction

from accounts import roles
from negotiations import services
from negotiations.models import Round, RoundClaim, State
from spatial.models import Cluster, ClusterMember
from tests.conftest import client_for

from .factories import UserFactory, cluster_create, round_create

pytestmark = pytest.mark.django_db


def move_claims(cluster) -> Cluster:
    """The claims of `cluster` now sit in a fresh cluster (a merge and split gave new ids)."""
    fresh = cluster_create(proposals=[])
    ClusterMember.objects.filter(cluster=cluster).update(cluster=fresh)
    return fresh


def resolve_all(negotiation_round):
    return [
        {"proposal": pk, "result": "adopted", "note": ""}
        for pk in negotiation_round.round_claims.values_list("proposal_id", flat=True)
    ]


def test_opening_on_the_same_cluster_again_answers_409_naming_the_round(mediator):
    cluster = cluster_create()
    first = round_create(mediator=mediator, cluster=cluster, title="Park oder Wohnungen")
    response = client_for(mediator).post(
        "/api/rounds/", {"cluster": cluster.pk, "title": "Second"}, format="json"
    )
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["round"] == first.pk
    assert "Park oder Wohnungen" in body["detail"]
    assert body["round_url"] == f"/api/rounds/{first.pk}/"
    assert Round.objects.count() == 1


def test_claims_in_an_open_round_cannot_be_negotiated_in_a_fresh_cluster(mediator):
    cluster = cluster_create()
    first = round_create(mediator=mediator, cluster=cluster, title="Park oder Wohnungen")
    fresh = move_claims(cluster)
    before = (Round.objects.count(), RoundClaim.objects.count())
    response = client_for(mediator).post("/api/rounds/", {"cluster": fresh.pk}, format="json")
    assert response.status_code == 409, response.content
    assert response.json()["round"] == first.pk
    assert (Round.objects.count(), RoundClaim.objects.count()) == before


def test_a_closed_round_lets_go_of_its_claims(mediator):
    cluster = cluster_create()
    first = round_create(mediator=mediator, cluster=cluster)
    services.round_close(
        negotiation_round=first, mediator=mediator, summary="Park", resolutions=resolve_all(first)
    )
    fresh = move_claims(cluster)
    second = round_create(mediator=mediator, cluster=fresh)
    assert second.state == State.OPEN
    assert set(RoundClaim.objects.filter(in_open_round=True).values_list("round", flat=True)) == {
        second.pk
    }


def test_the_next_round_takes_over_the_claims(mediator):
    first = round_create(mediator=mediator)
    second = services.round_next(negotiation_round=first, mediator=mediator)
    held = RoundClaim.objects.filter(in_open_round=True)
    assert set(held.values_list("round", flat=True)) == {second.pk}


@pytest.mark.django_db(transaction=True)
def test_two_mediators_opening_at_the_same_moment_get_one_201_and_one_409():
    mediators = [UserFactory(roles=[roles.MEDIATOR]) for _ in range(2)]
    cluster = cluster_create()
    barrier = threading.Barrier(2)
    statuses = []

    def open_round(user):
        try:
            barrier.wait()
            response = client_for(user).post("/api/rounds/", {"cluster": cluster.pk}, format="json")
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_round, args=(m,)) for m in mediators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(statuses) == [201, 409]
    assert Round.objects.filter(state=State.OPEN).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_index_refuses_the_second_of_two_concurrent_snapshots_of_one_claim():
    """Below the cluster lock: two rounds on different clusters snapshot the same claim at
    once (their clusters changed in between); the second insert waits for the first
    transaction and then fails, naming the first round."""
    mediator = UserFactory(roles=[roles.MEDIATOR])
    cluster = cluster_create()
    claim_ids = set(cluster.members.values_list("proposal_id", flat=True))
    drafts = [
        round_create(mediator=mediator, cluster=cluster_create(proposals=[]), draft=True)
        for _ in range(2)
    ]
    for draft in drafts:
        Round.objects.filter(pk=draft.pk).update(state=State.OPEN, opened_at=draft.created_at)
    outcome = {}

    def second():
        try:
            with transaction.atomic():
                services._snapshot(drafts[1], claim_ids)
            outcome["result"] = "saved"
        except services.ClaimsInOpenRound as exc:
            outcome["result"] = exc.round.pk
        finally:
            connection.close()

    with transaction.atomic():
        services._snapshot(drafts[0], claim_ids)
        thread = threading.Thread(target=second)
        thread.start()
        thread.join(timeout=0.5)
        assert thread.is_alive()  # waiting for this transaction, not checking a stale read
    thread.join(timeout=10)
    assert outcome == {"result": drafts[0].pk}


def test_the_review_queue_marks_a_cluster_mostly_in_an_open_round(mediator):
    from django.test import Client

    cluster = cluster_create()
    first = round_create(mediator=mediator, cluster=cluster, title="Park oder Wohnungen")
    fresh = move_claims(cluster)
    Cluster.objects.filter(pk=fresh.pk).update(claim_count=2)
    cluster.dissolved_at = first.opened_at
    cluster.save(update_fields=["dissolved_at"])
    client = Client()
    client.force_login(mediator)
    page = client.get("/review/").content.decode()
    card = page.split(f'id="cluster-{fresh.pk}"')[1].split("</article>")[0]
    assert "in-negotiation" in card
    assert f'href="/rounds/{first.pk}/"' in card
    assert "open-round-form" not in card  # the claims are negotiated there


def titles(changes, key):
    return [c["title"] for c in changes[key]]


def test_a_round_survives_its_cluster_merging_into_another(mediator):
    from proposals.models import Proposal

    from .factories import claim_add

    cluster = cluster_create()
    first = round_create(mediator=mediator, cluster=cluster)
    other = cluster_create(proposals=[])
    newcomer = claim_add(other, title="Neue Bank")
    ClusterMember.objects.filter(cluster=cluster).update(cluster=other)  # merged into `other`
    cluster.dissolved_at = first.opened_at
    cluster.save(update_fields=["dissolved_at"])
    changes = client_for(mediator).get(f"/api/rounds/{first.pk}/").json()["changes_since_opening"]
    assert changes["joined"] == [
        {
            "id": newcomer.pk,
            "title": "Neue Bank",
            "status": "active",
            "url": f"/proposals/{newcomer.pk}/",
        }
    ]
    assert changes["left"] == changes["withdrawn"] == []
    assert changes["added"] == [newcomer.pk] and changes["removed"] == []
    assert Proposal.objects.filter(pk=newcomer.pk).exists()


def test_a_round_survives_a_split_and_a_dissolution(mediator):
    from negotiations.selectors import round_changes

    cluster = cluster_create()
    first = round_create(mediator=mediator, cluster=cluster)
    one, two = cluster.members.order_by("proposal_id")
    part = cluster_create(proposals=[])
    ClusterMember.objects.filter(pk=two.pk).update(cluster=part)  # split in two
    assert round_changes(first) == {"joined": [], "left": [], "withdrawn": []}
    ClusterMember.objects.all().delete()  # dissolved: every claim alone
    Cluster.objects.update(dissolved_at=first.opened_at)
    changes = round_changes(first)
    assert [c["id"] for c in changes["left"]] == sorted([one.proposal_id, two.proposal_id])


def test_withdrawing_a_claim_in_an_open_round_is_allowed_and_shown(mediator):
    from django.core.exceptions import ValidationError
    from django.test import Client

    from proposals.services import proposal_withdraw

    first = round_create(mediator=mediator)
    claim = first.claims.order_by("pk").first()
    proposal_withdraw(proposal=claim, user=claim.author)
    client = Client()
    client.force_login(mediator)
    page = client.get(f"/rounds/{first.pk}/").content.decode()
    notice = page.split('id="cluster-changes"')[1].split("</aside>")[0]
    assert f'href="/proposals/{claim.pk}/"' in notice and claim.title in notice
    with pytest.raises(ValidationError):  # its resolution is still required
        others = [r for r in resolve_all(first) if r["proposal"] != claim.pk]
        services.round_close(
            negotiation_round=first, mediator=mediator, summary="x", resolutions=others
        )


def test_a_mediator_adds_the_joined_claims_and_their_authors_are_invited(
    mediator, django_capture_on_commit_callbacks
):
    from django.core import mail

    from negotiations.models import HistoryEntry, Participant

    from .factories import claim_add

    cluster = cluster_create()
    first = round_create(mediator=mediator, cluster=cluster)
    newcomer = claim_add(cluster, title="Neue Bank")
    api = client_for(mediator)
    etag = api.get(f"/api/rounds/{first.pk}/")["ETag"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            f"/api/rounds/{first.pk}/claims/", {}, format="json", HTTP_IF_MATCH=etag
        )
    assert response.status_code == 200, response.content
    body = response.json()
    assert newcomer.pk in body["claims"]
    assert body["changes_since_opening"]["joined"] == []
    assert Participant.objects.filter(round=first, user=newcomer.author).exists()
    assert [m.to for m in mail.outbox] == [[newcomer.author.email]]
    entry = HistoryEntry.objects.filter(round=first, action="claims_added").get()
    assert entry.payload["claims"] == [newcomer.pk]

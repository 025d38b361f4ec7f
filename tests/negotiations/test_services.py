import json

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from accounts import roles
from negotiations import selectors, services
from negotiations.models import HistoryEntry, Option, Position, Role, Round, State
from proposals.models import Status
from tests.factories import ProposalFactory, UserFactory

from .factories import claim_add, cluster_create, round_create, square


@pytest.fixture
def cluster(db):
    return cluster_create()


@pytest.fixture
def open_round(cluster, mediator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return round_create(mediator=mediator, cluster=cluster, title="Green or homes?")


def _authors(negotiation_round):
    return [p.user for p in negotiation_round.participants.filter(role=Role.AUTHOR)]


def _resolve_all(negotiation_round, result="adopted"):
    return [
        {"proposal": pk, "result": result} for pk in selectors.round_claim_ids(negotiation_round)
    ]


def test_opening_snapshots_claims_and_invites_their_authors(cluster, mediator, open_round):
    members = sorted(cluster.members.values_list("proposal_id", flat=True))
    assert selectors.round_claim_ids(open_round) == members
    assert open_round.state == State.OPEN and open_round.number == 1
    authors = {p.author for p in open_round.claims.all()}
    assert set(_authors(open_round)) == authors
    assert open_round.participants.get(user=mediator).role == Role.MEDIATOR
    assert sorted(m.to[0] for m in mail.outbox) == sorted(a.email for a in authors)
    assert "Green or homes?" in mail.outbox[0].subject
    assert f"/rounds/{open_round.pk}/" in mail.outbox[0].body
    assert all(p.notified_at for p in open_round.participants.filter(role=Role.AUTHOR))
    assert list(open_round.history.values_list("action", flat=True)) == ["created", "opened"]


def test_no_mail_is_sent_when_opening_fails(cluster, mediator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        round_create(mediator=mediator, cluster=cluster)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        round_create(mediator=mediator, cluster=cluster)
    assert mail.outbox == []
    assert Round.objects.filter(cluster=cluster).count() == 1


def test_resident_cannot_open_a_round(cluster, resident):
    with pytest.raises(PermissionDenied):
        round_create(mediator=resident, cluster=cluster)
    assert not Round.objects.exists()


def test_a_draft_round_takes_its_snapshot_when_it_opens(cluster, mediator):
    draft = round_create(mediator=mediator, cluster=cluster, draft=True)
    assert draft.state == State.DRAFT and selectors.round_claim_ids(draft) == []
    late = claim_add(cluster)
    opened = services.round_publish(negotiation_round=draft, mediator=mediator, expected_version=1)
    assert opened.state == State.OPEN
    assert late.pk in selectors.round_claim_ids(opened)


def test_round_keeps_its_snapshot_and_shows_cluster_changes(cluster, open_round):
    snapshot = selectors.round_claim_ids(open_round)
    joined = claim_add(cluster)
    left = open_round.claims.first()
    left.status = Status.WITHDRAWN
    left.save()
    assert selectors.round_claim_ids(open_round) == snapshot
    changes = selectors.round_cluster_changes(open_round)
    assert changes == {"added": [joined.pk], "removed": [left.pk]}


def test_mediator_invites_a_planner_who_gets_an_email(
    open_round, mediator, planner, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        participant = services.participant_invite(
            negotiation_round=open_round, mediator=mediator, user=planner
        )
        again = services.participant_invite(
            negotiation_round=open_round, mediator=mediator, user=planner
        )
    assert participant == again and participant.role == Role.INVITED
    assert [m.to for m in mail.outbox] == [[planner.email]]


def test_participant_cannot_invite(open_round, planner):
    author = _authors(open_round)[0]
    with pytest.raises(PermissionDenied):
        services.participant_invite(negotiation_round=open_round, mediator=author, user=planner)


def test_participant_adds_an_option_with_a_compromise_geometry(open_round):
    author = _authors(open_round)[0]
    option = services.option_add(
        negotiation_round=open_round,
        user=author,
        title="Homes on the north half",
        geometry=json.loads(square(size=0.0003).geojson),
    )
    assert option.geom.geom_type == "Polygon" and option.version == 1
    assert open_round.history.filter(action="option_added").count() == 1


def test_outsider_cannot_add_an_option(open_round, other_resident):
    with pytest.raises(PermissionDenied):
        services.option_add(negotiation_round=open_round, user=other_resident, title="Mine")
    assert not Option.objects.exists()


def test_invalid_option_geometry_is_refused_and_nothing_saved(open_round, mediator):
    bowtie = {"type": "Polygon", "coordinates": [[[12.37, 51.34], [12.38, 51.35],
              [12.38, 51.34], [12.37, 51.35], [12.37, 51.34]]]}  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        services.option_add(
            negotiation_round=open_round, user=mediator, title="Bad", geometry=bowtie
        )
    assert "geometry" in excinfo.value.message_dict
    assert not Option.objects.exists()


def test_objection_needs_a_reason(open_round, mediator):
    option = services.option_add(negotiation_round=open_round, user=mediator, title="Park")
    author = _authors(open_round)[0]
    with pytest.raises(ValidationError) as excinfo:
        services.position_set(option=option, user=author, stance="object", reason="  ")
    assert "reason" in excinfo.value.message_dict
    assert not Position.objects.exists()


def test_participant_changes_position_until_the_round_closes(open_round, mediator):
    option = services.option_add(negotiation_round=open_round, user=mediator, title="Park")
    author = _authors(open_round)[0]
    services.position_set(option=option, user=author, stance="object", reason="No homes")
    services.position_set(option=option, user=author, stance="can_live_with")
    assert Position.objects.get().stance == "can_live_with"
    services.round_close(
        negotiation_round=open_round,
        mediator=mediator,
        summary="Park",
        resolutions=_resolve_all(open_round),
    )
    with pytest.raises(PermissionDenied):
        services.position_set(option=option, user=author, stance="support")
    assert Position.objects.get().stance == "can_live_with"


def test_mediator_and_outsiders_do_not_take_positions(open_round, mediator, other_resident):
    option = services.option_add(negotiation_round=open_round, user=mediator, title="Park")
    for user in (mediator, other_resident):
        with pytest.raises(PermissionDenied):
            services.position_set(option=option, user=user, stance="support")


def test_close_refuses_when_a_proposal_lacks_a_resolution(open_round, mediator):
    partial = _resolve_all(open_round)[:1]
    with pytest.raises(ValidationError) as excinfo:
        services.round_close(
            negotiation_round=open_round, mediator=mediator, summary="x", resolutions=partial
        )
    assert "missing" in str(excinfo.value.message_dict["resolutions"])
    open_round.refresh_from_db()
    assert open_round.state == State.OPEN and not hasattr(open_round, "outcome")


def test_close_refuses_proposals_outside_the_round(open_round, mediator):
    stranger = ProposalFactory()
    resolutions = _resolve_all(open_round) + [{"proposal": stranger.pk, "result": "adopted"}]
    with pytest.raises(ValidationError):
        services.round_close(
            negotiation_round=open_round, mediator=mediator, summary="x", resolutions=resolutions
        )


def test_closing_records_the_outcome_and_tells_everyone(
    open_round, mediator, django_capture_on_commit_callbacks
):
    option = services.option_add(negotiation_round=open_round, user=mediator, title="Pocket park")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.round_close(
            negotiation_round=open_round,
            mediator=mediator,
            summary="A pocket park; homes move north.",
            chosen_option=option,
            resolutions=_resolve_all(open_round, "modified"),
        )
    open_round.refresh_from_db()
    assert open_round.state == State.CLOSED and open_round.closed_at
    assert outcome.resolutions.count() == open_round.claims.count()
    assert len(mail.outbox) == open_round.participants.count()
    proposal = open_round.claims.first()
    status = selectors.proposal_negotiation_status(proposal)
    assert status["state"] == "decided" and status["result"] == "modified"


def test_closed_round_is_read_only(open_round, mediator):
    option = services.option_add(negotiation_round=open_round, user=mediator, title="Park")
    services.round_close(
        negotiation_round=open_round,
        mediator=mediator,
        summary="Done",
        resolutions=_resolve_all(open_round),
    )
    with pytest.raises(PermissionDenied):
        services.option_add(negotiation_round=open_round, user=mediator, title="Late")
    with pytest.raises(PermissionDenied):
        services.option_update(option=option, user=mediator, title="Late")
    with pytest.raises(PermissionDenied):
        services.round_update(negotiation_round=open_round, mediator=mediator, title="Late")
    with pytest.raises(PermissionDenied):
        services.round_close(
            negotiation_round=open_round, mediator=mediator, summary="Again", resolutions=[]
        )


def test_stale_version_is_refused_and_changes_nothing(open_round, mediator):
    other = UserFactory(roles=[roles.MEDIATOR])
    version = open_round.version
    services.round_update(
        negotiation_round=open_round, mediator=mediator, expected_version=version, title="First"
    )
    with pytest.raises(services.VersionConflict):
        services.round_update(
            negotiation_round=open_round, mediator=other, expected_version=version, title="Second"
        )
    open_round.refresh_from_db()
    assert open_round.title == "First" and open_round.version == version + 1


def test_next_round_copies_options_participants_and_claims(open_round, mediator, cluster):
    keep = services.option_add(negotiation_round=open_round, user=mediator, title="Keep me")
    services.option_add(negotiation_round=open_round, user=mediator, title="Drop me")
    joined = claim_add(cluster)
    new = services.round_next(negotiation_round=open_round, mediator=mediator, option_ids=[keep.pk])
    open_round.refresh_from_db()
    assert open_round.state == State.CLOSED and not hasattr(open_round, "outcome")
    assert new.state == State.OPEN and new.number == 2 and new.previous == open_round
    assert [(o.title, o.revised_from_id) for o in new.options.all()] == [("Keep me", keep.pk)]
    assert set(new.participants.values_list("user", flat=True)) >= set(
        open_round.participants.values_list("user", flat=True)
    )
    assert set(selectors.round_claim_ids(new)) == set(selectors.round_claim_ids(open_round)) | {
        joined.pk
    }
    status = selectors.proposal_negotiation_status(open_round.claims.first())
    assert status["state"] == "in_negotiation" and status["round"] == new


def test_history_is_append_only_in_the_database(open_round):
    entry = open_round.history.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        HistoryEntry.objects.filter(pk=entry.pk).update(action="tampered")
    with pytest.raises(IntegrityError), transaction.atomic():
        HistoryEntry.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.action in {"created", "opened"}


def test_every_write_leaves_a_history_entry(open_round, mediator):
    option = services.option_add(negotiation_round=open_round, user=mediator, title="Park")
    services.option_update(option=option, user=mediator, description="With benches")
    author = _authors(open_round)[0]
    services.position_set(option=option, user=author, stance="support")
    services.round_close(
        negotiation_round=open_round,
        mediator=mediator,
        summary="Park",
        resolutions=_resolve_all(open_round),
    )
    actions = list(open_round.history.values_list("action", flat=True))
    assert actions == [
        "created", "opened", "option_added", "option_updated", "position_set", "closed",
    ]  # fmt: skip


def test_a_mail_server_failure_keeps_the_round_and_leaves_notified_at_empty(
    cluster, mediator, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    with django_capture_on_commit_callbacks(execute=True):
        negotiation_round = round_create(mediator=mediator, cluster=cluster)
    assert Round.objects.get(pk=negotiation_round.pk).state == State.OPEN
    assert not negotiation_round.participants.filter(notified_at__isnull=False).exists()

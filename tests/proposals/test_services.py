import threading

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import connection

from proposals import hooks, services
from proposals.models import Comment, Proposal, Status, Support
from tests.factories import ProposalFactory, UserFactory

from .conftest import database_state
from .factories import SupportFactory

pytestmark = pytest.mark.django_db
CENTRE = Point(12.375, 51.345, srid=4326)


def create(author, **overrides):
    fields = {"kind": "proposal", "category": "housing", "title": "Homes", "geom": CENTRE}
    return services.proposal_create(author=author, **{**fields, **overrides})


def test_create_stores_an_active_proposal_and_runs_hooks_in_the_transaction(
    resident, recorded_hooks
):
    proposal = create(resident, description="  Because.  ", title="  Homes ")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.title, proposal.description) == (
        "active",
        "Homes",
        "Because.",
    )
    assert proposal.author == resident
    assert recorded_hooks == [(proposal.pk, "created", True)]


def test_a_failing_hook_rolls_the_write_back(resident):
    def broken(*, proposal, change):
        raise RuntimeError("overlay failed")

    with (
        hooks.after_proposal_write.register_temporarily(broken, order=100),
        pytest.raises(RuntimeError),
    ):
        create(resident)
    assert Proposal.objects.count() == 0


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"kind": "wish"}, "kind"),
        ({"category": "castles"}, "category"),
        ({"description": "a\x00b"}, "description"),
    ],
)
def test_create_refuses_bad_fields(resident, overrides, field):
    with pytest.raises(ValidationError) as excinfo:
        create(resident, **overrides)
    assert field in excinfo.value.message_dict
    assert Proposal.objects.count() == 0


def test_update_changes_fields_and_runs_hooks(recorded_hooks):
    proposal = ProposalFactory()
    new_geom = Point(12.30, 51.30, srid=4326)
    services.proposal_update(
        proposal=proposal, user=proposal.author, title="New", category="commons", geom=new_geom
    )
    proposal.refresh_from_db()
    assert (proposal.title, proposal.category) == ("New", "commons")
    assert proposal.geom.equals(new_geom)
    assert recorded_hooks == [(proposal.pk, "updated", True)]


def test_update_refuses_fields_that_are_not_editable():
    proposal = ProposalFactory()
    before = database_state()
    with pytest.raises(ValidationError) as excinfo:
        services.proposal_update(
            proposal=proposal, user=proposal.author, status="hidden", support_count=99
        )
    assert set(excinfo.value.message_dict) == {"status", "support_count"}
    assert database_state() == before


def test_withdrawn_proposal_cannot_be_edited():
    proposal = ProposalFactory(status=Status.WITHDRAWN)
    with pytest.raises(ValidationError):
        services.proposal_update(proposal=proposal, user=proposal.author, title="Back")


def test_withdraw_then_withdraw_again_is_refused(recorded_hooks):
    proposal = ProposalFactory()
    proposal = services.proposal_withdraw(proposal=proposal, user=proposal.author)
    assert proposal.status == Status.WITHDRAWN
    with pytest.raises(ValidationError):
        services.proposal_withdraw(proposal=proposal, user=proposal.author)
    assert recorded_hooks == [(proposal.pk, "withdrawn", True)]


def test_hide_needs_a_reason(moderator):
    proposal = ProposalFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.proposal_hide(proposal=proposal, moderator=moderator, reason="  ")
    assert "reason" in excinfo.value.message_dict
    proposal.refresh_from_db()
    assert proposal.status == Status.ACTIVE


def test_hide_and_restore(moderator, recorded_hooks):
    proposal = services.proposal_hide(
        proposal=ProposalFactory(), moderator=moderator, reason="Insults a neighbour"
    )
    assert (proposal.status, proposal.hidden_reason) == ("hidden", "Insults a neighbour")
    proposal = services.proposal_restore(proposal=proposal, user=moderator)
    assert (proposal.status, proposal.hidden_reason) == ("active", "")
    assert [c[1] for c in recorded_hooks] == ["hidden", "restored"]


def test_restore_of_an_active_proposal_is_refused():
    with pytest.raises(ValidationError):
        services.proposal_restore(proposal=ProposalFactory(), user=None)  # the platform


def test_support_is_idempotent_and_counted():
    proposal, user = ProposalFactory(), UserFactory()
    assert services.support_add(proposal=proposal, user=user) == 1
    assert services.support_add(proposal=proposal, user=user) == 1
    assert services.support_add(proposal=proposal, user=UserFactory()) == 2
    assert services.support_remove(proposal=proposal, user=user) == 1
    assert services.support_remove(proposal=proposal, user=user) == 1
    assert Support.objects.filter(proposal=proposal).count() == 1


def test_withdrawn_proposal_cannot_be_supported():
    proposal = ProposalFactory(status=Status.WITHDRAWN)
    with pytest.raises(ValidationError):
        services.support_add(proposal=proposal, user=UserFactory())
    assert Support.objects.count() == 0


def test_support_remove_never_goes_below_zero():
    support = SupportFactory()
    Proposal.objects.filter(pk=support.proposal_id).update(support_count=0)
    assert services.support_remove(proposal=support.proposal, user=support.user) == 0


def test_comment_create_counts_comments():
    proposal = ProposalFactory()
    comment = services.comment_create(proposal=proposal, author=UserFactory(), body=" Yes! ")
    assert comment.body == "Yes!"
    proposal.refresh_from_db()
    assert proposal.comment_count == 1


def test_empty_comment_is_refused():
    with pytest.raises(ValidationError):
        services.comment_create(proposal=ProposalFactory(), author=UserFactory(), body=" ")
    assert Comment.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_support_count_stays_right_under_concurrent_supports():
    proposal = ProposalFactory()
    users = UserFactory.create_batch(8)
    errors = []
    barrier = threading.Barrier(len(users) + 1)

    def support(user, twice):
        try:
            barrier.wait()
            services.support_add(proposal=proposal, user=user)
            if twice:
                services.support_add(proposal=proposal, user=user)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=support, args=(u, i % 2 == 0)) for i, u in enumerate(users)]
    for thread in threads:
        thread.start()
    barrier.wait()
    for thread in threads:
        thread.join()
    assert errors == []
    proposal.refresh_from_db()
    assert proposal.support_count == len(users) == Support.objects.count()


def test_support_and_comment_run_hooks_with_the_new_counts(recorded_hooks):
    seen = []
    with hooks.after_proposal_write.register_temporarily(
        lambda *, proposal, change: seen.append((change, proposal.support_count)), order=100
    ):
        proposal, user = ProposalFactory(), UserFactory()
        services.support_add(proposal=proposal, user=user)
        services.support_add(proposal=proposal, user=user)  # no change: no hook
        services.support_remove(proposal=proposal, user=user)
        services.comment_create(proposal=proposal, author=user, body="Nice")
    assert seen == [("supported", 1), ("supported", 0), ("commented", 0)]
    assert all(in_transaction for _pk, _change, in_transaction in recorded_hooks)


def test_geometry_the_database_finds_invalid_is_a_validation_error(resident):
    from django.contrib.gis.geos import GEOSGeometry

    bowtie = GEOSGeometry(
        "SRID=4326;POLYGON((12.37 51.34, 12.38 51.35, 12.38 51.34, 12.37 51.35, 12.37 51.34))"
    )
    with pytest.raises(ValidationError) as excinfo:
        create(resident, geom=bowtie)
    assert "ST_IsValid" in excinfo.value.message_dict["geometry"][0]
    assert Proposal.objects.count() == 0

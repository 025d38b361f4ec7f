"""Following pins and the notices about them: in the site, by e-mail at once (after the
commit, from the worker) or as a daily digest, with a signed one-click unsubscribe."""

import io

import pytest
from django.contrib.gis.geos import Point
from django.core import mail, signing
from django.test import Client

from community import mail as community_mail
from community.models import Delivery, Follow, MailPreference, Notice, NoticeKind
from negotiations import services as rounds
from proposals import services as pins
from tests.conftest import client_for
from tests.factories import CITY_CENTRE, UserFactory
from tests.negotiations.factories import cluster_create

pytestmark = pytest.mark.django_db


def new_pin(author, title="Empty lot"):
    return pins.proposal_create(
        author=author, kind="proposal", category="green_space", title=title,
        geom=Point(*CITY_CENTRE, srid=4326),
    )  # fmt: skip


def test_own_pins_are_followed_automatically(resident):
    pin = new_pin(resident)
    assert Follow.objects.filter(user=resident, proposal=pin).exists()


def test_anyone_signed_in_follows_and_unfollows_any_pin(other_resident, resident):
    pin = new_pin(resident)
    api = client_for(other_resident)
    assert api.post(f"/api/proposals/{pin.pk}/follow/").json() == {"following": True}
    assert api.post(f"/api/proposals/{pin.pk}/follow/").status_code == 200  # idempotent
    assert Follow.objects.filter(proposal=pin).count() == 2
    assert api.delete(f"/api/proposals/{pin.pk}/follow/").json() == {"following": False}
    assert not Follow.objects.filter(user=other_resident).exists()
    assert Client().post(f"/api/proposals/{pin.pk}/follow/").status_code in (401, 403)


def test_a_comment_tells_the_followers_but_not_its_writer(
    resident, other_resident, django_capture_on_commit_callbacks
):
    pin = new_pin(resident)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pins.comment_create(proposal=pin, author=other_resident, body="Agreed!")
    notice = Notice.objects.get()
    assert (notice.user, notice.kind) == (resident, NoticeKind.COMMENT)
    assert mail.outbox == []  # never inside the request: only once the write is committed
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == [resident.email]
    assert "New comment on “Empty lot”" in message.body
    assert f"/proposals/{pin.pk}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in message.body
    notice.refresh_from_db()
    assert notice.mailed_at is not None


def test_hiding_and_restoring_tell_the_followers_with_the_reason(
    resident, other_resident, moderator, django_capture_on_commit_callbacks
):
    pin = new_pin(resident)
    client_for(other_resident).post(f"/api/proposals/{pin.pk}/follow/")
    with django_capture_on_commit_callbacks(execute=True):
        pins.proposal_hide(proposal=pin, moderator=moderator, reason="Insults a neighbour")
        pins.proposal_restore(proposal=pin, user=moderator)
    kinds = sorted(Notice.objects.values_list("user__username", "kind"))
    assert kinds == sorted(
        [(u.username, k) for u in (resident, other_resident) for k in ("hidden", "restored")]
    )
    # The reason is for the author; the other follower hears only that it was hidden.
    reasons = {m.to[0]: "Insults a neighbour" in m.body for m in mail.outbox if "hidden" in m.body}
    assert reasons == {resident.email: True, other_resident.email: False}


def test_rounds_tell_the_followers_when_their_pin_is_negotiated_and_decided(
    mediator, django_capture_on_commit_callbacks
):
    cluster = cluster_create()
    follower = UserFactory()
    for member in cluster.members.all():
        Follow.objects.create(user=follower, proposal_id=member.proposal_id)
    with django_capture_on_commit_callbacks(execute=True):
        negotiation = rounds.round_open(cluster=cluster, mediator=mediator, title="Depot")
    assert Notice.objects.filter(user=follower, kind=NoticeKind.IN_ROUND).count() == 2
    claims = list(negotiation.round_claims.values_list("proposal_id", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        rounds.round_close(
            negotiation_round=negotiation, mediator=mediator, summary="A park",
            resolutions=[{"proposal": claims[0], "result": "adopted"},
                         {"proposal": claims[1], "result": "rejected"}],
        )  # fmt: skip
    outcome = Notice.objects.filter(user=follower, kind=NoticeKind.OUTCOME)
    assert sorted(n.params["result"] for n in outcome) == ["adopted", "rejected"]
    bodies = [m.body for m in mail.outbox if m.to == [follower.email]]
    assert any("Round “Depot” has decided on" in b and "adopted" in b.lower() for b in bodies)


def test_the_daily_digest_collects_what_was_not_mailed(
    resident, other_resident, django_capture_on_commit_callbacks
):
    MailPreference.objects.create(user=resident, delivery=Delivery.DAILY)
    pin = new_pin(resident)
    with django_capture_on_commit_callbacks(execute=True):
        pins.comment_create(proposal=pin, author=other_resident, body="One")
        pins.comment_create(proposal=pin, author=other_resident, body="Two")
    assert mail.outbox == []
    assert community_mail.send_digests() == 1
    (digest,) = mail.outbox
    assert digest.body.count("New comment on “Empty lot”") == 2
    assert "2 new notices" in digest.subject
    assert digest.extra_headers["List-Unsubscribe"]
    assert community_mail.send_digests() == 0  # nothing twice


def test_no_email_when_the_person_chose_none(
    resident, other_resident, django_capture_on_commit_callbacks
):
    MailPreference.objects.create(user=resident, delivery=Delivery.NONE)
    pin = new_pin(resident)
    with django_capture_on_commit_callbacks(execute=True):
        pins.comment_create(proposal=pin, author=other_resident, body="One")
    assert Notice.objects.filter(user=resident).count() == 1
    assert mail.outbox == [] and community_mail.send_digests() == 0


def test_the_unsubscribe_link_stops_the_emails_with_one_click(resident):
    token = community_mail.unsubscribe_token(resident)
    url = f"/notices/unsubscribe/{token}/"
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(url)
    assert page.status_code == 200 and b"Stop the e-mails" in page.content
    assert not MailPreference.objects.exists()  # opening the link changes nothing
    # The mail program's button (RFC 8058) or the page's: a POST without CSRF token or session.
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert MailPreference.objects.get(user=resident).delivery == Delivery.NONE


@pytest.mark.parametrize(
    "forge",
    [
        lambda token, user: token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"),
        lambda token, user: signing.dumps({"u": user.pk}, salt="another.salt"),
        lambda token, user: signing.dumps({"u": user.pk}, key="not-the-secret-key",
                                          salt=community_mail.UNSUBSCRIBE_SALT),
        lambda token, user: "e30:1:" + "x" * 20,
        lambda token, user: token.replace(token.split(":")[0], "eyJ1IjoxfQ"),
    ],
    ids=["altered", "other-salt", "other-key", "garbage", "other-payload"],
)  # fmt: skip
def test_a_forged_unsubscribe_link_does_nothing(resident, forge):
    MailPreference.objects.create(user=resident, delivery=Delivery.IMMEDIATE)
    bad = forge(community_mail.unsubscribe_token(resident), resident)
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(f"/notices/unsubscribe/{bad}/")
    assert response.status_code == 400
    assert b"not valid" in response.content
    assert MailPreference.objects.get(user=resident).delivery == Delivery.IMMEDIATE


def test_the_notices_page_lists_marks_read_and_saves_the_choice(resident, other_resident):
    pin = new_pin(resident)
    pins.comment_create(proposal=pin, author=other_resident, body="Hi")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(resident)
    map_page = client.get("/")
    assert b'id="notices-link"' in map_page.content and b'class="badge">1' in map_page.content
    page = client.get("/notices/")
    assert b"New comment on \xe2\x80\x9cEmpty lot\xe2\x80\x9d" in page.content
    assert Notice.objects.get().read_at is not None
    assert b'class="badge">1' not in client.get("/").content
    client.post("/notices/", {"delivery": "daily"})
    assert MailPreference.objects.get(user=resident).delivery == Delivery.DAILY
    response = client.post("/notices/", {"delivery": "hourly"}, follow=True)
    assert b"Choose one of" in response.content
    assert MailPreference.objects.get(user=resident).delivery == Delivery.DAILY


def test_the_api_lists_only_ones_own_notices(resident, other_resident):
    pin = new_pin(resident)
    pins.comment_create(proposal=pin, author=other_resident, body="Hi")
    mine = client_for(resident).get("/api/notices/").json()
    assert [n["kind"] for n in mine] == ["comment"] and mine[0]["read"] is False
    assert client_for(other_resident).get("/api/notices/").json() == []
    api = client_for(resident)
    assert api.put("/api/notices/preference/", {"delivery": "daily"}).json() == {
        "delivery": "daily"
    }
    assert api.put("/api/notices/preference/", {"delivery": "x"}).status_code == 400


def test_the_digest_is_scheduled_and_has_a_command(
    resident, other_resident, settings, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from config.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["notices-digest"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
    MailPreference.objects.create(user=resident, delivery=Delivery.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        pins.comment_create(proposal=new_pin(resident), author=other_resident, body="Hi")
    call_command("notices_digest", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[resident.email]]

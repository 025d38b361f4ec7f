"""Residents report pins, comments and photos; moderators hide or dismiss from a queue; the
reporters are told the result; reports are rate-limited per user."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from community.models import Notice, NoticeKind, Photo, PhotoStatus, Report, ReportStatus
from proposals.models import Status
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.proposals.factories import CommentFactory

from .conftest import image_bytes

pytestmark = pytest.mark.django_db


def report(api, target, pk, reason="Insults a neighbour"):
    return api.post("/api/reports/", {"target": target, "id": pk, "reason": reason}, format="json")


def decide(api, report_id, decision, reason=""):
    return api.post(
        f"/api/reports/{report_id}/decide/", {"decision": decision, "reason": reason}, format="json"
    )


def test_a_reported_pin_is_hidden_and_every_reporter_is_told(pin, other_api, moderator_api):
    first = report(other_api, "proposal", pin.pk)
    assert first.status_code == 201, first.content
    second = report(client_for(UserFactory()), "proposal", pin.pk, "Spam")
    queue = moderator_api.get("/api/reports/").json()
    assert [r["id"] for r in queue] == [first.json()["id"], second.json()["id"]]
    assert decide(moderator_api, first.json()["id"], "hide", "Abusive").json() == {"decided": 2}
    pin.refresh_from_db()
    assert pin.status == Status.HIDDEN and pin.hidden_reason == "Abusive"
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.HIDDEN}
    told = Notice.objects.filter(kind=NoticeKind.REPORT_RESULT)
    assert told.count() == 2 and all(n.params["hidden"] for n in told)
    assert moderator_api.get("/api/reports/").json() == []


def test_a_dismissed_report_leaves_the_pin_and_says_so(
    pin, other_api, moderator_api, other_resident
):
    created = report(other_api, "proposal", pin.pk).json()
    assert decide(moderator_api, created["id"], "dismiss").json() == {"decided": 1}
    pin.refresh_from_db()
    assert pin.status == Status.ACTIVE
    notice = Notice.objects.get(user=other_resident)
    assert notice.params["hidden"] is False
    texts = client_for(other_resident).get("/api/notices/").json()
    assert "left it in place" in texts[0]["text"]
    assert decide(moderator_api, created["id"], "hide", "late").status_code == 400


def test_a_hidden_comment_keeps_its_place_without_its_text(pin, resident_api, moderator_api):
    comment = CommentFactory(proposal=pin, body="You idiots")
    created = report(resident_api, "comment", comment.pk).json()
    decide(moderator_api, created["id"], "hide", "Insult")
    (shown,) = Client().get(f"/api/proposals/{pin.pk}/comments/").json()
    assert shown["is_hidden"] is True and shown["body"] == "" and shown["author_name"] == ""
    hidden = Notice.objects.get(user=comment.author, kind=NoticeKind.CONTENT_HIDDEN)
    assert hidden.params["reason"] == "Insult"


def test_a_hidden_photo_is_no_longer_served_except_to_moderators(
    pin, resident_api, other_api, moderator_api
):
    body = {"image": SimpleUploadedFile("a.jpg", image_bytes()), "alt_text": "The lot"}
    photo = resident_api.post(f"/api/proposals/{pin.pk}/photos/", body, format="multipart").json()
    assert Client().get(photo["image"]).status_code == 200
    created = report(other_api, "photo", photo["id"]).json()
    decide(moderator_api, created["id"], "hide", "A face is recognisable")
    assert Photo.objects.get().status == PhotoStatus.HIDDEN
    assert Client().get(photo["image"]).status_code == 404
    assert other_api.get(photo["thumbnail"]).status_code == 404
    assert moderator_api.get(photo["image"]).status_code == 200
    assert Client().get(f"/api/proposals/{pin.pk}/photos/").json() == []


def test_photos_of_a_hidden_pin_are_not_served(pin, resident_api, moderator):
    from proposals.services import proposal_hide

    body = {"image": SimpleUploadedFile("a.jpg", image_bytes()), "alt_text": "The lot"}
    photo = resident_api.post(f"/api/proposals/{pin.pk}/photos/", body, format="multipart").json()
    proposal_hide(proposal=pin, moderator=moderator, reason="x")
    assert Client().get(photo["image"]).status_code == 404
    assert resident_api.get(photo["image"]).status_code == 200  # the author still sees it


def test_reporting_twice_adds_nothing(pin, other_api):
    first = report(other_api, "proposal", pin.pk).json()
    assert report(other_api, "proposal", pin.pk, "again").json()["id"] == first["id"]
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    "body, field",
    [
        ({"target": "proposal", "reason": ""}, "reason"),
        ({"target": "user", "reason": "x"}, "target"),
        ({"target": "proposal", "id": "abc", "reason": "x"}, "id"),
        ({"target": "proposal", "reason": "x" * 2001}, "reason"),
    ],
)
def test_bad_reports_are_refused_with_the_field(pin, other_api, body, field):
    body.setdefault("id", pin.pk)
    response = other_api.post("/api/reports/", body, format="json")
    assert response.status_code == 400 and field in response.json()
    assert Report.objects.count() == 0


def test_reports_need_a_sign_in_and_only_moderators_decide(pin, other_api):
    assert report(Client(), "proposal", pin.pk).status_code in (401, 403)
    created = report(other_api, "proposal", pin.pk).json()
    response = decide(other_api, created["id"], "hide", "x")
    assert response.status_code == 403 and "moderators" in response.json()["detail"]
    assert other_api.get("/api/reports/").status_code == 403
    assert report(other_api, "proposal", 999_999).status_code == 404


def test_reports_are_rate_limited_per_user(pin, other_api, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "reports": "2/hour"}
    cache.clear()
    comments = [CommentFactory(proposal=pin) for _ in range(3)]
    assert report(other_api, "comment", comments[0].pk).status_code == 201
    assert report(other_api, "comment", comments[1].pk).status_code == 201
    response = report(other_api, "comment", comments[2].pk)
    assert response.status_code == 429 and "Retry-After" in response
    assert report(client_for(UserFactory()), "comment", comments[2].pk).status_code == 201
    cache.clear()


def test_the_queue_page_shows_counts_and_the_reported_content(pin, other_api, moderator):
    comment = CommentFactory(proposal=pin, body="Reported words")
    report(other_api, "comment", comment.pk)
    report(other_api, "proposal", pin.pk)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(moderator)
    page = client.get("/moderation/reports/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "2 open reports" in text and "pins: 1, comments: 1, photos: 0" in text
    assert "Reported words" in text and "Insults a neighbour" in text
    resident_client = Client()
    resident_client.force_login(pin.author)
    assert resident_client.get("/moderation/reports/").status_code == 403


def test_a_moderator_hides_a_photo_directly_and_the_uploader_is_told(
    pin, resident, resident_api, moderator_api
):
    body = {"image": SimpleUploadedFile("a.jpg", image_bytes()), "alt_text": "The lot"}
    photo = resident_api.post(f"/api/proposals/{pin.pk}/photos/", body, format="multipart").json()
    hide = f"/api/photos/{photo['id']}/hide/"
    assert resident_api.post(hide, {"reason": "x"}).status_code == 403
    assert moderator_api.post(hide, {"reason": ""}).status_code == 400
    response = moderator_api.post(hide, {"reason": "A face"})
    assert response.status_code == 200 and response.json()["status"] == "hidden"
    notice = Notice.objects.get(user=resident, kind=NoticeKind.CONTENT_HIDDEN)
    assert notice.params == {"title": pin.title, "target": "photo", "reason": "A face"}
    assert resident_api.post(hide, {"reason": "x"}).status_code == 404  # no longer visible

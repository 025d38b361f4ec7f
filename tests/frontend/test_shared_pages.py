"""Public pages a shared cache may keep for anonymous readers (frontend/pages/shared.py,
docs/adr/0017): only a page with nothing of the request in it is marked public, a
signed-in reader's never, and the language switch works without a token for anonymous
readers while it still needs one to change a profile."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from frontend.pages.shared import PRIVATE, shared_when_anonymous
from negotiations.models import Round, State
from tests.factories import ProposalFactory
from tests.negotiations.factories import round_create

pytestmark = pytest.mark.django_db

SHARED = "public, max-age=0, s-maxage=30, stale-while-revalidate=30"


@pytest.fixture(autouse=True)
def pages_max_age(settings):
    settings.PAGES_MAX_AGE = 30


def public_pages(mediator) -> list[str]:
    pin = ProposalFactory()
    negotiation_round = round_create(mediator=mediator)
    Round.objects.filter(pk=negotiation_round.pk).update(
        state=State.CLOSED, closed_at=timezone.now()
    )
    return [
        "/",
        "/proposals/",
        "/proposals/?category=housing",
        f"/proposals/{pin.pk}/",
        "/clusters/",
        f"/clusters/{negotiation_round.cluster_id}/",
        f"/rounds/{negotiation_round.pk}/",
        "/zoning/",
        "/imprint/",
        "/privacy/",
    ]


def test_anonymous_readers_public_pages_are_marked_for_shared_caches(mediator):
    for url in public_pages(mediator):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == SHARED, url
        vary = {v.strip() for v in response["Vary"].split(",")}
        assert {"Cookie", "Accept-Language"} <= vary, url
        assert not response.cookies, url  # nginx and CDNs store no answer that sets one
        assert b"csrfmiddlewaretoken" not in response.content, url
        assert "'nonce-" not in response["Content-Security-Policy"], url


def test_a_signed_in_readers_page_is_never_shared(resident, mediator):
    client = Client()
    client.force_login(resident)
    for url in public_pages(mediator):
        response = client.get(url)
        assert response["Cache-Control"] == PRIVATE, url
        assert b"csrfmiddlewaretoken" in response.content, url  # sign out, language


def test_without_pages_max_age_nothing_is_marked(settings):
    settings.PAGES_MAX_AGE = 0
    assert "Cache-Control" not in Client().get("/proposals/")


def anonymous_request(path="/proposals/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_page_with_anything_of_its_request_in_it_is_private():
    @shared_when_anonymous
    def page(request, token=False, message=False, cookie=False):
        if token:
            get_token(request)
        if message:
            messages.info(request, "Signed out.")
        response = HttpResponse("<p>a page</p>")
        if cookie:
            response.set_cookie("seen", "1")
        return response

    assert page(anonymous_request())["Cache-Control"] == SHARED
    for what in ("token", "message", "cookie"):
        assert page(anonymous_request(), **{what: True})["Cache-Control"] == PRIVATE, what
    assert page(RequestFactory().post("/proposals/"))["Cache-Control"] == PRIVATE


def test_an_anonymous_language_switch_needs_no_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/proposals/"})
    assert response.status_code == 302 and response["Location"] == "/proposals/"
    assert response.cookies["django_language"].value == "en"
    assert b'lang="en"' in client.get("/proposals/").content


def test_a_signed_in_language_switch_changes_the_profile_only_with_the_token(resident):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    forged = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert forged.status_code == 403
    resident.refresh_from_db()
    assert resident.language != "en"
    token = client.get("/").context["csrf_token"]
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.language == "en"

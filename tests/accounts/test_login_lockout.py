"""Brute force: after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
every way in (login page, admin login, token endpoint) refuses it and says why, until the
cool-off is over."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import UserFactory

LIMIT = 3


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def _page_login(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_pages_lock_out_after_the_limit_and_explain(db, limit, url):
    user = UserFactory(username="victim", is_staff=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(LIMIT):
        _page_login(client, url, "victim", "wrong")
    response = _page_login(client, url, "victim", "pw-secret-123")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many wrong passwords" in text and "15 minutes" in text
    assert int(response["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked.
    UserFactory(username="other", is_staff=True)
    assert _page_login(client, url, "other", "pw-secret-123").status_code == 302
    assert user.pk  # the locked account still exists, only the pair is paused


def test_the_token_endpoint_locks_out_and_says_why(db, limit):
    UserFactory(username="victim")
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(LIMIT - 1):
        response = api.post("/api/auth/token/", {"username": "victim", "password": "x"})
        assert response.status_code == 400
    response = api.post("/api/auth/token/", {"username": "victim", "password": "x"})
    assert response.status_code == 429
    response = api.post("/api/auth/token/", {"username": "victim", "password": "pw-secret-123"})
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.json()["detail"]
    assert int(response["Retry-After"]) == 15 * 60


def test_the_lockout_is_released_after_the_cool_off(db, limit):
    UserFactory(username="victim")
    api = APIClient()
    for _ in range(LIMIT):
        api.post("/api/auth/token/", {"username": "victim", "password": "x"})
    assert (
        api.post(
            "/api/auth/token/", {"username": "victim", "password": "pw-secret-123"}
        ).status_code
        == 429
    )
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=16)
    )
    response = api.post("/api/auth/token/", {"username": "victim", "password": "pw-secret-123"})
    assert response.status_code == 200
    assert response.json()["token"]


def test_a_success_resets_the_count(db, limit):
    UserFactory(username="anna")
    api = APIClient()
    for _ in range(3):
        for _ in range(LIMIT - 1):
            api.post("/api/auth/token/", {"username": "anna", "password": "typo"})
        ok = api.post("/api/auth/token/", {"username": "anna", "password": "pw-secret-123"})
        assert ok.status_code == 200

"""API tokens: expiring, revocable, stored only as a hash (django-rest-knox)."""

from datetime import timedelta

from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.factories import UserFactory


def _token(username="anna"):
    response = APIClient().post(
        "/api/auth/token/", {"username": username, "password": "pw-secret-123"}
    )
    assert response.status_code == 200
    return response.json()


def _as(token):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def test_a_script_gets_a_token_and_uses_it(db):
    UserFactory(username="anna")
    body = _token()
    assert body["expiry"]
    assert _as(body["token"]).get("/api/auth/tokens/").status_code == 200


def test_tokens_are_stored_only_as_a_hash(db):
    UserFactory(username="anna")
    token = _token()["token"]
    stored = AuthToken.objects.get()
    assert token not in {stored.digest, stored.token_key}
    assert stored.digest != token and len(stored.token_key) < len(token)


def test_an_expired_token_is_refused(db):
    UserFactory(username="anna")
    token = _token()["token"]
    AuthToken.objects.update(expiry=timezone.now() - timedelta(seconds=1))
    assert _as(token).get("/api/auth/tokens/").status_code in (401, 403)
    assert not AuthToken.objects.exists()


def test_tokens_expire_after_the_configured_days(db, settings):
    UserFactory(username="anna")
    expiry = AuthToken.objects.create(user=UserFactory())[0].expiry
    assert timedelta(days=29) < expiry - timezone.now() <= timedelta(days=30)


def test_a_user_sees_and_revokes_their_own_tokens_only(db):
    UserFactory(username="anna")
    UserFactory(username="bert")
    first, second = _token()["token"], _token()
    bert = _token("bert")
    api = _as(first)
    listed = api.get("/api/auth/tokens/").json()
    assert len(listed) == 2 and all(set(t) == {"token_key", "created", "expiry"} for t in listed)
    assert api.delete(f"/api/auth/tokens/{bert['token_key']}/").status_code == 404
    assert api.delete(f"/api/auth/tokens/{second['token_key']}/").status_code == 204
    assert _as(second["token"]).get("/api/auth/tokens/").status_code in (401, 403)
    assert _as(bert["token"]).get("/api/auth/tokens/").status_code == 200


def test_wrong_password_is_a_400_with_a_sentence(db):
    UserFactory(username="anna")
    response = APIClient().post("/api/auth/token/", {"username": "anna", "password": "no"})
    assert response.status_code == 400
    assert response.json()["detail"]

"""Write floods: proposals, comments, supports and sign-ups are limited per user and per
address (accounts/throttling.py), with a 429 that says when to try again."""

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.test import Client

from tests.conftest import client_for
from tests.factories import CITY_CENTRE, ProposalFactory, UserFactory

DEFAULTS = {
    "proposals": "30/hour", "proposals.address": "300/hour",
    "comments": "60/hour", "comments.address": "600/hour",
    "supports": "300/hour", "supports.address": "3000/hour",
    "signups": "10/hour", "account_mails": "10/hour",
    "photos": "30/hour", "photos.address": "300/hour",
    "reports": "10/hour", "reports.address": "100/hour",
}  # fmt: skip


@pytest.fixture
def limits(settings):
    """The production defaults, on a fresh count."""
    settings.RATE_LIMITS = DEFAULTS
    cache.clear()
    yield settings.RATE_LIMITS
    cache.clear()


def _pin(n=0):
    x, y = CITY_CENTRE
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [x + n * 1e-5, y]},
        "properties": {"kind": "proposal", "category": "housing", "title": f"Pin {n}"},
    }


def test_the_defaults_are_the_documented_ones():
    from config.settings import base

    assert base.RATE_LIMITS == DEFAULTS
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]


def test_the_31st_proposal_within_the_hour_is_refused_with_retry_after(db, limits):
    api = client_for(UserFactory())
    api.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    for n in range(30):
        assert api.post("/api/proposals/", _pin(n), format="json").status_code == 201
    response = api.post("/api/proposals/", _pin(31), format="json")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "try again in" in response.json()["detail"]
    # Reads are never counted.
    assert api.get("/api/proposals/").status_code == 200


def test_another_resident_is_not_throttled_by_someone_elses_flood(db, limits):
    flooder = client_for(UserFactory())
    for n in range(31):
        flooder.post("/api/proposals/", _pin(n), format="json")
    other = client_for(UserFactory())
    assert other.post("/api/proposals/", _pin(99), format="json").status_code == 201


def test_many_accounts_from_one_address_share_its_limit(db, limits, settings):
    settings.RATE_LIMITS = {**DEFAULTS, "comments.address": "3/hour"}
    proposal = ProposalFactory()
    codes = []
    for _ in range(4):
        api = client_for(UserFactory())
        codes.append(
            api.post(
                f"/api/proposals/{proposal.pk}/comments/", {"body": "hi"}, format="json"
            ).status_code
        )
    assert codes == [201, 201, 201, 429]


def test_a_human_pace_is_never_throttled(db, limits):
    """A busy resident's hour: 10 pins, 20 comments, 60 supports and withdrawals."""
    api = client_for(UserFactory())
    proposals = [ProposalFactory() for _ in range(30)]
    for n in range(10):
        assert api.post("/api/proposals/", _pin(n), format="json").status_code == 201
    for proposal in proposals[:20]:
        url = f"/api/proposals/{proposal.pk}/comments/"
        assert api.post(url, {"body": "Good idea."}, format="json").status_code == 201
    for proposal in proposals:
        url = f"/api/proposals/{proposal.pk}/support/"
        assert api.post(url).status_code == 201
        assert api.delete(url).status_code == 200


def test_the_11th_signup_from_one_address_is_refused(db, limits):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for n in range(11):
        response = client.post(
            "/accounts/signup/",
            {
                "username": f"new{n}",
                "email": f"new{n}@example.org",
                "password1": "a-long-Secret-1234",
                "password2": "a-long-Secret-1234",
                "show_name_publicly": "on",
            },
        )
        client.logout()
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many accounts" in response.content.decode()


def test_the_11th_password_reset_request_from_one_address_is_refused(db, limits, mailoutbox):
    UserFactory(email="anna@example.org")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _n in range(11):
        response = client.post("/accounts/password/reset/", {"email": "anna@example.org"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many requests" in response.content.decode()


def test_the_count_is_shared_through_redis(db, settings):
    """Two app servers are two cache clients on one Redis: a count made through one holds
    through the other."""
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/14",
        "KEY_PREFIX": "stadtmacher-tests",
    }
    settings.CACHES = {"default": redis, "other": redis}
    settings.RATE_LIMITS = {**DEFAULTS, "proposals": "2/hour"}
    from accounts import throttling

    first, second = caches["default"], caches["other"]
    try:
        first.get("ping")
    except Exception:  # noqa: BLE001
        pytest.skip("no Redis on 127.0.0.1:6379")
    user = UserFactory()
    api = client_for(user)
    throttling.UserWriteThrottle.cache = first
    try:
        assert api.post("/api/proposals/", _pin(1), format="json").status_code == 201
        throttling.UserWriteThrottle.cache = second
        assert api.post("/api/proposals/", _pin(2), format="json").status_code == 201
        throttling.UserWriteThrottle.cache = first
        assert api.post("/api/proposals/", _pin(3), format="json").status_code == 429
    finally:
        first.delete_many(
            [f"throttle:proposals:user:{user.pk}", "throttle:proposals.address:127.0.0.1"]
        )
        del throttling.UserWriteThrottle.cache


# One app server: a process of its own, with the production settings and CACHE_URL at Redis,
# sending `n` writes of one user to a view with the "proposals" scope (30/hour by default).
APP_SERVER = """
import json, os, sys
import django
django.setup()
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

class Person:
    pk = int(sys.argv[1])
    is_authenticated = True

class Write(APIView):
    throttle_scope = "proposals"
    permission_classes = []
    def post(self, request):
        return Response(status=201)

answers = []
for _ in range(int(sys.argv[2])):
    request = APIRequestFactory().post("/api/proposals/", {}, REMOTE_ADDR=sys.argv[3])
    force_authenticate(request, user=Person())
    response = Write.as_view()(request)
    answers.append([response.status_code, response.get("Retry-After")])
print(json.dumps(answers))
"""


def test_two_app_server_processes_share_the_count_through_redis(tmp_path):
    """Two processes (two app servers) count one user's writes together: 20 through the
    first and 11 through the second make 31, and the 31st is refused with Retry-After."""
    import json
    import os
    import subprocess
    import sys
    import uuid

    import redis

    location = "redis://127.0.0.1:6379/14"
    try:
        redis.Redis.from_url(location).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail("Redis must run at 127.0.0.1:6379 (scripts/bootstrap starts it)")
    person = str(10**9 + uuid.uuid4().int % 10**9)  # a key no other run shares
    address = f"10.{uuid.uuid4().int % 250}.0.1"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "two-process-test",
        "ALLOWED_HOSTS": "testserver",
        "CACHE_URL": location,
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    for name in ("RATE_LIMIT_PROPOSALS", "RATE_LIMIT_PROPOSALS_ADDRESS"):
        env.pop(name, None)
    script = tmp_path / "app_server.py"
    script.write_text(APP_SERVER)

    def app_server(n):
        done = subprocess.run(
            [sys.executable, str(script), person, str(n), address],
            env=env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])

    try:
        first = app_server(20)
        second = app_server(11)
    finally:
        keys = [f"throttle:proposals:user:{person}", f"throttle:proposals.address:{address}"]
        redis.Redis.from_url(location).delete(*[f":1:{key}" for key in keys])

    assert [status for status, _wait in first] == [201] * 20
    assert [status for status, _wait in second] == [201] * 10 + [429]
    assert int(second[-1][1]) > 0

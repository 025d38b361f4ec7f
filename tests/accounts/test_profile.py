"""The profile: name and whether it is shown (on every pin, past and future), language
(applied at sign-in), and an e-mail change that takes effect only through its link."""

import pytest
from django.conf import settings

from accounts.models import User
from tests.factories import ProposalFactory, UserFactory

from .conftest import link_in


@pytest.fixture
def anna(db):
    return UserFactory(username="anna", email="anna@example.org")


def _save(client, **changes):
    data = {
        "first_name": "",
        "last_name": "",
        "show_name_publicly": "on",
        "email": "anna@example.org",
        "language": "",
        **changes,
    }
    data = {key: value for key, value in data.items() if value is not None}
    return client.post("/accounts/profile/", data)


def _author_name(client, proposal):
    return client.get(f"/api/proposals/{proposal.pk}/").json()["properties"]["author_name"]


def test_the_name_and_its_visibility_apply_to_pins_made_before(anna, client):
    pin = ProposalFactory(author=anna)
    client.force_login(anna)
    assert _author_name(client, pin) == "anna"
    assert _save(client, first_name="Anna", last_name="Berg").status_code == 302
    assert _author_name(client, pin) == "Anna Berg"
    _save(client, first_name="Anna", last_name="Berg", show_name_publicly=None)
    assert _author_name(client, pin) == "a resident"
    later = ProposalFactory(author=User.objects.get(pk=anna.pk))
    assert _author_name(client, later) == "a resident"
    # The header shows the person their own name, never the pseudonym.
    header = client.get("/").content.decode().split("<main")[0]
    assert "Anna Berg" in header


def test_the_chosen_language_is_applied_at_sign_in(anna, client):
    client.force_login(anna)
    _save(client, language="de")
    client.logout()
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    response = client.post("/accounts/login/", {"username": "anna", "password": "pw-secret-123"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    assert "Karte" in client.get("/").content.decode()


def test_the_language_switch_becomes_the_profiles_language(anna, client):
    client.force_login(anna)
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    anna.refresh_from_db()
    assert anna.language == "de"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    anna.refresh_from_db()
    assert anna.language == "de"


def test_a_new_address_takes_effect_through_its_link_only_once(anna, client, sent):
    client.force_login(anna)
    messages = sent(lambda: _save(client, email="anna.berg@example.org"))
    anna.refresh_from_db()
    assert anna.email == "anna@example.org"
    assert [m.to for m in messages] == [["anna.berg@example.org"]]
    link = link_in(messages[0])
    assert client.post(link).status_code == 302
    anna.refresh_from_db()
    assert anna.email == "anna.berg@example.org" and anna.email_verified
    assert client.post(link).status_code == 400  # used


def test_a_forged_or_tampered_address_link_is_refused(anna, client, sent):
    client.force_login(anna)
    messages = sent(lambda: _save(client, email="anna.berg@example.org"))
    link = link_in(messages[0])
    assert client.post(link.replace("/confirm/", "/confirm/x")).status_code == 400
    assert client.post("/accounts/email/confirm/eyJ1c2VyIjoxfQ:abc:def/").status_code == 400
    anna.refresh_from_db()
    assert anna.email == "anna@example.org"


def test_a_taken_address_is_told_by_email_and_nothing_changes(anna, client, sent):
    UserFactory(email="bert@example.org")
    client.force_login(anna)
    messages = sent(lambda: _save(client, email="Bert@example.org"))
    assert sent.result.status_code == 302
    assert messages[0].extra_headers["X-Stadtmacher-Kind"] == "address_taken"
    anna.refresh_from_db()
    assert anna.email == "anna@example.org"


def test_the_profile_needs_a_signed_in_person(db, client):
    assert client.get("/accounts/profile/").status_code == 302

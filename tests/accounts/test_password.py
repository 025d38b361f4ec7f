"""Password reset by e-mail (Django's views, the site's templates) and change."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator

from tests.factories import UserFactory

from .conftest import link_in

NEW = "a-brand-new-pass-phrase-7"


@pytest.fixture
def anna(db):
    return UserFactory(username="anna", email="anna@example.org")


def _ask_for_a_link(client, sent, email="ANNA@example.org"):
    messages = sent(lambda: client.post("/accounts/password/reset/", {"email": email}))
    assert sent.result.status_code == 302
    return messages


def _set_password(client, link):
    """Follow the e-mailed link (Django moves the token into the session) and set NEW."""
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    return client.post(form_url, {"new_password1": NEW, "new_password2": NEW}), response


def test_a_reset_link_from_the_email_sets_a_new_password_once(anna, client, sent):
    (message,) = _ask_for_a_link(client, sent)
    assert message.to == ["anna@example.org"]
    assert message.extra_headers["X-Stadtmacher-Kind"] == "password_reset"
    link = link_in(message)
    done, _page = _set_password(client, link)
    assert done.status_code == 302 and done["Location"] == "/accounts/password/reset/done/"
    anna.refresh_from_db()
    assert anna.check_password(NEW)
    again = client.get(link, follow=True)
    assert "used already" in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_email(db, client, sent):
    assert _ask_for_a_link(client, sent, email="nobody@example.org") == []


def test_a_forged_reset_link_is_refused(anna, client, sent):
    (message,) = _ask_for_a_link(client, sent)
    link = link_in(message)
    forged = link.rstrip("/").rsplit("-", 1)[0] + "-0123456789abcdef0123456789abcdef/"
    response = client.get(forged, follow=True)
    assert 'name="new_password1"' not in response.content.decode()
    assert "was used already, has expired" in response.content.decode()


def test_an_expired_reset_link_is_refused(anna, client, sent, settings, monkeypatch):
    (message,) = _ask_for_a_link(client, sent)
    later = datetime.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)
    response = client.get(link_in(message), follow=True)
    assert 'name="new_password1"' not in response.content.decode()
    anna.refresh_from_db()
    assert not anna.check_password(NEW)


def test_a_signed_in_person_changes_their_password(anna, client):
    client.force_login(anna)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": "pw-secret-123", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password(NEW)

"""Sign-up with e-mail confirmation; one account per address, case-insensitively; the page
never tells whether an address is taken (the e-mail does)."""

import pytest
from django.db import IntegrityError

from accounts.models import User
from tests.factories import UserFactory

from .conftest import link_in

PASSWORD = "a-long-pass-phrase-42"


def _signup(client, username, email, **extra):
    data = {"username": username, "email": email, "password1": PASSWORD, "password2": PASSWORD}
    return client.post("/accounts/signup/", {**data, **extra})


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_a_new_account_waits_for_the_link_in_the_email(db, client, sent):
    messages = sent(lambda: _signup(client, "nina", "Nina@Example.org"))
    assert sent.result.status_code == 200
    assert "Check your inbox" in sent.result.content.decode()
    user = User.objects.get(username="nina")
    assert not user.is_active and not user.email_verified
    assert [m.to for m in messages] == [["Nina@Example.org"]]
    assert messages[0].extra_headers["X-Stadtmacher-Kind"] == "signup_confirm"
    assert not client.login(username="nina", password=PASSWORD)

    link = link_in(messages[0])
    assert client.get(link).status_code == 200  # a button: opening the link changes nothing
    assert not User.objects.get(pk=user.pk).is_active
    response = client.post(link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.email_verified
    assert client.get("/accounts/profile/").status_code == 200  # signed in

    client.logout()
    again = client.post(link)
    assert again.status_code == 400
    assert "used already" in again.content.decode()


def test_a_forged_confirmation_link_is_refused(db, client, sent):
    messages = sent(lambda: _signup(client, "nina", "nina@example.org"))
    link = link_in(messages[0])
    forged = link.rstrip("/")[:-3] + "abc/"
    assert client.post(forged).status_code == 400
    assert client.post("/accounts/signup/confirm/Zm9v/abc-def/").status_code == 400
    assert not User.objects.get(username="nina").is_active


def test_a_taken_address_gets_the_same_page_and_an_email_saying_so(db, client, sent):
    UserFactory(username="owner", email="anna@example.org")
    new = sent(lambda: _signup(client, "intruder", "ANNA@example.org"))
    taken_page = _main(sent.result)
    fresh = sent(lambda: _signup(client, "someone", "someone@example.org"))
    fresh_page = _main(sent.result)
    assert taken_page.replace("ANNA@example.org", "X") == fresh_page.replace(
        "someone@example.org", "X"
    )
    assert not User.objects.filter(username="intruder").exists()
    assert User.objects.filter(email__iexact="anna@example.org").count() == 1
    assert [m.to for m in new] == [["ANNA@example.org"]]
    assert new[0].extra_headers["X-Stadtmacher-Kind"] == "address_taken"
    assert "account with this address exists" in new[0].body
    assert "/accounts/password/reset/" in new[0].body
    assert fresh[0].extra_headers["X-Stadtmacher-Kind"] == "signup_confirm"


def test_an_unconfirmed_signup_gives_way_to_the_next_one(db, client, sent):
    sent(lambda: _signup(client, "squatter", "anna@example.org"))
    messages = sent(lambda: _signup(client, "anna", "anna@example.org"))
    assert messages[0].extra_headers["X-Stadtmacher-Kind"] == "signup_confirm"
    assert list(
        User.objects.filter(email="anna@example.org").values_list("username", flat=True)
    ) == ["anna"]


def test_the_database_refuses_a_second_account_for_an_address_in_any_case(db):
    UserFactory(email="Anna@Example.org")
    with pytest.raises(IntegrityError):
        UserFactory(email="anna@example.ORG")


def test_accounts_without_an_address_do_not_collide(db):
    UserFactory(email="")
    UserFactory(email="")
    assert User.objects.filter(email="").count() == 2


def test_without_a_mail_server_the_log_gets_the_kind_not_the_address(
    db, client, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "config.mail.CountOnlyEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, "nina", "nina@example.org")
    assert "1 signup_confirm" in caplog.text
    assert "nina@example.org" not in caplog.text

"""A resident's account in a real browser: password reset through the e-mail's link, a
profile change that reaches the pins made before, the data download, and deleting the
account with either choice about the pins."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.core import mail

from accounts.models import User
from proposals.models import Proposal
from proposals.services import comment_create
from tests.factories import ProposalFactory, UserFactory

NEW = "a-brand-new-pass-phrase-7"


@pytest.mark.e2e
def test_password_reset_by_the_link_in_the_email(page, live_server):
    UserFactory(username="anna", email="anna@example.org")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("Anna@example.org")
    page.get_by_role("button", name="Send the link").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()
    (message,) = [m for m in mail.outbox if m.to == ["anna@example.org"]]
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)

    page.goto(live_server.url + path)
    page.locator("#id_new_password1").fill(NEW)
    page.locator("#id_new_password2").fill(NEW)
    page.get_by_role("button", name="Save the password").click()
    page.get_by_role("heading", name="Password saved").wait_for()

    page.get_by_role("link", name="Sign in").last.click()
    page.get_by_label("Username").fill("anna")
    page.get_by_label("Password").fill(NEW)
    page.get_by_role("button", name="Sign in").click()
    page.locator(".whoami").wait_for()
    assert page.locator(".whoami").inner_text() == "anna"

    # The link works once.
    page.goto(live_server.url + path)
    page.get_by_role("heading", name="This link does not work").wait_for()
    assert page.js_errors == []


@pytest.mark.e2e
def test_a_profile_change_reaches_the_pins_made_before(page, live_server, login, resident):
    pin = ProposalFactory(author=resident, title="Benches by the pond")
    login(page, live_server, resident)
    page.goto(live_server.url + f"/proposals/{pin.pk}/")
    assert page.get_by_text(resident.username).count() >= 1

    page.locator(".whoami").click()
    page.get_by_label("First name").fill("Anna")
    page.get_by_label("Last name").fill("Berg")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Your profile is saved.").wait_for()
    page.goto(live_server.url + f"/proposals/{pin.pk}/")
    assert page.get_by_text("Anna Berg").count() >= 1

    page.goto(live_server.url + "/accounts/profile/")
    page.get_by_label("Show my name publicly").uncheck()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Your profile is saved.").wait_for()
    page.goto(live_server.url + f"/proposals/{pin.pk}/")
    main = page.locator("main").inner_text()
    assert "Anna Berg" not in main and "a resident" in main
    # The header still names the person to themself.
    assert page.locator(".whoami").inner_text() == "Anna Berg"


@pytest.mark.e2e
def test_download_my_data(page, live_server, login, resident, other_resident):
    mine = ProposalFactory(author=resident, title="My bench")
    theirs = ProposalFactory(author=other_resident, title="Their tree")
    comment_create(proposal=theirs, author=resident, body="Lovely tree.")
    comment_create(proposal=mine, author=other_resident, body="Not mine to export.")
    login(page, live_server, resident)
    page.goto(live_server.url + "/accounts/profile/")
    page.get_by_role("link", name="Download my data").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the zip").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    pins = json.loads(archive.read("proposals/pins.geojson"))
    assert [f["properties"]["title"] for f in pins["features"]] == ["My bench"]
    assert pins["features"][0]["geometry"]["type"] == "Point"
    comments = json.loads(archive.read("proposals/comments.json"))
    assert [c["body"] for c in comments] == ["Lovely tree."]
    assert json.loads(archive.read("accounts/account.json"))["email"] == resident.email
    everything = b"".join(archive.read(n) for n in archive.namelist()).decode()
    assert other_resident.email not in everything and "Not mine" not in everything


@pytest.mark.e2e
@pytest.mark.parametrize("choice", ["keep", "delete"])
def test_delete_my_account(page, live_server, login, choice):
    anna = UserFactory(username="anna", first_name="Anna", last_name="Berg")
    pin = ProposalFactory(author=anna, title="Benches by the pond")
    login(page, live_server, anna)
    page.goto(live_server.url + "/accounts/profile/")
    page.get_by_role("link", name="Delete my account").click()
    page.locator("#if-keep").get_by_text("Your 1 pin stays").wait_for()
    assert page.locator("#if-delete").get_by_text("1 pin is deleted").count() == 1
    label = "Keep them on the map" if choice == "keep" else "Delete them"
    page.get_by_label(label).check()
    page.get_by_label("Your password, to confirm").fill("pw-secret-123")
    page.get_by_role("button", name="Delete my account now").click()
    page.get_by_text("Your account is deleted.").wait_for()
    assert page.locator(".site-tools").get_by_role("link", name="Sign in").count() == 1

    assert not User.objects.filter(username="anna").exists()
    if choice == "keep":
        page.goto(live_server.url + f"/proposals/{pin.pk}/")
        main = page.locator("main").inner_text()
        assert "deleted user" in main and "Anna" not in main
    else:
        assert not Proposal.objects.filter(pk=pin.pk).exists()

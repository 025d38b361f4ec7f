"""The language switch in the header, in a real browser: without an account it works with no
CSRF token and leaves no cookie but the language (so anonymous pages can be shared, ADR
0017); signed in, it also becomes the profile's language. Either way the map's modules run
under the Content-Security-Policy (the import map is allowed by its hash)."""

import pytest
from django.conf import settings

from tests.factories import ProposalFactory


def the_map_shows_its_pin(page) -> None:
    page.wait_for_function("() => window.stadtmacher?.pins?.features().length === 1")


@pytest.mark.e2e
def test_an_anonymous_reader_switches_the_language(page, live_server):
    ProposalFactory()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    the_map_shows_its_pin(page)
    page.get_by_role("button", name="Deutsch").click()
    page.wait_for_function("() => document.documentElement.lang === 'de'")
    assert page.get_by_role("banner").get_by_role("link", name="Anmelden").is_visible()
    the_map_shows_its_pin(page)
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies == {settings.LANGUAGE_COOKIE_NAME: "de"}
    assert page.js_errors == []


@pytest.mark.e2e
def test_a_signed_in_switch_becomes_the_profiles_language(page, live_server, login, resident):
    ProposalFactory()
    login(page, live_server, resident)
    page.goto(live_server.url + "/")
    the_map_shows_its_pin(page)
    page.get_by_role("button", name="Deutsch").click()
    page.wait_for_function("() => document.documentElement.lang === 'de'")
    the_map_shows_its_pin(page)
    resident.refresh_from_db()
    assert resident.language == "de"
    assert page.js_errors == []

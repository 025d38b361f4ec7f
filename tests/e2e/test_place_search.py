"""Address search and "locate me" on the map, in Chromium, on the demo city's base map."""

import pytest
from django.conf import settings

from basemap.services import basemap_import
from config.csp import policy
from tests.e2e.conftest import _close, _new_page

pytestmark = pytest.mark.e2e

DEMO_BASEMAP = settings.BASE_DIR / "data" / "auenstadt" / "basemap.osm"
LINDENALLEE = (51.3567, 12.3863)  # lat, lon of a point in the demo city, on the Lindenallee


@pytest.fixture
def demo_basemap(transactional_db):
    return basemap_import(path=DEMO_BASEMAP)


def centre(page):
    return page.evaluate(
        "(() => { const c = window.stadtmacher.map.getCenter(); return [c.lat, c.lng]; })()"
    )


def test_a_resident_finds_a_demo_street_with_a_typo_and_pins_there(
    page, live_server, resident, login, demo_basemap
):
    login(page, live_server, resident)
    page.goto(live_server.url + "/")
    search = page.get_by_role("combobox", name="Find a street, address or place")
    search.fill("Lindenalee")  # one l missing
    first = page.get_by_role("option").first
    first.wait_for()
    assert "Lindenallee" in first.inner_text()
    assert search.get_attribute("aria-expanded") == "true"
    search.press("ArrowDown")
    assert search.get_attribute("aria-activedescendant") == "place-search-option-0"
    assert first.get_attribute("aria-selected") == "true"
    search.press("Enter")
    page.locator("#map-status", has_text="The map shows Lindenallee.").wait_for()  # live region
    assert page.locator(".place-search-status").inner_text() == "The map shows Lindenallee."
    assert search.get_attribute("aria-expanded") == "false"
    lat, lon = centre(page)
    assert page.evaluate("window.stadtmacher.map.getZoom()") == 17
    page.get_by_role("button", name="Pin here").click()
    page.locator("#draw-form").wait_for(state="visible")
    assert page.js_errors == []


def test_an_address_with_its_number_is_found(page, live_server, demo_basemap):
    page.goto(live_server.url + "/")
    search = page.get_by_role("combobox", name="Find a street, address or place")
    search.fill("Birkenstrasse 5")
    page.get_by_role("option").first.wait_for()
    assert page.get_by_role("option").first.inner_text().startswith("Birkenstraße 5")
    search.press("Enter")
    assert page.evaluate("window.stadtmacher.map.getZoom()") == 18
    assert page.js_errors == []


def test_locate_me_centres_the_map_when_allowed(browser, live_server, transactional_db):
    page = _new_page(
        browser,
        geolocation={"latitude": LINDENALLEE[0], "longitude": LINDENALLEE[1], "accuracy": 20},
        permissions=["geolocation"],
    )
    try:
        page.goto(live_server.url + "/")
        # As a person would: once the map has loaded (its first pins' announcement would
        # otherwise land after the one under test, in the same status line).
        page.locator("#map-status[data-state=loaded]").wait_for(state="attached")
        page.get_by_role("button", name="Locate me").click()
        page.locator(
            ".locate-status", has_text="The map shows where you are (within about 20 m)."
        ).wait_for()
        assert "The map shows where you are" in page.locator("#map-status").inner_text()
        lat, lon = centre(page)
        assert lat == pytest.approx(LINDENALLEE[0], abs=1e-4)
        assert lon == pytest.approx(LINDENALLEE[1], abs=1e-4)
    finally:
        _close(page)


def test_locate_me_says_when_the_position_is_outside_the_city(
    browser, live_server, transactional_db
):
    page = _new_page(
        browser, geolocation={"latitude": 48.1356, "longitude": 10.07}, permissions=["geolocation"]
    )
    try:
        page.goto(live_server.url + "/")
        before = centre(page)
        page.get_by_role("button", name="Locate me").click()
        page.locator(
            ".locate-status", has_text="You are outside Auenstadt: the map stays where it was."
        ).wait_for()
        assert centre(page) == before
    finally:
        _close(page)


def test_locate_me_says_when_the_browser_may_not_tell(page, live_server):
    page.context.grant_permissions([])  # nothing granted: the browser refuses the position
    page.goto(live_server.url + "/")
    before = centre(page)
    page.get_by_role("button", name="Locate me").click()
    page.locator(
        ".locate-status", has_text="Your browser was not allowed to tell your position."
    ).wait_for()
    assert "not allowed" in page.locator("#map-status").inner_text()
    assert centre(page) == before


def test_an_external_nominatim_geocoder_is_asked_by_the_browser(page, live_server, settings):
    settings.GEOCODER_URL = "https://nominatim.example.org/search"
    settings.GEOCODER_KIND = "nominatim"
    settings.CONTENT_SECURITY_POLICY = policy(tile_url="", geocoder_url=settings.GEOCODER_URL)
    asked = []

    def nominatim(route):
        asked.append(route.request.url)
        body = '[{"display_name": "Markt 1, Auenstadt", "lon": "12.3751", "lat": "51.3449"}]'
        route.fulfill(
            status=200,
            body=body,
            headers={"Content-Type": "application/json", "Access-Control-Allow-Origin": "*"},
        )

    page.route("https://nominatim.example.org/**", nominatim)
    page.goto(live_server.url + "/")
    search = page.get_by_role("combobox", name="Find a street, address or place")
    search.fill("Markt 1")
    page.get_by_role("option", name="Markt 1, Auenstadt").wait_for()
    assert "q=Markt+1" in asked[0] and "format=jsonv2" in asked[0] and "bounded=1" in asked[0]
    search.press("Enter")
    lat, lon = centre(page)
    assert (lat, lon) == (pytest.approx(51.3449, abs=1e-4), pytest.approx(12.3751, abs=1e-4))

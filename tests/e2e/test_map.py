"""The residents' map in a real browser: drawing, popups, filters, language, phone, screenshot."""

import io
import re

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import User
from layers.models import Feature, Layer, LayerKind, LayerState
from proposals.models import Category, Kind, Proposal
from tests.factories import CITY_CENTRE, ProposalFactory

pytestmark = pytest.mark.e2e

XSS = "<img src=x onerror=alert(1)>"


def open_map(page, live_server, query=""):
    page.goto(f"{live_server.url}/{query}")
    # The status line reports when the pins in view have arrived.
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)


def titles_on_map(page) -> list[str]:
    """Titles of the pins the map holds (clustered or not)."""
    return page.evaluate(
        "() => window.stadtmacher.pins.features().map((f) => f.properties.title).sort()"
    )


def zoom_to_a_neighbourhood(page, *, reload=False):
    """Zoom in on the map's centre to where a drawn area stays below CLAIM_MAX_AREA_HA (at
    the city zoom a hand-sized area covers several districts and is refused). With reload,
    the page is loaded again at that view on the city centre, which the map then keeps
    (a view in the address is not refitted to the city)."""
    if reload:
        lon, lat = CITY_CENTRE
        page.evaluate(f"() => {{ location.hash = '#16/{lat}/{lon}'; }}")
        page.reload()
    else:
        page.evaluate(
            "() => { const m = window.stadtmacher.map; "
            "m.setView(m.getCenter(), 16, { animate: false }); }"
        )
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
    page.wait_for_timeout(300)  # let the map settle before drawing
    assert page.evaluate("() => window.stadtmacher.map.getZoom()") == 16


def map_centre(page):
    box = page.locator("#map").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_resident_draws_a_polygon_and_finds_it_on_the_map_and_in_the_list(
    page, live_server, resident, login
):
    login(page, live_server, resident)
    open_map(page, live_server)
    zoom_to_a_neighbourhood(page)
    page.locator(".leaflet-draw-draw-polygon").click()
    x, y = map_centre(page)
    corners = [(x - 70, y - 50), (x + 70, y - 50), (x + 70, y + 50), (x - 70, y + 50)]
    for cx, cy in [*corners, corners[0]]:  # clicking the first corner again closes the area
        page.mouse.click(cx, cy)
        page.wait_for_timeout(150)

    form = page.locator("#draw-form")
    expect(form).to_be_visible()
    page.locator("#draw-form input[name=kind][value=conflict]").check()
    page.select_option("#draw-category", "green_space")
    page.fill("#draw-title", "Keep the meadow by the river")
    page.fill("#draw-description", "Children play here every afternoon.")
    form.locator("button[type=submit]").click()

    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Keep the meadow by the river")
    expect(popup).to_contain_text("Conflict")
    expect(form).to_be_hidden()
    saved = Proposal.objects.get(title="Keep the meadow by the river")
    assert saved.geom.geom_type == "Polygon"
    assert (saved.kind, saved.category, saved.author) == (Kind.CONFLICT, "green_space", resident)

    # After a reload it comes from the API like every other pin ...
    open_map(page, live_server)
    assert "Keep the meadow by the river" in titles_on_map(page)
    # ... and the list shows it too.
    page.locator("#list-link").click()
    expect(page.locator(".results")).to_contain_text("Keep the meadow by the river")
    assert page.js_errors == []


def test_a_rejected_pin_shows_the_api_message_and_keeps_the_drawing(
    page, live_server, resident, login
):
    login(page, live_server, resident)
    open_map(page, live_server)
    page.locator(".leaflet-draw-draw-marker").click()
    page.mouse.click(*map_centre(page))
    expect(page.locator("#draw-form")).to_be_visible()
    page.fill("#draw-title", "   ")  # an empty title is refused, next to the field
    page.select_option("#draw-category", "other")
    page.locator("#draw-form button[type=submit]").click()

    error = page.locator("#draw-title-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("title")
    expect(page.locator("#draw-title")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#draw-form")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon.draft-pin")).to_have_count(1)  # drawing kept
    assert Proposal.objects.count() == 0

    page.fill("#draw-title", "A bench here")
    page.locator("#draw-form button[type=submit]").click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("A bench here")
    expect(page.locator(".leaflet-marker-icon.draft-pin")).to_have_count(0)
    assert Proposal.objects.filter(title="A bench here").exists()


def test_a_keyboard_user_pins_the_centre_of_the_map(page, live_server, resident, login):
    login(page, live_server, resident)
    open_map(page, live_server)
    page.locator("#map").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(500)
    centre = page.evaluate(
        "() => { const c = window.stadtmacher.map.getCenter(); return [c.lng, c.lat]; }"
    )
    page.locator("[data-tool=marker]").focus()
    page.keyboard.press("Enter")  # the Point tool: focus goes to the map, the cross shows
    expect(page.locator("#map")).to_be_focused()
    page.keyboard.press("Enter")  # a point at the cross
    expect(page.locator("#draw-title")).to_be_focused()
    page.keyboard.type("Zebra crossing")
    page.select_option("#draw-category", "mobility")
    page.locator("#draw-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Zebra crossing")
    point = Proposal.objects.get(title="Zebra crossing").geom
    assert point.geom_type == "Point"
    assert abs(point.x - centre[0]) < 1e-5 and abs(point.y - centre[1]) < 1e-5


def test_hostile_title_stays_text_in_the_popup_and_the_list(page, live_server):
    ProposalFactory(title=XSS)
    open_map(page, live_server)
    page.locator(".leaflet-marker-icon.pin-icon").first.click()
    heading = page.locator(".leaflet-popup-content h3")
    expect(heading).to_have_text(XSS)
    assert page.locator(".leaflet-popup-content img").count() == 0

    page.goto(f"{live_server.url}/proposals/")
    expect(page.locator(".results h3")).to_have_text(XSS)
    assert page.locator(".results img").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.js_errors == []


def test_district_names_from_an_imported_layer_stay_text(page, live_server):
    x, y = CITY_CENTRE
    layer = Layer.objects.create(
        name="Districts", slug="districts", kind=LayerKind.DISTRICT, state=LayerState.DONE
    )
    square = Polygon.from_bbox((x - 0.02, y - 0.01, x + 0.02, y + 0.01))
    Feature.objects.create(layer=layer, geom=MultiPolygon(square, srid=4326), name=XSS)
    open_map(page, live_server)
    label = page.locator(".leaflet-districtLabels-pane .city-label")
    expect(label).to_have_text(XSS)
    assert page.locator(".leaflet-districtLabels-pane img").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.js_errors == []


def test_filters_are_shared_by_the_map_and_the_list(page, live_server):
    ProposalFactory(title="Flats on the lot", category=Category.HOUSING)
    ProposalFactory(
        title="Bike lane please",
        category=Category.MOBILITY,
        geom=Point(CITY_CENTRE[0] + 0.01, CITY_CENTRE[1], srid=4326),
    )
    open_map(page, live_server)
    assert titles_on_map(page) == ["Bike lane please", "Flats on the lot"]

    page.locator("input[name=category][value=mobility]").check()
    expect(page).to_have_url(re.compile(rf"^{live_server.url}/\?category=mobility(#.*)?$"))
    page.wait_for_function("() => window.stadtmacher.pins.features().length === 1")
    assert titles_on_map(page) == ["Bike lane please"]
    expect(page.locator(".leaflet-marker-icon.pin-icon")).to_have_count(1)

    page.locator("#list-link").click()
    expect(page).to_have_url(f"{live_server.url}/proposals/?category=mobility")
    expect(page.locator(".results")).to_contain_text("Bike lane please")
    expect(page.locator(".results")).not_to_contain_text("Flats on the lot")
    expect(page.locator("input[name=category][value=mobility]")).to_be_checked()


def test_moving_the_map_asks_for_the_pins_in_view_once_it_settles(page, live_server):
    ProposalFactory(title="Flats on the lot")
    open_map(page, live_server)
    urls = []
    page.on("request", lambda r: urls.append(r.url) if "/api/proposals/" in r.url else None)
    page.evaluate(
        """() => {
            const map = window.stadtmacher.map;
            for (let i = 0; i < 5; i++) map.panBy([30, 0], { animate: false });
        }"""
    )
    page.wait_for_timeout(1000)
    assert len(urls) == 1  # five moves, one request (debounced)
    assert "bbox=" in urls[0]
    assert titles_on_map(page) == ["Flats on the lot"]


def test_language_switch_changes_the_interface_language(page, live_server):
    page.goto(f"{live_server.url}/proposals/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page).to_have_url(f"{live_server.url}/proposals/")
    expect(page.get_by_role("button", name="English")).to_be_visible()
    expect(page.locator(".site-nav")).to_contain_text("Karte")
    expect(page.locator("h1")).to_contain_text("Vorschläge und Konflikte")
    page.get_by_role("button", name="English").click()
    expect(page.locator(".site-nav")).to_contain_text("Map")


def test_map_is_usable_on_a_phone(phone_page, live_server, resident, login):
    page = phone_page
    ProposalFactory(title="Shade for the playground")
    login(page, live_server, resident)
    open_map(page, live_server)

    # Nothing wider than the screen; the map fills most of it and is on screen at once.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    box = page.locator("#map").bounding_box()
    assert box["width"] >= 380 and box["height"] >= 400 and box["y"] < 200

    page.locator(".leaflet-marker-icon.pin-icon").first.tap()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Shade for the playground")
    page.locator(".leaflet-popup-close-button").tap()
    expect(page.locator(".leaflet-popup")).to_have_count(0)

    # Draw an area with taps.
    zoom_to_a_neighbourhood(page, reload=True)
    page.locator(".leaflet-draw-draw-polygon").tap()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    corners = [(x - 60, y - 60), (x + 60, y - 60), (x + 60, y + 60), (x - 60, y + 60)]
    for cx, cy in [*corners, corners[0]]:
        page.touchscreen.tap(cx, cy)
        page.wait_for_timeout(200)
    expect(page.locator("#draw-form")).to_be_visible()
    page.fill("#draw-title", "Pocket park")
    page.select_option("#draw-category", "green_space")
    page.locator("#draw-form button[type=submit]").tap()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Pocket park")
    assert Proposal.objects.get(title="Pocket park").geom.num_coords == 5
    assert page.js_errors == []


def test_on_a_phone_a_city_wide_area_is_refused_and_the_city_scope_works(
    phone_page, live_server, resident, login
):
    page = phone_page
    login(page, live_server, resident)
    open_map(page, live_server)
    box = page.locator("#map").bounding_box()
    # At the city zoom a thumb-sized square covers square kilometres.
    page.locator(".leaflet-draw-draw-polygon").tap()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    corners = [(x - 80, y - 80), (x + 80, y - 80), (x + 80, y + 80), (x - 80, y + 80)]
    for cx, cy in [*corners, corners[0]]:
        page.touchscreen.tap(cx, cy)
        page.wait_for_timeout(200)
    page.fill("#draw-title", "Mehr Bäume überall")
    page.select_option("#draw-category", "green_space")
    page.locator("#draw-form button[type=submit]").tap()
    error = page.locator("#draw-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("ha")
    expect(error).to_contain_text("25 ha")
    assert Proposal.objects.count() == 0

    # The offered alternative: the whole city, without the drawing.
    page.locator("#draw-form input[name=scope][value=city]").check()
    page.locator("#draw-form button[type=submit]").tap()
    expect(page.locator("#draw-form")).to_be_hidden()
    expect(page.locator("#wide-claims")).to_contain_text("Mehr Bäume überall")
    expect(page.get_by_role("link", name="Mehr Bäume überall")).to_be_focused()
    saved = Proposal.objects.get(title="Mehr Bäume überall")
    assert saved.scope == "city"
    assert "Mehr Bäume überall" not in titles_on_map(page)
    assert page.js_errors == []


def test_screenshot_of_the_map_with_the_demo_city(page, live_server, artifacts, login):
    """Writes artifacts/map.png; a good one is copied to docs/img/map.png for the README."""
    call_command("demo_city", limit=300, stdout=io.StringIO())
    login(page, live_server, User.objects.get(username="anna"))  # a demo resident
    open_map(page, live_server)
    page.wait_for_timeout(800)  # let the chunked clusters settle
    target = artifacts / "map.png"
    page.screenshot(path=target)
    assert target.stat().st_size > 50_000


def test_resident_supports_and_comments_on_a_pin_page(page, live_server, other_resident, login):
    proposal = ProposalFactory(title="Trees for the square")
    login(page, live_server, other_resident)
    page.goto(f"{live_server.url}/proposals/{proposal.pk}/")
    expect(page.locator("#support-count")).to_have_text("0")

    page.get_by_role("button", name="I support this").click()
    expect(page.locator("#support-count")).to_have_text("1")
    page.get_by_role("button", name="Take back my support").click()
    expect(page.locator("#support-count")).to_have_text("0")

    page.fill("#comment-body", XSS)
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".comments .body")).to_have_text(XSS)
    assert proposal.comments.get().body == XSS
    assert page.dialogs == [] and page.js_errors == []


def test_author_edits_and_withdraws_and_a_moderator_hides(
    page, live_server, resident, moderator, login
):
    mine = ProposalFactory(author=resident, title="Old title")
    login(page, live_server, resident)
    page.goto(f"{live_server.url}/proposals/{mine.pk}/")
    page.get_by_text("Edit your pin").click()
    page.fill("#edit-title", "   ")  # passes the browser check, not the API's
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#edit-title-error")).to_contain_text("title")  # API message, by the field
    page.fill("#edit-title", "New title")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("h1")).to_have_text("New title")

    # The pin's page links to the big map, centred on the pin.
    page.locator("#pin-on-map").click()
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached()
    centre = page.evaluate("() => window.stadtmacher.map.getCenter().lng.toFixed(3)")
    assert centre == f"{mine.geom.x:.3f}"
    page.go_back()

    page.get_by_text("Withdraw your pin").click()
    page.get_by_role("button", name="Withdraw this pin").click()
    expect(page).to_have_url(f"{live_server.url}/")
    mine.refresh_from_db()
    assert (mine.title, mine.status) == ("New title", "withdrawn")

    theirs = ProposalFactory(title="Spam")
    page.context.clear_cookies()
    login(page, live_server, moderator)
    page.goto(f"{live_server.url}/proposals/{theirs.pk}/")
    page.get_by_text("Hide (moderation)").click()
    page.fill("#hide-reason", "Advertising")
    page.get_by_role("button", name="Hide this pin").click()
    expect(page.locator(".notice")).to_contain_text("Advertising")
    theirs.refresh_from_db()
    assert (theirs.status, theirs.hidden_reason) == ("hidden", "Advertising")
    page.get_by_role("button", name="Put this pin back on the map").click()
    expect(page.locator(".notice")).to_have_count(0)
    theirs.refresh_from_db()
    assert theirs.status == "active"

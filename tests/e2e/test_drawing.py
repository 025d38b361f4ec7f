"""Drawing for everyone: with the keyboard only (crosshair, keys, live region), and on a phone
(the form opens in view); the form's errors sit next to their fields in plain words."""

import pytest
from playwright.sync_api import expect

from proposals.models import Proposal

from .test_map import open_map, zoom_to_a_neighbourhood

pytestmark = pytest.mark.e2e


def tab_to(page, selector, *, limit=40) -> int:
    """Press Tab from the top of the page until `selector` has focus; the number of presses."""
    page.locator("body").focus()
    page.evaluate("() => document.activeElement.blur()")
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return count
    raise AssertionError(f"{selector} not reached in {limit} Tab presses")


def status(page):
    return page.locator("#draw-status")


def press(page, key, times=1):
    """Press `key`; arrow keys wait for the map's pan animation, which ignores keys meanwhile."""
    for _ in range(times):
        page.keyboard.press(key)
        page.wait_for_timeout(350 if key.startswith("Arrow") else 60)


def describe_and_publish(page, title, category):
    expect(page.locator("#draw-title")).to_be_focused()
    page.keyboard.type(title)
    page.locator("#draw-category").focus()
    page.select_option("#draw-category", category)
    page.locator("#draw-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#draw-form")).to_be_hidden()
    popup = page.locator(".leaflet-popup-content .popup", has_text=title)
    expect(popup).to_be_focused()  # focus lands on the new pin


def test_a_keyboard_only_user_draws_a_line_and_an_area_and_publishes_them(
    page, live_server, resident, login
):
    login(page, live_server, resident)
    open_map(page, live_server)
    zoom_to_a_neighbourhood(page)
    # The drawing tools are within the first few Tab stops: a skip link leads to them.
    assert tab_to(page, "a.skip-link[href='#draw-heading']") <= 2
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator("[data-tool=marker]")).to_be_focused()

    # A line: the Line button, then Enter at the cross, move, Enter, F.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#map")).to_be_focused()
    expect(page.locator(".draw-crosshair")).to_be_visible()
    expect(status(page)).to_contain_text("Drawing a line")
    press(page, "Enter")
    expect(status(page)).to_contain_text("Point 1 of the line added")
    press(page, "f")
    expect(status(page)).to_contain_text("A line needs at least 2 points")
    press(page, "ArrowRight", 3)
    press(page, "Enter")
    expect(status(page)).to_contain_text("Point 2 of the line added")
    press(page, "f")
    expect(page.locator(".draw-crosshair")).to_be_hidden()
    describe_and_publish(page, "Cycle lane along the river", "mobility")

    # An area: Enter, move, Enter, move, Enter (a wrong corner), Backspace, Enter, F.
    tab_to(page, "[data-tool=polygon]")
    page.keyboard.press("Enter")
    expect(status(page)).to_contain_text("Drawing an area")
    press(page, "Enter")
    press(page, "Enter")
    expect(status(page)).to_contain_text("There is a point here already")
    press(page, "ArrowRight", 2)
    press(page, "Enter")
    press(page, "ArrowUp", 4)
    press(page, "Enter")
    expect(status(page)).to_contain_text("Corner 3 of the area added")
    press(page, "Backspace")
    expect(status(page)).to_contain_text("2 left")
    press(page, "ArrowDown", 2)
    press(page, "Enter")
    press(page, "f")
    describe_and_publish(page, "A square for the market", "public_space")

    line = Proposal.objects.get(title="Cycle lane along the river")
    area = Proposal.objects.get(title="A square for the market")
    assert (line.geom.geom_type, line.geom.num_coords) == ("LineString", 2)
    assert (area.geom.geom_type, area.geom.num_coords) == ("Polygon", 4)  # 3 corners, closed
    assert (line.category, area.category) == ("mobility", "public_space")
    assert page.js_errors == []


def test_escape_cancels_a_keyboard_drawing_and_says_so(page, live_server, resident, login):
    login(page, live_server, resident)
    open_map(page, live_server)
    page.locator("[data-tool=polygon]").focus()
    page.keyboard.press("Enter")
    press(page, "Enter")
    press(page, "Escape")
    expect(status(page)).to_contain_text("Drawing cancelled")
    expect(page.locator("[data-tool=polygon]")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#draw-form")).to_be_hidden()


def test_the_form_shows_errors_next_to_their_fields_in_plain_words(
    page, live_server, resident, login
):
    login(page, live_server, resident)
    open_map(page, live_server)
    page.locator("[data-tool=marker]").click()
    page.keyboard.press("Enter")  # the point at the cross
    expect(page.locator("#draw-category")).to_have_value("")  # nothing chosen for the resident
    page.fill("#draw-title", "x" * 205)
    expect(page.locator("#draw-title-count")).to_contain_text("5 characters too many")
    page.locator("#draw-form button[type=submit]").click()
    expect(page.locator("#draw-category-error")).to_have_text("Choose a category.")
    expect(page.locator("#draw-title-error")).to_contain_text("At most 200 characters")
    expect(page.locator("#draw-category")).to_be_focused()
    assert Proposal.objects.count() == 0

    # A point outside the city, named by the city's name, not in coordinates.
    page.locator("#draw-cancel").click()
    page.evaluate("() => window.stadtmacher.map.setView([51.2, 12.1], 14, { animate: false })")
    page.locator("[data-tool=marker]").click()
    page.keyboard.press("Enter")
    page.fill("#draw-title", "Far away")
    page.select_option("#draw-category", "other")
    page.locator("#draw-form button[type=submit]").click()
    error = page.locator("#draw-error")
    expect(error).to_contain_text("This point is outside Auenstadt.")
    expect(error).not_to_contain_text("51.")
    assert Proposal.objects.count() == 0


def test_on_a_phone_finishing_an_area_opens_the_form_in_view(
    phone_page, live_server, resident, login
):
    page = phone_page
    login(page, live_server, resident)
    open_map(page, live_server)
    zoom_to_a_neighbourhood(page, reload=True)
    box = page.locator("#map").bounding_box()
    page.locator(".leaflet-draw-draw-polygon").tap()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    corners = [(x - 60, y - 60), (x + 60, y - 60), (x + 60, y + 60), (x - 60, y + 60)]
    for cx, cy in [*corners, corners[0]]:
        page.touchscreen.tap(cx, cy)
        page.wait_for_timeout(200)
    form = page.locator("#draw-form")
    expect(form).to_be_in_viewport()
    expect(page.locator("#draw-title")).to_be_focused()
    expect(page.locator("#draw-title")).to_be_in_viewport()
    sheet = form.bounding_box()
    assert sheet["y"] + sheet["height"] <= 844 + 1 and sheet["y"] > 150
    page.fill("#draw-title", "Pocket park")
    page.select_option("#draw-category", "green_space")
    page.locator("#draw-form button[type=submit]").tap()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Pocket park")
    expect(form).to_be_hidden()
    assert page.js_errors == []

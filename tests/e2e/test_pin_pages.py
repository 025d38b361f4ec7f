"""The list's sort order, the 403 page a resident meets on the planner page, the success
messages after a change, zone codes explained and moving a pin with the keyboard."""

from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone
from playwright.sync_api import expect

from proposals.models import Proposal
from tests.factories import CITY_CENTRE, ProposalFactory

from .test_drawing import press

pytestmark = pytest.mark.e2e


def result_titles(page) -> list[str]:
    return page.locator(".results h3").all_inner_texts()


def test_the_list_sorts_by_newest_most_supported_and_most_discussed(page, live_server):
    now = timezone.now()
    for title, age, supports, comments in [
        ("Old but loved", 30, 12, 1),
        ("Much discussed", 20, 2, 40),
        ("Brand new", 1, 0, 0),
    ]:
        pin = ProposalFactory(title=title, support_count=supports, comment_count=comments)
        Proposal.objects.filter(pk=pin.pk).update(created_at=now - timedelta(days=age))
    page.goto(f"{live_server.url}/proposals/")
    assert result_titles(page) == ["Brand new", "Much discussed", "Old but loved"]

    page.select_option("#filter-sort", "supported")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(f"{live_server.url}/proposals/?q=&kind=&sort=supported")
    assert result_titles(page) == ["Old but loved", "Much discussed", "Brand new"]
    expect(page.locator("#filter-sort")).to_have_value("supported")

    # The order is in the address like the filters: a shared link keeps it.
    page.goto(f"{live_server.url}/proposals/?sort=discussed&kind=proposal")
    assert result_titles(page) == ["Much discussed", "Old but loved", "Brand new"]
    # A wrong value is explained, not ignored.
    page.goto(f"{live_server.url}/proposals/?sort=loudest")
    expect(page.locator(".errorlist")).to_contain_text("newest, supported, discussed")


def test_a_resident_on_the_planner_page_is_told_which_role_it_needs(
    page, live_server, resident, login
):
    login(page, live_server, resident)
    response = page.goto(f"{live_server.url}/planner/")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("This page is not open to you")
    expect(page.locator("#refusal")).to_have_text("The planner page is for planners.")
    expect(page.locator(".site-nav")).not_to_contain_text("Planner")  # not offered either
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("#refusal")).to_have_text("Die Planungsseite ist für Planer*innen.")
    expect(page.locator(".site-header")).to_be_visible()


def test_success_is_said_after_supporting_saving_and_withdrawing(
    page, live_server, resident, other_resident, login
):
    theirs = ProposalFactory(title="Trees for the square")
    login(page, live_server, other_resident)
    page.goto(f"{live_server.url}/proposals/{theirs.pk}/")
    page.get_by_role("button", name="I support this").click()
    expect(page.locator("#flash")).to_contain_text("you support this pin now")

    mine = ProposalFactory(author=resident, title="Old title")
    page.context.clear_cookies()
    login(page, live_server, resident)
    page.goto(f"{live_server.url}/proposals/{mine.pk}/")
    page.get_by_text("Edit your pin").click()
    page.fill("#edit-title", "New title")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#flash")).to_have_text("Your changes are saved.")
    expect(page.locator("h1")).to_have_text("New title")
    page.reload()
    expect(page.locator("#flash")).to_be_empty()  # said once

    page.get_by_text("Withdraw your pin").click()
    page.get_by_role("button", name="Withdraw this pin").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("#flash")).to_contain_text("Your pin is withdrawn.")


def test_the_author_moves_a_pin_with_the_keyboard(page, live_server, resident, login):
    lon, lat = CITY_CENTRE
    mine = ProposalFactory(author=resident, title="Bench", geom=Point(lon, lat, srid=4326))
    login(page, live_server, resident)
    page.goto(f"{live_server.url}/proposals/{mine.pk}/")
    page.get_by_text("Change the place of your pin").click()
    page.locator("#edit-place [data-tool=marker]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#small-map")).to_be_focused()
    expect(page.locator("#small-map .draw-crosshair")).to_be_visible()
    press(page, "ArrowRight", 2)
    page.keyboard.press("Enter")
    expect(page.locator("#flash")).to_have_text("The new place of your pin is saved.")
    mine.refresh_from_db()
    assert mine.geom.x > lon + 1e-5 and mine.geom.y == pytest.approx(lat, abs=1e-5)
    assert page.js_errors == []

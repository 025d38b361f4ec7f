"""A whole negotiation round in a real browser: open, positions, close, outcome on the pin."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from negotiations.models import Option, Position, Round, State
from proposals.models import Category, Kind
from tests.factories import ProposalFactory
from tests.negotiations.factories import cluster_create, round_create, square


@pytest.mark.e2e
def test_mediator_runs_a_round_from_cluster_to_outcome(
    browser, page, live_server, login, mediator, resident, other_resident
):
    homes = ProposalFactory(author=resident, geom=square(), title="Homes on the depot")
    meadow = ProposalFactory(
        author=other_resident,
        geom=square(0.0005),
        category=Category.GREEN_SPACE,
        kind=Kind.CONFLICT,
        title="Keep the meadow",
    )
    cluster_create([homes, meadow], score=7.5)

    # The mediator opens a round from the review queue and adds an option with a point drawn.
    login(page, live_server, mediator)
    page.goto(live_server.url + reverse("frontend:review"))
    card = page.locator(".review-card").first
    card.locator(".leaflet-interactive").first.wait_for()  # the small map drew the claims
    card.get_by_label("Title").fill("Depot: homes or meadow?")
    card.get_by_role("button", name="Open a negotiation round").click()
    page.wait_for_url("**/rounds/*/")
    negotiation_round = Round.objects.get()
    assert negotiation_round.state == State.OPEN
    page.get_by_label("Title", exact=True).fill("Homes on the edge, meadow in the middle")
    page.locator(".leaflet-draw-draw-marker").click()
    page.locator("#round-map").click(position={"x": 200, "y": 150})
    page.get_by_text("Compromise geometry drawn").wait_for()
    page.get_by_role("button", name="Add option").click()
    page.locator(".option h3", has_text="meadow in the middle").wait_for()
    option = Option.objects.get()
    assert option.geom is not None and option.geom.geom_type == "Point"

    # Two residents give their positions; one objects with a reason.
    for user, stance, reason in (
        (resident, "Support", ""),
        (other_resident, "Object", "The meadow shrinks by half."),
    ):
        resident_page = browser.new_page(locale="en-US")
        login(resident_page, live_server, user)
        resident_page.goto(
            live_server.url + reverse("frontend:round-detail", args=[negotiation_round.pk])
        )
        form = resident_page.locator(f"#option-{option.pk} form")
        form.get_by_role("radio", name=stance).check()
        if reason:
            form.get_by_role("textbox", name="Reason").fill(reason)
        form.get_by_role("button", name="Save my position").click()
        resident_page.get_by_text("is saved").wait_for()
        resident_page.context.close()
    assert Position.objects.get(stance="object").reason == "The meadow shrinks by half."

    # The mediator sees the objection in the consent matrix and closes with an outcome.
    page.reload()
    matrix = page.locator("#consent-matrix")
    assert "The meadow shrinks by half." in matrix.inner_text()
    close = page.locator("#close-form")
    close.get_by_label("Chosen option").select_option(str(option.pk))
    close.get_by_label("Summary of the outcome").fill("Homes along the street, meadow stays.")
    close.get_by_label("Homes on the depot", exact=True).select_option("modified")
    close.get_by_label("Keep the meadow", exact=True).select_option("adopted")
    close.get_by_role("button", name="Close the round").click()
    page.locator(".round-state", has_text="Closed").wait_for()
    negotiation_round.refresh_from_db()
    assert negotiation_round.state == State.CLOSED

    # The pin's page shows the outcome, to anyone.
    visitor = browser.new_page(locale="en-US")
    visitor.goto(live_server.url + reverse("frontend:proposal-detail", args=[meadow.pk]))
    status = visitor.locator(".negotiation-status")
    assert "Adopted" in status.inner_text()
    assert "meadow stays" in status.inner_text()
    visitor.context.close()
    assert page.js_errors == [] and page.dialogs == []


@pytest.mark.e2e
def test_the_round_pages_drawing_tools_speak_german(browser, live_server, login, mediator):
    from .conftest import _close, _new_page

    negotiation_round = round_create(mediator=mediator, title="Depot")
    page = _new_page(browser, locale="de-DE", extra_http_headers={"Accept-Language": "de"})
    login(page, live_server, mediator)
    page.goto(live_server.url + reverse("frontend:round-detail", args=[negotiation_round.pk]))
    polygon = page.locator(".leaflet-draw-draw-polygon")
    expect(polygon).to_have_attribute("title", "Fläche zeichnen")
    polygon.click()
    expect(page.locator(".leaflet-draw-tooltip")).to_contain_text("Klicken oder tippen")
    _close(page)

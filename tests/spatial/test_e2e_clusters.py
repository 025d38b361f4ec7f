"""The cluster page, a cluster's page and the cluster layer on the main map, in Chromium."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import artifacts, browser, login, page  # noqa: F401  (shared fixtures)

from .claims import create

pytestmark = pytest.mark.e2e
CONTESTED, CONVERGENT = "#C0392B", "#0072B2"


def test_planner_sees_contested_clusters_first_and_opens_one(
    page,  # noqa: F811  (the shared fixture imported above)
    live_server,
    resident,
    other_resident,
    artifacts,  # noqa: F811
):
    create(resident, "POLYGON ((0 0, 300 0, 300 300, 0 300, 0 0))", category="housing")
    create(
        other_resident,
        "POLYGON ((150 0, 450 0, 450 300, 150 300, 150 0))",
        category="green_space",
        kind="conflict",
    )
    create(resident, "POINT (0 1500)", category="mobility")
    create(other_resident, "POINT (6 1500)", category="mobility")

    page.goto(f"{live_server.url}/clusters/")
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
    items = page.locator(".cluster-item")
    expect(items).to_have_count(2)
    expect(items.first).to_have_class("cluster-item contested")
    expect(items.first).to_contain_text("green space against housing on 4.5 ha")
    expect(items.nth(1)).to_contain_text("2 people want mobility here")
    expect(page.locator(f'.leaflet-overlay-pane path[stroke="{CONTESTED}"]')).to_have_count(1)
    expect(page.locator(f'.leaflet-overlay-pane path[stroke="{CONVERGENT}"]')).to_have_count(1)
    page.screenshot(path=artifacts / "clusters.png")

    items.first.locator("a").click()
    expect(page.locator("#cluster-explanation")).to_contain_text("1 conflict against 1 proposal")
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
    expect(page.locator(".member-list li")).to_have_count(2)

    # The main map offers the clusters as a layer to switch on.
    page.goto(f"{live_server.url}/")
    page.locator(".leaflet-control-layers").hover()
    page.get_by_label("Clusters").check()
    expect(page.locator(f'.leaflet-overlay-pane path[stroke="{CONTESTED}"]')).to_have_count(1)
    assert page.js_errors == []

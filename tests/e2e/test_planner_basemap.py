"""The planner page's base-map form in a real browser: a wrong file is explained and
changes nothing, the real extract becomes the base map and the summary says so."""

import pytest
from playwright.sync_api import expect

from basemap.models import BasemapVersion
from tests.basemap.conftest import EXTRACT, KIRCHBERG

pytestmark = pytest.mark.e2e


def test_planner_imports_an_osm_extract_as_the_base_map(
    page, live_server, planner, login, settings, tmp_path
):
    settings.CITY_BBOX = KIRCHBERG  # the extract's neighbourhood is the city here
    wrong = tmp_path / "zones.osm"
    wrong.write_text('{"type": "FeatureCollection", "features": []}')
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    expect(page.locator("#basemap-none")).to_be_visible()

    page.set_input_files("#basemap-file", str(wrong))
    page.click("#basemap-submit")

    expect(page.locator("#basemap-error")).to_contain_text("Nothing was changed")
    expect(page.locator("#basemap-error")).to_contain_text("its content does not match")
    assert not BasemapVersion.objects.exists()

    page.set_input_files("#basemap-file", str(EXTRACT))
    page.click("#basemap-submit")

    expect(page.locator("#basemap-status")).to_contain_text(
        "Imported kirchberg_iller.osm: 46 map features, 19 places in the search", timeout=20_000
    )
    expect(page.locator("#basemap-error")).to_be_hidden()
    expect(page.locator("#basemap-current [data-basemap=features]")).to_have_text("46")
    expect(page.locator("#basemap-current [data-basemap=attribution]")).to_contain_text(
        "OpenStreetMap"
    )
    assert BasemapVersion.objects.get().source == "kirchberg_iller.osm"

    page.reload()
    expect(page.locator("#basemap-current [data-basemap=source]")).to_have_text(
        "kirchberg_iller.osm"
    )
    expect(page.locator("#basemap-current [data-basemap=places]")).to_have_text("19")

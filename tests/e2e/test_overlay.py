"""District and zoning on the residents' map in a real browser: popup badge and filters."""

import re

import pytest
import shapely
from playwright.sync_api import expect

from layers.services import layer_import, zoning_rules_set
from proposals.services import proposal_create
from tests.layers.files import at, frame, square, to_lonlat, write_gpkg, zones_frame

from .test_map import open_map, titles_on_map

pytestmark = pytest.mark.e2e


@pytest.fixture
def zoned_pins(tmp_path, resident):
    """Housing is allowed in zone WA (district Nord), not in GE (district Süd)."""
    zones = write_gpkg(tmp_path / "zones.gpkg", {"zones": zones_frame()})
    zoning = layer_import(
        path=zones, name="Zoning", kind="zoning", zone_field="zone", in_effect=True
    )
    zoning_rules_set(
        layer=zoning, matrix={"WA": {"housing": "compatible"}, "GE": {"housing": "incompatible"}}
    )
    districts = frame(
        [
            {"name": "Nord", "geometry": square(0, 0, 100)},
            {"name": "Süd", "geometry": square(100, 0, 100)},
        ]
    )
    path = write_gpkg(tmp_path / "districts.gpkg", {"districts": districts})
    layer_import(path=path, name="Districts", kind="district", name_field="name")

    def pin(title, x, y):
        return proposal_create(
            author=resident,
            kind="proposal",
            category="housing",
            title=title,
            geom=to_lonlat(shapely.Point(at(x, y))),
        )

    return {"wa": pin("Homes in WA", 50, 50), "ge": pin("Homes in GE", 150, 50)}


def test_popup_of_a_pin_zoning_forbids_shows_the_badge_and_filters_narrow_the_map(
    page, live_server, zoned_pins
):
    geom = zoned_pins["ge"].geom
    open_map(page, live_server, f"#18/{geom.y:.6f}/{geom.x:.6f}")
    assert titles_on_map(page) == ["Homes in GE", "Homes in WA"]

    page.locator('.leaflet-marker-icon[title="Homes in GE"]').click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup.locator(".compat.compat-incompatible")).to_have_text("Not allowed by zoning")
    expect(popup).to_contain_text("District: Süd")

    page.select_option("#filter-compatibility", "incompatible")
    expect(page).to_have_url(re.compile(r"\?compatibility=incompatible(#.*)?$"))
    page.wait_for_function("() => window.stadtmacher.pins.features().length === 1")
    assert titles_on_map(page) == ["Homes in GE"]

    page.select_option("#filter-compatibility", "")
    page.select_option("#filter-district", label="Nord")
    page.wait_for_function(
        "() => window.stadtmacher.pins.features().map((f) => f.properties.title).join() "
        "=== 'Homes in WA'"
    )
    page.locator("#list-link").click()
    expect(page.locator(".results")).to_contain_text("Homes in WA")
    expect(page.locator(".results")).not_to_contain_text("Homes in GE")
    expect(page.locator("#filter-district option:checked")).to_have_text("Nord")
    assert page.js_errors == []

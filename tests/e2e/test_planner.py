"""The planner page in a real browser: upload a zoning file, watch it import, see it mapped."""

import json
import re

import pyogrio
import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from layers.models import Layer, LayerState, ProposalOverlay
from layers.services import layer_import, zoning_rules_set
from proposals.services import proposal_create
from tests.layers.planner_data import district_layer, proposal_at, zoning_layer

pytestmark = pytest.mark.e2e

# Three zones side by side in the middle of the demo city (lon/lat, EPSG:4326).
ZONES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"zone": code, "label": f"Zone {code}"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[x0, 51.33], [x0 + 0.02, 51.33], [x0 + 0.02, 51.36], [x0, 51.36], [x0, 51.33]]
                ],
            },
        }
        for code, x0 in (("WA", 12.33), ("MI", 12.35), ("GR", 12.37))
    ],
}


@pytest.fixture
def zoning_file(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads wait here for the importer
    path = tmp_path / "bebauungsplan.geojson"
    path.write_text(json.dumps(ZONES))
    return path


def test_a_layer_outside_the_city_is_refused_with_the_reason_until_confirmed(
    page, live_server, planner, login, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    swapped = json.loads(json.dumps(ZONES))
    for feature in swapped["features"]:
        ring = feature["geometry"]["coordinates"][0]
        feature["geometry"]["coordinates"] = [[[lat, lon] for lon, lat in ring]]
    path = tmp_path / "swapped.geojson"
    path.write_text(json.dumps(swapped))
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")

    page.set_input_files("#import-file", str(path))
    expect(page.locator("#import-fields option[value=zone]")).to_be_attached()
    page.select_option("#import-kind", "zoning")
    page.fill("#import-zone-field", "zone")
    expect(page.locator("#import-confirm-field")).to_be_hidden()
    page.click("#import-submit")

    expect(page.locator("#import-error")).to_contain_text("x and y are swapped")
    assert not Layer.objects.exists()
    page.check("#import-confirm-outside")
    page.click("#import-submit")

    expect(page.locator("#import-progress-box")).to_have_attribute(
        "data-state", "done", timeout=20_000
    )
    expect(page.locator("#import-report [data-report=location]")).to_contain_text(
        "100% of the features lie outside"
    )
    expect(page.locator("#import-report [data-report=outside-city]")).to_contain_text("3 of 3")


def paths_in_reference_pane(page) -> int:
    return page.locator(".leaflet-referenceLayers-pane path").count()


def test_planner_uploads_zoning_file_sees_progress_report_and_layer_on_maps(
    page, live_server, planner, login, zoning_file
):
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    expect(page.locator("#layer-rows")).to_contain_text("No layers yet")

    page.set_input_files("#import-file", str(zoning_file))
    # The file is inspected: its attribute names are offered for the zone code.
    expect(page.locator("#import-fields option[value=zone]")).to_be_attached()
    expect(page.locator("#import-name")).to_have_value("bebauungsplan")
    page.fill("#import-name", "Bebauungsplan Mitte")
    page.select_option("#import-kind", "zoning")
    page.fill("#import-zone-field", "zone")
    page.click("#import-submit")

    box = page.locator("#import-progress-box")
    expect(box).to_have_attribute("data-state", "done", timeout=20_000)
    expect(page.locator("#import-progress")).to_have_js_property("value", 100)
    expect(page.locator("#import-status")).to_contain_text("3 features")
    expect(page.locator("#import-report")).to_contain_text("imported: 3")

    layer = Layer.objects.get(name="Bebauungsplan Mitte")
    assert layer.state == LayerState.DONE and layer.feature_count == 3
    row = page.locator(f"#layer-rows tr[data-slug={layer.slug}]")
    expect(row).to_contain_text("Bebauungsplan Mitte")
    expect(row.locator("input[type=checkbox]")).to_be_checked()
    # Drawn on the planner's map, coloured by zone code, with its legend.
    expect(page.locator("#planner-map .leaflet-referenceLayers-pane path")).to_have_count(3)
    expect(page.locator("#zone-legend")).to_contain_text("GR")
    # The rule matrix offers the three zone codes.
    expect(page.locator("#rule-matrix tbody tr")).to_have_count(3)
    page.select_option("#rule-matrix select[data-zone=GR][data-category=housing]", "incompatible")
    page.click("#rules-form button[type=submit]")
    expect(page.locator("#rules-status")).to_contain_text("saved")
    assert layer.rules.get(zone_code="GR", category="housing").verdict == "incompatible"

    # On the residents' map the layer is a switchable overlay under the pins.
    page.goto(f"{live_server.url}/")
    control = page.locator(".leaflet-control-layers")
    control.hover()
    overlay = control.locator("label", has_text="Bebauungsplan Mitte")
    expect(overlay).to_be_visible()
    overlay.locator("input").check()
    expect(page.locator("#map .leaflet-referenceLayers-pane path")).to_have_count(3)
    expect(page.locator(".layer-legend")).to_contain_text("WA")
    assert page.js_errors == []


def test_refused_file_is_explained_and_nothing_is_imported(
    page, live_server, planner, login, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    bogus = tmp_path / "zones.geojson"
    bogus.write_text("this is not GeoJSON")
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    page.set_input_files("#import-file", str(bogus))
    expect(page.locator("#inspect-status")).to_contain_text("could not be read")
    page.fill("#import-name", "Kaputt")
    page.click("#import-submit")
    expect(page.locator("#import-error")).to_be_visible()
    expect(page.locator("#import-error")).to_contain_text("not accepted")
    assert not Layer.objects.filter(name="Kaputt").exists()
    assert page.js_errors == []


@pytest.fixture
def overlaid(transactional_db):
    """A zoning and a district layer, and two proposals the overlay has judged."""
    zoning_layer()
    westend = district_layer(populations=(20_000, 5_000)).features.get(name="Westend")
    proposal_at(12.31, 51.31, district=westend, compatibility="incompatible", title="Tower")
    proposal_at(12.32, 51.32, district=westend, compatibility="compatible", title="Garden")


def switch_on(page, label: str):
    control = page.locator(".leaflet-control-layers")
    control.hover()
    control.locator("label", has_text=label).locator("input").check()


def test_main_map_shows_the_participation_choropleth_with_its_legend(page, live_server, overlaid):
    page.goto(f"{live_server.url}/")
    switch_on(page, "Participation")
    districts = page.locator("#map .leaflet-referenceLayers-pane path")
    expect(districts).to_have_count(2)
    expect(page.locator(".layer-legend")).to_contain_text("Participation")
    # Westend: 2 proposals per 20,000 inhabitants; Ostend: none. Different classes, colours.
    fills = districts.evaluate_all("(paths) => paths.map((p) => p.getAttribute('fill'))")
    assert len(set(fills)) == 2
    # The tooltip names the district, and counts in the right plural.
    for index in range(2):
        districts.nth(index).hover(force=True)
        page.wait_for_timeout(150)
        tooltip = page.locator(".leaflet-tooltip:not(.city-label)").last.inner_text()
        assert re.match(r"(Westend: .*\(2 proposals\)|Ostend: .*\(0 proposals\))$", tooltip)
    assert page.js_errors == []


def test_main_map_highlights_the_proposals_zoning_does_not_allow(page, live_server, overlaid):
    page.goto(f"{live_server.url}/")
    switch_on(page, "Highlight proposals")
    # One ring: around "Tower" (incompatible), none around "Garden" (compatible).
    rings = page.locator("#map .leaflet-overlay-pane path[stroke='#c00000']")
    expect(rings).to_have_count(1)
    assert page.js_errors == []


def test_planner_page_shows_participation_per_district(page, live_server, planner, login, overlaid):
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    expect(page.locator("#participation-map .leaflet-referenceLayers-pane path")).to_have_count(2)
    expect(page.locator("#participation-legend")).to_contain_text("no population figure")
    assert page.js_errors == []


def test_planner_imports_rules_from_csv_hides_and_deletes_a_layer(
    page, live_server, planner, login, tmp_path
):
    zoning = zoning_layer()
    rules_csv = tmp_path / "rules.csv"
    rules_csv.write_text(
        "zone_code,category,verdict\nWA,housing,compatible\nGR,housing,incompatible\n"
    )
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    on_map = page.locator("#planner-map .leaflet-referenceLayers-pane path")
    expect(on_map).to_have_count(2)

    page.set_input_files("#rules-csv", str(rules_csv))
    page.click("#rules-csv-form button[type=submit]")
    expect(page.locator("#rules-status")).to_contain_text("CSV")
    cell = page.locator("#rule-matrix select[data-zone=GR][data-category=housing]")
    expect(cell).to_have_value("incompatible")
    assert zoning.rules.count() == 2

    row = page.locator(f"#layer-rows tr[data-slug={zoning.slug}]")
    row.locator("input[type=checkbox]").uncheck()
    expect(on_map).to_have_count(0)
    row.locator("input[type=checkbox]").check()
    expect(on_map).to_have_count(2)

    page.evaluate("() => { window.confirm = () => true; }")
    row.locator("button.danger").click()
    expect(row).to_have_count(0)
    expect(on_map).to_have_count(0)
    assert not Layer.objects.filter(pk=zoning.pk).exists()
    assert page.js_errors == []


def test_planner_exports_only_the_incompatible_proposals_as_geopackage(
    page, live_server, planner, login, overlaid, tmp_path
):
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    page.select_option("#export-compatibility", "incompatible")
    with page.expect_download() as download:
        page.click("#export-form button:has-text('GeoPackage')")
    path = tmp_path / "export.gpkg"
    download.value.save_as(path)
    assert download.value.suggested_filename == "proposals.gpkg"
    assert list(pyogrio.read_dataframe(path)["title"]) == ["Tower"]


def test_planner_imports_the_zoning_of_an_xplangml_plan(
    page, live_server, planner, login, tmp_path, settings
):
    import shutil
    from pathlib import Path

    settings.MEDIA_ROOT = tmp_path / "media"
    source = Path(__file__).parents[1] / "layers" / "data" / "bp_plan_5_4.gml"
    path = shutil.copy(source, tmp_path / "bp_plan_5_4.gml")
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")

    page.set_input_files("#import-file", str(path))
    expect(page.locator("#inspect-status")).to_contain_text("XPlanGML 5.4, BP plan")
    expect(page.locator("#inspect-status")).to_contain_text("In Kraft getreten")
    expect(page.locator("#import-layer")).to_have_value("BP_BaugebietsTeilFlaeche")
    page.select_option("#import-kind", "zoning")
    expect(page.locator("#import-zone-field")).to_have_value("xplan:artDerBaulNutzung")
    page.click("#import-submit")

    expect(page.locator("#import-progress-box")).to_have_attribute(
        "data-state", "done", timeout=20_000
    )
    expect(page.locator("#import-report [data-report=plan]")).to_contain_text("Am Auenbogen")
    # The rule matrix names the zones by their BauNVO names.
    expect(page.locator("#rule-matrix")).to_contain_text("WA – Allgemeines Wohngebiet")
    layer = Layer.objects.get(name="bp_plan_5_4")
    assert sorted(layer.features.values_list("zone_code", flat=True)) == ["G", "MI", "WA"]


def test_a_zoning_layer_takes_a_zone_name_attribute(page, live_server, planner, login, zoning_file):
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    page.set_input_files("#import-file", str(zoning_file))
    expect(page.locator("#import-fields option[value=label]")).to_be_attached()
    page.select_option("#import-kind", "zoning")
    page.fill("#import-zone-field", "zone")
    page.fill("#import-zone-name-field", "label")
    page.click("#import-submit")

    expect(page.locator("#import-progress-box")).to_have_attribute(
        "data-state", "done", timeout=20_000
    )
    layer = Layer.objects.get()
    assert dict(layer.features.values_list("zone_code", "name"))["WA"] == "Zone WA"
    expect(page.locator("#rule-matrix")).to_contain_text("WA – Zone WA")


def test_planner_chooses_the_authoritative_district_layer(page, live_server, planner, login):
    layer = district_layer()
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")
    button = page.locator(f"#layer-rows tr[data-slug={layer.slug}] [data-action=authoritative]")
    expect(button).to_have_attribute("aria-pressed", "false")

    button.click()

    expect(button).to_have_attribute("aria-pressed", "true")
    layer.refresh_from_db()
    assert layer.authoritative


def test_a_new_zoning_layer_waits_until_the_planner_puts_it_into_effect(
    page, live_server, planner, resident, login, zoning_file
):
    """Issue 11: the planner sees how many verdicts a rule-less zoning layer would change
    before it takes effect, and confirms it on the planner page."""
    current = layer_import(
        path=zoning_file, name="Geltender Plan", kind="zoning", zone_field="zone", in_effect=True
    )
    zoning_rules_set(layer=current, matrix={"WA": {"housing": "compatible"}})
    homes = [
        proposal_create(
            author=resident,
            kind="proposal",
            category="housing",
            title=f"Homes {i}",
            geom=Point(12.335 + 0.003 * i, 51.345, srid=4326),
        )
        for i in range(3)
    ]

    def verdicts():
        return {ProposalOverlay.objects.get(proposal=p).compatibility for p in homes}

    assert verdicts() == {"compatible"}
    login(page, live_server, planner)
    page.goto(f"{live_server.url}/planner/")

    page.set_input_files("#import-file", str(zoning_file))
    expect(page.locator("#import-fields option[value=zone]")).to_be_attached()
    page.fill("#import-name", "Neuer Plan")
    page.select_option("#import-kind", "zoning")
    page.fill("#import-zone-field", "zone")
    page.click("#import-submit")

    expect(page.locator("#import-progress-box")).to_have_attribute(
        "data-state", "done", timeout=20_000
    )
    expect(page.locator("#import-report [data-report=side-effects]")).to_contain_text(
        "would change the verdict of 3 of the 3 proposals"
    )
    layer = Layer.objects.get(name="Neuer Plan")
    assert not layer.in_effect and verdicts() == {"compatible"}
    row = page.locator(f"#layer-rows tr[data-slug={layer.slug}]")
    expect(row).to_have_attribute("data-in-effect", "false")
    pending = row.locator(f"[data-pending-effects={layer.slug}]")
    expect(pending).to_have_attribute("data-counted", "fresh")
    expect(pending).to_contain_text("3 Compatible → Unknown")

    page.evaluate(
        "() => { window.said = []; window.confirm = (m) => { window.said.push(m); return true; };"
        " window.alert = (m) => { window.said.push(m); }; }"
    )
    pending.locator("[data-action=put-in-effect]").click()

    expect(row).not_to_have_attribute("data-in-effect", "false")
    asked, told = page.evaluate("() => window.said")
    assert "The verdict of 3 proposals will change" in asked
    assert "the verdict of 3 proposals changed" in told
    layer.refresh_from_db()
    assert layer.in_effect and verdicts() == {"unknown"}
    assert page.js_errors == []


def test_the_layer_switcher_names_the_kind_of_layer_in_german(browser, live_server, overlaid):
    from .conftest import _close, _new_page

    page = _new_page(browser, locale="de-DE", extra_http_headers={"Accept-Language": "de"})
    page.goto(f"{live_server.url}/")
    control = page.locator(".leaflet-control-layers")
    control.hover()
    labels = control.locator("label").all_inner_texts()
    assert any("(Stadtteile)" in label for label in labels), labels
    assert any("(Bebauungsplan)" in label for label in labels), labels
    assert not any("(district)" in label or "(zoning)" in label for label in labels)
    _close(page)

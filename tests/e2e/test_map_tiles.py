"""Where the view holds more pins than markers serve (MAP_MARKER_LIMIT), the map draws them as
vector tiles (protomaps-leaflet on canvas), with the filters in the tile URL; zoomed in to
a few pins, it draws markers again."""

from urllib.parse import parse_qs, urlsplit

import mapbox_vector_tile
import pytest
from django.contrib.gis.geos import Point
from django.core.cache import cache
from playwright.sync_api import expect

from tests.factories import CITY_CENTRE, ProposalFactory

pytestmark = pytest.mark.e2e

LON, LAT = CITY_CENTRE
TILE_PATH = "/api/tiles/proposals/"


@pytest.fixture
def crowded(settings):
    """Eight pins, more than the marker limit of 3: six housing near the centre, two
    mobility far to the east."""
    settings.MAP_MARKER_LIMIT = 3
    cache.clear()
    for i in range(6):
        ProposalFactory(title=f"Homes {i}", geom=Point(LON + 0.0004 * i, LAT, srid=4326))
    for i in range(2):
        ProposalFactory(
            title=f"Bikes {i}",
            category="mobility",
            geom=Point(LON + 0.06 + 0.0004 * i, LAT + 0.01, srid=4326),
        )


def record_tiles(page, path: str = TILE_PATH) -> list:
    """(url, body) of every tile under `path` the page receives, as it receives them."""
    tiles = []

    def on_response(response):
        if path in response.url and ".pbf" in response.url and response.status == 200:
            tiles.append((response.url, response.body()))

    page.on("response", on_response)
    return tiles


def counted(tiles, *, must_contain="") -> int:
    """Pins counted by the deepest zoom's tiles (each pin lies in one tile of a zoom)."""
    chosen = {}
    for url, body in tiles:
        if must_contain not in url:
            continue
        z, x, y = url.split(TILE_PATH)[1].split(".pbf")[0].split("/")
        chosen[(int(z), int(x), int(y))] = body
    deepest = max(z for z, _, _ in chosen)
    total = 0
    for (z, _, _), body in chosen.items():
        if z != deepest:
            continue
        layers = mapbox_vector_tile.decode(body)
        total += sum(
            f["properties"]["count"] for f in layers.get("proposal_cells", {}).get("features", [])
        )
        total += len(layers.get("proposals", {}).get("features", []))
    return total


def painted_pixels_js(pane: str) -> str:
    """A script counting the pixels painted (not transparent) on the canvases of `pane`."""
    return f"""() => [...document.querySelectorAll('.leaflet-{pane}-pane canvas')]
            .map((canvas) => {{
              if (!canvas.width) return 0;
              const data = canvas.getContext('2d')
                .getImageData(0, 0, canvas.width, canvas.height).data;
              let n = 0;
              for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
              return n;
            }}).reduce((a, b) => a + b, 0)"""


PAINTED_PIXELS = painted_pixels_js("pinTiles")
PAINTED = f"() => ({PAINTED_PIXELS})() > 100"


def painted_pixels(page) -> int:
    return page.evaluate(PAINTED_PIXELS)


def record_requests(page, path: str) -> list[str]:
    """The URL of every request the page makes under `path`."""
    urls = []
    page.on("request", lambda request: urls.append(request.url) if path in request.url else None)
    return urls


def test_a_crowded_view_draws_tiles_not_markers_and_filters_redraw_them(page, live_server, crowded):
    tiles = record_tiles(page)
    counts = record_requests(page, "/api/tiles/proposals/counts/")
    features = record_requests(page, "/api/proposals/?")
    page.goto(f"{live_server.url}/")
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
    expect(page.locator("#map-status")).to_contain_text("circles count them")
    page.wait_for_function("() => window.stadtmacher.tiles.shown() !== null")
    page.wait_for_function(
        "() => document.querySelectorAll('.leaflet-pinTiles-pane canvas.leaflet-tile-loaded')"
        ".length > 0"
    )
    wait_for_count(page, tiles, 8)
    assert page.locator(".leaflet-marker-icon.pin-icon").count() == 0
    page.wait_for_function(PAINTED)
    # The count tiles said "too many": the features of this view were never asked for.
    assert counts and all("/counts/" in url and ".json" in url for url in counts)
    assert features == []

    tiles.clear()
    page.locator("input[name=category][value=mobility]").check()
    # Two pins match: few enough for markers again (clustered at this zoom).
    page.wait_for_function("() => window.stadtmacher.pins.features().length === 2")
    assert any("category=mobility" in url for url in counts)
    assert [url for url in features if "category=mobility" in url and "limit=3" in url]
    assert page.evaluate("() => window.stadtmacher.tiles.shown()") is None
    assert painted_pixels(page) == 0

    page.locator("input[name=category][value=mobility]").uncheck()
    page.locator("input[name=category][value=housing]").check()
    page.wait_for_function(
        "() => (window.stadtmacher.tiles.shown() || '').includes('category=housing')"
    )
    wait_for_count(page, tiles, 6, must_contain="category=housing")
    assert page.js_errors == []


def test_clicking_a_circle_zooms_in_until_the_pins_are_markers(page, live_server, crowded):
    page.goto(f"{live_server.url}/#13/{LAT}/{LON + 0.001}")
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
    page.wait_for_function("() => window.stadtmacher.tiles.shown() !== null")
    page.wait_for_timeout(800)  # let the tiles draw
    for _ in range(3):
        if page.evaluate("() => window.stadtmacher.tiles.shown()") is None:
            break
        point = page.evaluate(
            f"() => {{ const p = window.stadtmacher.map.latLngToContainerPoint([{LAT}, "
            f"{LON + 0.001}]); return [p.x, p.y]; }}"
        )
        box = page.locator("#map").bounding_box()
        zoom = page.evaluate("() => window.stadtmacher.map.getZoom()")
        page.mouse.click(box["x"] + point[0], box["y"] + point[1])
        page.wait_for_function(f"() => window.stadtmacher.map.getZoom() > {zoom}")
        expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
        page.wait_for_timeout(800)
    # Zoomed in to the street level: markers (clustered until zoom 17), with popups.
    page.wait_for_function("() => window.stadtmacher.pins.features().length === 6")
    assert page.evaluate("() => window.stadtmacher.tiles.shown()") is None
    page.evaluate(f"() => window.stadtmacher.map.setView([{LAT}, {LON}], 18, {{animate: false}})")
    expect(page.locator(".leaflet-marker-icon.pin-icon").first).to_be_visible()
    page.locator(".leaflet-marker-icon.pin-icon").first.click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Homes")
    assert page.js_errors == []


def fresh_stamps(tiles) -> set:
    return {parse_qs(urlsplit(url).query).get("fresh", [None])[0] for url, _ in tiles}


@pytest.mark.parametrize("max_age", [0, 30])
def test_a_new_pin_shows_in_the_tiles_at_once(
    page, live_server, crowded, resident, login, settings, max_age
):
    """With TILES_MAX_AGE a shared cache (CDN, nginx) may serve tiles that old: a signed-in
    reader's tile URLs carry a `fresh` stamp no one else uses, renewed by each write, so
    they always reach the app."""
    settings.TILES_MAX_AGE = max_age
    login(page, live_server, resident)
    tiles = record_tiles(page)
    page.goto(f"{live_server.url}/#14/{LAT + 0.003}/{LON + 0.02}")
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
    page.wait_for_function("() => window.stadtmacher.tiles.shown() !== null")
    wait_for_count(page, tiles, 8)
    before = fresh_stamps(tiles)
    assert (None in before) == (max_age == 0) and len(before) == 1
    tiles.clear()
    page.locator("[data-tool=marker]").focus()
    page.keyboard.press("Enter")  # the Point tool: focus goes to the map, a cross at its centre
    page.keyboard.press("Enter")  # the point at the cross; the form opens at its title
    page.keyboard.type("Zebra crossing")
    page.select_option("#draw-category", "mobility")
    page.locator("#draw-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Zebra crossing")
    wait_for_count(page, tiles, 9)  # the tiles are fetched again, the new pin in them
    if max_age:  # fetched under a new stamp: past any shared cache
        assert fresh_stamps(tiles).isdisjoint(before) and None not in fresh_stamps(tiles)
    assert page.js_errors == []


def wait_for_count(page, tiles, expected: int, *, must_contain="", seconds: float = 15) -> None:
    """Wait until the tiles received count `expected` pins (this machine may be slow)."""
    for _ in range(int(seconds * 4)):
        page.wait_for_timeout(250)
        seen = any(must_contain in url for url, _ in tiles)
        if seen and counted(list(tiles), must_contain=must_contain) == expected:
            return
    assert counted(list(tiles), must_contain=must_contain) == expected

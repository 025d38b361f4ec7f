"""Where the view holds more clusters than outlines serve (MAP_CLUSTER_LIMIT), the cluster page
and the map's cluster layer draw the cluster tiles (protomaps-leaflet on canvas), with the
filters in the tile URL; zoomed in to a few clusters, GeoJSON outlines with popups again."""

import mapbox_vector_tile
import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from spatial.models import Cluster
from tests.e2e.test_map_tiles import painted_pixels_js, record_tiles
from tests.spatial.claims import create

pytestmark = pytest.mark.e2e

TILE_PATH = "/api/tiles/clusters/"
CONTESTED, CONVERGENT = "#C0392B", "#0072B2"


@pytest.fixture
def three_clusters(settings, resident, other_resident):
    """A contested cluster at the centre and two convergent ones 1.5 km east and west, more
    than the limit of 1."""
    settings.MAP_CLUSTER_LIMIT = 1
    cache.clear()
    create(resident, "POLYGON ((0 0, 200 0, 200 200, 0 200, 0 0))", category="housing")
    create(
        other_resident,
        "POLYGON ((100 0, 300 0, 300 200, 100 200, 100 0))",
        category="green_space",
        kind="conflict",
    )
    for x, y in ((1500, 0), (-1500, 1000)):
        create(resident, f"POINT ({x} {y})", category="mobility")
        create(other_resident, f"POINT ({x + 5} {y})", category="mobility")
    contested = Cluster.objects.current().get(contested=True)
    lon, lat = contested.outline.point_on_surface.coords
    return lat, lon


def counted(tiles) -> int:
    """Clusters counted by the deepest zoom's tiles (cells count them; outlines may repeat in
    neighbouring tiles, so they are counted by id)."""
    chosen = {}
    for url, body in tiles:
        z, x, y = url.split(TILE_PATH)[1].split(".pbf")[0].split("/")
        chosen[(int(z), int(x), int(y))] = body
    deepest = max(z for z, _, _ in chosen)
    total, outlines = 0, set()
    for (z, _, _), body in chosen.items():
        if z != deepest:
            continue
        layers = mapbox_vector_tile.decode(body)
        cells = layers.get("cluster_cells", {}).get("features", [])
        total += sum(f["properties"]["count"] for f in cells)
        outlines |= {f["id"] for f in layers.get("clusters", {}).get("features", [])}
    return total + len(outlines)


def wait_for_count(page, tiles, expected: int, *, seconds: float = 15) -> None:
    """Wait until the tiles received count `expected` clusters (this machine may be slow)."""
    for _ in range(int(seconds * 4)):
        page.wait_for_timeout(250)
        if tiles and counted(list(tiles)) == expected:
            return
    assert tiles and counted(list(tiles)) == expected


PAINTED = f"() => ({painted_pixels_js('clusterTiles')})() > 100"


def outlines(page, colour):
    return page.locator(f'.leaflet-overlay-pane path[stroke="{colour}"]')


def test_a_crowded_view_draws_cluster_tiles_and_a_close_view_outlines_with_popups(
    page, live_server, three_clusters, artifacts
):
    lat, lon = three_clusters
    tiles = record_tiles(page, TILE_PATH)
    page.goto(f"{live_server.url}/clusters/")
    expect(page.locator("#map-status")).to_contain_text("Many clusters", timeout=15_000)
    page.wait_for_function("() => window.stadtmacher.clusterTiles.shown() !== null")
    wait_for_count(page, tiles, 3)
    page.wait_for_function(PAINTED)
    assert outlines(page, CONTESTED).count() == 0 and outlines(page, CONVERGENT).count() == 0
    page.screenshot(path=artifacts / "cluster-tiles.png")
    # The list beside the map still names every cluster, links included.
    expect(page.locator(".cluster-item a")).to_have_count(3)

    # Zoomed in to the contested cluster alone: a GeoJSON outline, its popup links its page.
    page.evaluate(f"() => window.stadtmacher.map.setView([{lat}, {lon}], 17, {{animate: false}})")
    expect(outlines(page, CONTESTED)).to_have_count(1, timeout=15_000)
    assert page.evaluate("() => window.stadtmacher.clusterTiles.shown()") is None
    assert page.locator(".leaflet-clusterTiles-pane canvas").count() == 0
    outlines(page, CONTESTED).click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Contested")
    popup.get_by_role("link", name="Open this cluster").click()
    expect(page.locator("#cluster-explanation")).to_contain_text("1 conflict against 1 proposal")
    assert page.js_errors == []


def test_the_filters_go_into_the_tile_url_and_a_click_zooms_in(page, live_server, three_clusters):
    tiles = record_tiles(page, TILE_PATH)
    page.goto(f"{live_server.url}/clusters/?contested=false")
    page.wait_for_function(
        "() => (window.stadtmacher.clusterTiles.shown() || '').includes('contested=false')"
    )
    wait_for_count(page, tiles, 2)
    assert all("contested=false" in url for url, _ in tiles)
    page.wait_for_function(PAINTED)

    # A click on a circle or an outline zooms in towards it.
    convergent = Cluster.objects.current().filter(contested=False)
    lon, lat = max(c.outline.point_on_surface.coords for c in convergent)  # the eastern one
    zoom = page.evaluate("() => window.stadtmacher.map.getZoom()")
    point = page.evaluate(
        f"() => {{ const p = window.stadtmacher.map.latLngToContainerPoint([{lat}, {lon}]);"
        " return [p.x, p.y]; }"
    )
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    page.wait_for_function(f"() => window.stadtmacher.map.getZoom() > {zoom}")
    assert page.js_errors == []


def test_the_main_map_cluster_layer_draws_tiles_where_clusters_are_many(
    page, live_server, three_clusters
):
    tiles = record_tiles(page, TILE_PATH)
    page.goto(f"{live_server.url}/")
    page.locator(".leaflet-control-layers").hover()
    page.get_by_label("Clusters").check()
    wait_for_count(page, tiles, 3)
    page.wait_for_function(PAINTED)
    assert outlines(page, CONTESTED).count() == 0
    page.get_by_label("Clusters").uncheck()
    expect(page.locator(".leaflet-clusterTiles-pane canvas")).to_have_count(0)
    assert page.js_errors == []

"""The residents' map with 10,000 pins in view, in a real browser: our pin layer (marker
clusters with chunked loading, lines and areas on one canvas) against plain Leaflet
(one DOM marker per point, SVG paths), same features, same page, in one run.

    make bench                                  # or:
    BENCH_MAP_PINS=10000 .venv/bin/python -m pytest -q -s tests/bench -o norecursedirs= \\
        -m bench -k map

Prints the time until the pins are on the map and the frame times while panning.
"""

import os
import statistics
import time

import pytest

from tests.e2e.conftest import browser, page  # noqa: F401  (fixtures)
from tests.factories import UserFactory

from .test_proposals_bench import insert_proposals

N_PINS = int(os.environ.get("BENCH_MAP_PINS", "10000"))

pytestmark = [pytest.mark.bench, pytest.mark.e2e]

# Plain Leaflet, the way a map is usually started: every pin its own layer on the map.
PLAIN_LAYER = """async () => {
    const { map, pins } = window.stadtmacher;
    const features = pins.features();
    map.removeLayer(pins.clusters);
    map.removeLayer(pins.shapes);
    const started = performance.now();
    L.geoJSON({ type: "FeatureCollection", features }, {
        pointToLayer: (f, latlng) => L.marker(latlng, {
            icon: L.divIcon({ className: "pin-icon", iconSize: [20, 20] }) }),
    }).addTo(map);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
}"""

FRAME_RECORDER = """() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}"""


def pan_frames(tab) -> list[float]:
    """Frame durations (ms) while dragging the map back and forth."""
    tab.evaluate(FRAME_RECORDER)
    box = tab.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx in (220, -220, 160, -160):
        tab.mouse.move(x, y)
        tab.mouse.down()
        tab.mouse.move(x + dx, y + 30, steps=12)
        tab.mouse.up()
        tab.wait_for_timeout(900)
    return sorted(tab.evaluate("() => window.__frames")[1:])


def describe(frames: list[float]) -> str:
    p95 = frames[int(len(frames) * 0.95)]
    return f"median {statistics.median(frames):.1f} ms, p95 {p95:.1f} ms, max {frames[-1]:.1f} ms"


def test_map_with_ten_thousand_pins(page, live_server):  # noqa: F811
    insert_proposals(N_PINS, UserFactory().pk)
    page.set_default_timeout(120_000)

    started = time.perf_counter()
    page.goto(live_server.url + "/")
    page.wait_for_selector("#map-status[data-state=loaded]")
    page.wait_for_function(f"() => window.stadtmacher.pins.features().length >= {N_PINS}")
    first_load = time.perf_counter() - started
    page.wait_for_timeout(1500)  # chunked loading finishes
    ours = pan_frames(page)

    plain_ms = page.evaluate(PLAIN_LAYER)
    page.wait_for_timeout(500)
    plain = pan_frames(page)

    print(
        f"\nBENCH map-{N_PINS}-pins: first load (HTTP + JSON + layer) {first_load * 1000:.0f} ms; "
        f"pan frames ours {describe(ours)}; plain Leaflet {describe(plain)} "
        f"(built in {plain_ms:.0f} ms; p95 ours "
        f"{plain[int(len(plain) * 0.95)] / ours[int(len(ours) * 0.95)]:.1f}x shorter)",
        flush=True,
    )

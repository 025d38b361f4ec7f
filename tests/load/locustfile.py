"""The campaign peak as locust plays it (run by tests/load/run.py, `make loadtest`).

Readers (anonymous) move the map at zoom 11-17 the way map/loader.js reads it: below
MARKER_ZOOM `/api/proposals/?bbox=…&limit=MAP_MARKER_LIMIT`, and where the answer says
`limitExceeded`, the view's vector tiles (`/api/tiles/proposals/z/x/y.pbf`) as a browser
fetches them: a tile the map already shows is not fetched again, one in the browser's cache
is used while its Cache-Control max-age lasts, and revalidated by ETag after
(LOADTEST_TILES=0 reads GeoJSON only, as before the tiles). Before asking for features
below MARKER_ZOOM, a reader sums its view's pins from the count tiles
(`/api/tiles/proposals/counts/z/x/y.json`, cached the same way) and asks only where they
are few (LOADTEST_COUNTS=0: always asks, as before the count tiles). LOADTEST_READERS=pan (default):
most moves pan the view by up to half its size or zoom by one, one in six jumps somewhere
else (a search, a link); =jump: every move jumps to a random place and zoom (the harder,
older model). Readers also open the map page, the list page and pin pages.

Writers (signed in with a token made by run.py) pin proposals, support and comment at a
human pace. Every write the server acknowledged (201) is written to LOADTEST_ACKS (JSON
lines) with what identifies it, so run.py can check afterwards that each is in the
database exactly once.
"""

import json
import math
import os
import random
import threading
import time
import uuid

from locust import FastHttpUser, between, events, task

BBOX = tuple(float(v) for v in os.environ["LOADTEST_CITY_BBOX"].split(","))
TOKENS = json.loads(open(os.environ["LOADTEST_TOKENS"]).read())  # noqa: SIM115
PROPOSAL_IDS = json.loads(open(os.environ["LOADTEST_PROPOSAL_IDS"]).read())  # noqa: SIM115
POINTS = json.loads(open(os.environ["LOADTEST_POINTS"]).read())  # noqa: SIM115
RUN = os.environ.get("LOADTEST_RUN", uuid.uuid4().hex[:8])
_acks = open(os.environ["LOADTEST_ACKS"], "a", buffering=1)  # noqa: SIM115
_acks_lock = threading.Lock()
_tokens = iter(TOKENS * 100)

VIEW_W, VIEW_H = 1280, 800  # a laptop's map
TILES = os.environ.get("LOADTEST_TILES", "1") == "1"
MARKER_ZOOM = 16  # frontend/static/frontend/map/tiles.js
MARKER_LIMIT = int(os.environ.get("MAP_MARKER_LIMIT", "500"))  # the app's default
# The map sums the count tiles of its view before it asks for features (map/loader.js);
# LOADTEST_COUNTS=0 asks /api/proposals/?limit= for every view, as before them.
COUNTS = os.environ.get("LOADTEST_COUNTS", "1") == "1"
COUNT_DEPTH = 3  # publishing/tiles.py


# What nginx in front of gunicorn adds (docs/operations.md): the time the request arrived,
# so the app refuses requests that already waited too long in gunicorn's queue.
PROXY_STAMP = os.environ.get("LOADTEST_PROXY_STAMP", "1") == "1"


def stamped(headers: dict | None = None) -> dict:
    headers = dict(headers or {})
    if PROXY_STAMP:
        headers["X-Request-Start"] = f"t={time.time():.3f}"
    return headers


def _ack(**record):
    with _acks_lock:
        _acks.write(json.dumps(record) + "\n")


READERS = os.environ.get("LOADTEST_READERS", "pan")
ZOOMS = [11, 12, 13, 13, 14, 14, 15, 15, 16, 17]


def somewhere() -> tuple[float, float, int]:
    """A random place in the city at a random zoom: (lon, lat, zoom)."""
    return random.uniform(BBOX[0], BBOX[2]), random.uniform(BBOX[1], BBOX[3]), random.choice(ZOOMS)


def moved(lon: float, lat: float, zoom: int) -> tuple[float, float, int]:
    """The next view of a reader who looks at (lon, lat, zoom): mostly a pan by up to half
    the view or a zoom by one, sometimes a jump (kept inside the city)."""
    roll = random.random()
    if READERS == "jump" or roll < 1 / 6:
        return somewhere()
    if roll < 2 / 6:
        return lon, lat, min(max(zoom + random.choice([-1, 1]), 11), 17)
    degrees_per_px = 360 / (256 * 2**zoom)
    lon += random.uniform(-0.5, 0.5) * VIEW_W * degrees_per_px
    lat += random.uniform(-0.5, 0.5) * VIEW_H * degrees_per_px * math.cos(math.radians(lat))
    return min(max(lon, BBOX[0]), BBOX[2]), min(max(lat, BBOX[1]), BBOX[3]), zoom


def view_bbox(lon: float, lat: float, zoom: int) -> tuple[float, float, float, float]:
    """The lon/lat bounds of a VIEW_W x VIEW_H map at `zoom` centred at (lon, lat)."""
    degrees_per_px = 360 / (256 * 2**zoom)
    half_w = VIEW_W / 2 * degrees_per_px
    half_h = VIEW_H / 2 * degrees_per_px * math.cos(math.radians(lat))
    return lon - half_w, lat - half_h, lon + half_w, lat + half_h


def tiles_of(bbox, zoom: int):
    """The z/x/y addresses of the web-mercator tiles that cover bbox."""
    n = 2**zoom

    def tile(lon, lat):
        x = int((lon + 180) / 360 * n)
        y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
        return min(max(x, 0), n - 1), min(max(y, 0), n - 1)

    (x0, y0), (x1, y1) = tile(bbox[0], bbox[3]), tile(bbox[2], bbox[1])
    return [(zoom, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


class Reader(FastHttpUser):
    weight = 4
    wait_time = between(1, 4)

    def on_start(self):
        self.cache = {}  # the browser's HTTP cache: tile URL -> (ETag, fresh until)
        self.shown = set()  # the tiles the map shows now (Leaflet does not fetch them again)
        self.place = somewhere()

    @task(10)
    def pan_the_map(self):
        self.place = moved(*self.place)
        zoom = self.place[2]
        view = view_bbox(*self.place)
        bbox = ",".join(f"{v:.5f}" for v in view)
        if not TILES or zoom >= MARKER_ZOOM:
            self.shown = set()
            self.client.get(
                f"/api/proposals/?bbox={bbox}", name=f"map bbox z{zoom}", headers=stamped()
            )
            return
        needed = set(tiles_of(view, zoom))
        if COUNTS and self.pins_in(needed, zoom) > MARKER_LIMIT:
            exceeded = True  # the count tiles said so: no question about this view
        else:
            response = self.client.get(
                f"/api/proposals/?bbox={bbox}&limit={MARKER_LIMIT}",
                name=f"map bbox z{zoom}",
                headers=stamped(),
            )
            exceeded = response.status_code == 200 and response.json().get("limitExceeded")
        if exceeded:
            for z, x, y in sorted(needed - self.shown if READERS == "pan" else needed):
                self.tile(f"/api/tiles/proposals/{z}/{x}/{y}.pbf", f"tile z{zoom}")
            self.shown = needed
        else:
            self.shown = set()

    def pins_in(self, tiles: set, zoom: int) -> int:
        """The pins of `tiles` by the count tiles COUNT_DEPTH zooms up (map/loader.js)."""
        total = 0
        for cx, cy in sorted({(x >> COUNT_DEPTH, y >> COUNT_DEPTH) for _, x, y in tiles}):
            url = f"/api/tiles/proposals/counts/{zoom - COUNT_DEPTH}/{cx}/{cy}.json"
            answer = self.tile(url, f"counts z{zoom - COUNT_DEPTH}")
            if answer is None:
                return MARKER_LIMIT + 1  # as if too many: the tiles show what there is
            for dy, row in enumerate(answer["counts"]):
                for dx, count in enumerate(row):
                    if (zoom, answer["x"] + dx, answer["y"] + dy) in tiles:
                        total += count
        return total

    def tile(self, url: str, name: str):
        """GET url as a browser's HTTP cache would: its copy while max-age lasts, then a
        revalidation by ETag. The body (JSON decoded for .json) or None on failure."""
        etag, fresh_until, body = self.cache.get(url, (None, 0.0, None))
        if time.monotonic() < fresh_until:
            return body  # the browser uses its copy without asking
        headers = stamped({"If-None-Match": etag} if etag else None)
        response = self.client.get(url, name=name, headers=headers)
        if response.status_code == 200:
            body = response.json() if url.endswith(".json") else True
        if response.status_code in (200, 304) and response.headers.get("ETag") and body:
            control = response.headers.get("Cache-Control", "")
            max_age = next(
                (int(p.split("=")[1]) for p in control.split(", ") if p.startswith("max-age=")),
                0,
            )
            self.cache[url] = (response.headers["ETag"], time.monotonic() + max_age, body)
            return body
        return None

    @task(1)
    def map_page(self):
        self.client.get("/", name="page: map", headers=stamped())

    @task(2)
    def list_page(self):
        self.client.get("/proposals/", name="page: list", headers=stamped())

    @task(3)
    def pin_page(self):
        pk = random.choice(PROPOSAL_IDS)
        self.client.get(f"/proposals/{pk}/", name="page: pin", headers=stamped())


class Writer(FastHttpUser):
    weight = 1
    # 100 writers of 500 users: about 20 writes/s (issue 15's campaign peak)
    wait_time = between(3, 6)

    def on_start(self):
        self.user_id, token = next(_tokens)
        self.headers = {"Authorization": f"Token {token}"}

    @task(2)
    def pin_a_proposal(self):
        marker = f"load {RUN} {uuid.uuid4().hex}"
        lon, lat = random.choice(POINTS)  # on an existing pin: inside a district
        lon, lat = lon + random.uniform(-2e-4, 2e-4), lat + random.uniform(-2e-4, 2e-4)
        body = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "kind": random.choice(["proposal", "conflict"]),
                "category": random.choice(["housing", "mobility", "green_space"]),
                "title": marker,
                "description": "Written by the load test.",
            },
        }
        with self.client.post(
            "/api/proposals/", json=body, headers=stamped(self.headers), name="write: proposal",
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code == 201:
                _ack(kind="proposal", title=marker, id=response.json()["id"])

    @task(4)
    def support(self):
        pk = random.choice(PROPOSAL_IDS)
        with self.client.post(
            f"/api/proposals/{pk}/support/", headers=stamped(self.headers), name="write: support",
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code == 201:
                _ack(kind="support", proposal=pk, user=self.user_id)

    @task(3)
    def comment(self):
        pk = random.choice(PROPOSAL_IDS)
        marker = f"load {RUN} {uuid.uuid4().hex}"
        with self.client.post(
            f"/api/proposals/{pk}/comments/", json={"body": marker}, headers=stamped(self.headers),
            name="write: comment", catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code == 201:
                _ack(kind="comment", proposal=pk, body=marker)


@events.quitting.add_listener
def _close(environment, **kwargs):
    _acks.close()

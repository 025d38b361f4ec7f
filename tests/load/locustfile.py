"""The campaign peak as locust plays it (run by tests/load/run.py, `make loadtest`).

Readers (anonymous) pan the map at zoom 11-17 (`/api/proposals/?bbox=…`, the read the map
makes today; vector-tile URLs join here once tiles land), open the map page, the list page
and pin pages. Writers (signed in with a token made by run.py) pin proposals, support
and comment at a human pace. Every write the server acknowledged (201) is written to
LOADTEST_ACKS (JSON lines) with what identifies it, so run.py can check afterwards that
each is in the database exactly once.
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


def view_bbox(zoom: int) -> tuple[float, float, float, float]:
    """The lon/lat bounds of a VIEW_W x VIEW_H map at `zoom`, centred somewhere in the city."""
    lon = random.uniform(BBOX[0], BBOX[2])
    lat = random.uniform(BBOX[1], BBOX[3])
    degrees_per_px = 360 / (256 * 2**zoom)
    half_w = VIEW_W / 2 * degrees_per_px
    half_h = VIEW_H / 2 * degrees_per_px * math.cos(math.radians(lat))
    return lon - half_w, lat - half_h, lon + half_w, lat + half_h


class Reader(FastHttpUser):
    weight = 4
    wait_time = between(1, 4)

    @task(10)
    def pan_the_map(self):
        zoom = random.choice([11, 12, 13, 13, 14, 14, 15, 15, 16, 17])
        bbox = ",".join(f"{v:.5f}" for v in view_bbox(zoom))
        self.client.get(f"/api/proposals/?bbox={bbox}", name=f"map bbox z{zoom}", headers=stamped())

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
    wait_time = between(3, 7)

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

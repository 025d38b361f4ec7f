"""Capacity bounds of a real server process (runserver, a thread per request, as in make
demo): its database connections stay within the pool however many requests arrive, and
more requests than it may work on are answered 503 with Retry-After, never 500, with map
reads unable to take every slot (config/overload.py, ADR 0014)."""

import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
import requests
from django.db import connection

from tests.factories import ProposalFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
BBOX = "12.2,51.2,12.6,51.5"
EN = {"Accept-Language": "en"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp_path: Path, **env):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app_name = f"capacity-{self.port}"
        name = connection.settings_dict["NAME"]
        self.log = (tmp_path / f"server-{self.port}.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings.test",
                "DATABASE_URL": f"postgis://postgres@127.0.0.1:5432/{name}",
                "PGAPPNAME": self.app_name,  # libpq names this server's connections
                **{key: str(value) for key, value in env.items()},
            },
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.url}/api/", timeout=2)
                return
            except requests.ConnectionError:
                time.sleep(0.2)
        raise AssertionError("runserver did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.log.close()


class ConnectionCounter(threading.Thread):
    """Samples how many connections the server holds, every 20 ms, from outside."""

    def __init__(self, app_name: str):
        super().__init__(daemon=True)
        self.app_name, self.most, self.done = app_name, 0, threading.Event()
        params = connection.get_connection_params()
        self.conninfo = {k: params[k] for k in ("dbname", "user", "host", "port")}

    def run(self):
        with psycopg.connect(**self.conninfo, autocommit=True) as conn:
            while not self.done.is_set():
                count = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                    [self.app_name],
                ).fetchone()[0]
                self.most = max(self.most, count)
                time.sleep(0.02)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.join()


@pytest.fixture
def city(transactional_db):
    author = UserFactory()
    ProposalFactory.create_batch(150, author=author)


def _flood(url: str, n: int, workers: int) -> list[requests.Response]:
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda _: requests.get(url, timeout=120, headers=EN), range(n)))


def test_many_requests_at_once_hold_no_more_connections_than_the_pool(city, tmp_path):
    """Before the pool, each runserver thread kept a connection (CONN_MAX_AGE=60): three
    people trying the demo exhausted PostgreSQL's 100 connections."""
    server = Server(
        tmp_path, DATABASE_POOL_MAX_SIZE=3, DATABASE_POOL_TIMEOUT=60, OVERLOAD_MAX_IN_FLIGHT=0
    )
    try:
        with ConnectionCounter(server.app_name) as counter:
            answers = _flood(f"{server.url}/api/proposals/?bbox={BBOX}", n=80, workers=40)
    finally:
        server.stop()

    assert [r.status_code for r in answers] == [200] * 80  # they waited their turn
    assert len(answers[0].json()["features"]) == 150
    assert 1 <= counter.most <= 3


def test_more_requests_than_slots_are_answered_503_early_and_map_reads_leave_room(city, tmp_path):
    server = Server(
        tmp_path,
        DATABASE_POOL_MAX_SIZE=4,
        OVERLOAD_MAX_IN_FLIGHT=2,
        OVERLOAD_MAX_MAP_READS=1,
        OVERLOAD_QUEUE_WAIT=0.2,
        OVERLOAD_RETRY_AFTER=3,
    )
    pages = []
    try:
        with ThreadPoolExecutor(1) as other:
            flood = other.submit(
                _flood, f"{server.url}/api/proposals/?bbox={BBOX}", n=120, workers=40
            )
            while not flood.done():  # the list and a proposal page, while the map floods
                pages.append(requests.get(f"{server.url}/api/proposals/", timeout=60))
            answers = flood.result()
        stamped = requests.get(
            f"{server.url}/api/proposals/",
            headers={"X-Request-Start": f"t={time.time() - 30:.3f}"},  # waited 30 s at the proxy
            timeout=60,
        )
    finally:
        server.stop()

    codes = {r.status_code for r in answers}
    assert codes <= {200, 503}
    busy = [r for r in answers if r.status_code == 503]
    assert busy, "40 map reads at once against one map slot: some must be refused"
    assert all(r.headers["Retry-After"] == "3" for r in busy)
    assert busy[0].json()["detail"].startswith("The server is busy")
    assert pages and {r.status_code for r in pages} == {200}  # never starved by map reads
    assert stamped.status_code == 503
    assert stamped.json()["detail"].startswith("Der Server ist gerade ausgelastet")  # site: de

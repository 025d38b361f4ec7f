"""Reads from a real streaming replica (config/replica.py): the test starts a PostgreSQL
primary of its own (initdb on a free port, the suite's schema and data copied in with
pg_dump) and a replica of it (pg_basebackup -R), then runs the app against both. With the
replica's replay paused, a new proposal is visible to its author at once (read-your-writes)
and not to others, whose reads come from the replica; once replay resumes, everyone sees
it."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
import requests
from django.db import connection

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SQUARE = [[12.37, 51.34], [12.374, 51.34], [12.374, 51.342], [12.37, 51.342], [12.37, 51.34]]
PASSWORD = "pw-secret-123"  # UserFactory's

pytestmark = pytest.mark.skipif(not (PG_BIN / "initdb").exists(), reason="needs PostgreSQL 15")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*command, **kwargs):
    """PostgreSQL refuses to run as root: run its tools as the postgres user."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *map(str, command)], check=True, capture_output=True, **kwargs)


class Cluster:
    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port
        self.data = folder / f"data-{port}"

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        _as_postgres(
            PG_BIN / "pg_ctl", "-D", self.data, "-l", self.folder / f"{self.port}.log",
            "-o", options, "-w", "start",
        )  # fmt: skip

    def stop(self):
        if self.data.exists():
            subprocess.run(
                ["runuser", "-u", "postgres", "--", PG_BIN / "pg_ctl", "-D", self.data,
                 "-m", "immediate", "-w", "stop"],
                capture_output=True,
            )  # fmt: skip

    def sql(self, statement: str, dbname: str = "stadt"):
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=dbname, autocommit=True
        ) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchone() if cursor.description else None

    def url(self) -> str:
        return f"postgis://postgres@127.0.0.1:{self.port}/stadt"


@pytest.fixture
def primary_and_replica(transactional_db):
    """A primary holding a copy of the suite's test database, and its streaming replica."""
    folder = Path(tempfile.mkdtemp(prefix="sm-replica-"))
    shutil.chown(folder, "postgres", "postgres")
    primary = Cluster(folder, _free_port())
    replica = Cluster(folder, _free_port())
    try:
        _as_postgres(
            PG_BIN / "initdb", "-D", primary.data, "-U", "postgres", "--auth=trust",
            "--no-sync", "-E", "UTF8",
        )  # fmt: skip
        primary.start()
        primary.sql("CREATE DATABASE stadt", dbname="postgres")
        source = connection.settings_dict
        dump = subprocess.run(
            [PG_BIN / "pg_dump", "-h", source["HOST"], "-p", str(source["PORT"] or 5432),
             "-U", source["USER"], "--no-owner", source["NAME"]],
            check=True, capture_output=True,
        ).stdout  # fmt: skip
        subprocess.run(
            [PG_BIN / "psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
             "-p", str(primary.port), "-U", "postgres", "-d", "stadt"],
            input=dump, check=True, capture_output=True,
        )  # fmt: skip
        _as_postgres(
            PG_BIN / "pg_basebackup", "-h", "127.0.0.1", "-p", primary.port, "-U", "postgres",
            "-D", replica.data, "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        replica.start()
        assert replica.sql("SELECT pg_is_in_recovery()")[0]
        yield primary, replica
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def app_on_both(primary_and_replica, tmp_path):
    primary, replica = primary_and_replica
    port = _free_port()
    log = (tmp_path / "server.log").open("ab")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": primary.url(),
            "DATABASE_REPLICA_URL": replica.url(),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{url}/api/", timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "runserver did not start"
                time.sleep(0.2)
        yield url, primary, replica
    finally:
        server.terminate()
        server.wait(10)
        log.close()


def _replayed(replica: Cluster, primary: Cluster, seconds: float = 30) -> None:
    target = primary.sql("SELECT pg_current_wal_lsn()::text")[0]
    deadline = time.monotonic() + seconds
    while not replica.sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")[0]:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.1)


def test_reads_come_from_the_replica_and_writers_read_their_own_writes(transactional_db, request):
    author = UserFactory()  # committed: the dump carries it to the primary
    url, primary, replica = request.getfixturevalue("app_on_both")
    writer = requests.Session()
    token = writer.post(
        f"{url}/api/auth/token/", json={"username": author.username, "password": PASSWORD}
    )
    assert token.status_code == 200, token.text
    writer.headers["Authorization"] = f"Token {token.json()['token']}"
    _replayed(replica, primary)
    replica.sql("SELECT pg_wal_replay_pause()")

    created = writer.post(
        f"{url}/api/proposals/",
        json={
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [SQUARE]},
            "properties": {"kind": "proposal", "category": "housing", "title": "Via primary"},
        },
    )
    assert created.status_code == 201, created.text
    detail = f"{url}/api/proposals/{created.json()['id']}/"

    assert writer.get(detail).status_code == 200  # the author's read: the primary
    assert requests.get(detail, timeout=30).status_code == 404  # anyone else's: the paused replica
    listed = requests.get(f"{url}/api/proposals/", timeout=30).json()["features"]
    assert "Via primary" not in [f["properties"]["title"] for f in listed]

    replica.sql("SELECT pg_wal_replay_resume()")
    _replayed(replica, primary)
    assert requests.get(detail, timeout=30).status_code == 200
    assert writer.get(detail).status_code == 200

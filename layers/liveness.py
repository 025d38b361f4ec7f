"""Who is running a layer import, as the database sees it.

A process that imports a layer holds its *lease*: a PostgreSQL session advisory lock on a
connection of its own (outside Django's pool, so it is never handed to another request),
plus a thread that writes the layer's `progressed_at` every LAYER_IMPORT_HEARTBEAT seconds.
When the process dies (kill -9, the OOM killer, a hard time limit), the kernel closes its
socket and PostgreSQL frees the lock at once; a machine that vanished stops the heartbeat.
So "running" with a free lock, or with a silent heartbeat, is an import nobody runs any
more (services.layer_imports_recover), and a second delivery of the same job (the broker's
redelivery, a re-queue) finds the lock taken and leaves the import to its holder.
"""

import threading
import time

import psycopg
from django.conf import settings
from django.db import connections

from .models import LayerState

LOCK_CLASS = 0x4C59  # pg_advisory_lock(LOCK_CLASS, layer id): "LY", layer imports only

# Keys of Django's connection parameters that are not libpq connection options.
_NOT_LIBPQ = {"cursor_factory", "context", "prepare_threshold", "pool", "server_side_binding"}


def connect() -> psycopg.Connection:
    """A plain autocommit connection to the default database, outside the pool."""
    params = connections["default"].get_connection_params()
    conninfo = {k: v for k, v in params.items() if k not in _NOT_LIBPQ and v not in (None, "")}
    return psycopg.connect(**conninfo, autocommit=True, application_name="stadtmacher-lease")


def try_lock(conn: psycopg.Connection, layer_id: int) -> bool:
    return conn.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_CLASS, layer_id]).fetchone()[0]


def unlock(conn: psycopg.Connection, layer_id: int) -> None:
    conn.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, layer_id])


class Lease:
    """Held while this process imports `layer_id` (a context manager; `held` says whether
    the lock was got within `wait` seconds: a killed process's lock is freed when its
    backend has noticed, which takes a moment)."""

    def __init__(self, layer_id: int, *, wait: float = 5.0):
        self.layer_id = layer_id
        self.wait = wait
        self.held = False
        self._got = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"layer-{layer_id}-lease", daemon=True
        )

    def __enter__(self) -> "Lease":
        self._thread.start()
        self._got.wait()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            conn = connect()
        except psycopg.Error:
            self._got.set()
            return
        try:
            deadline = time.monotonic() + self.wait
            while not (held := try_lock(conn, self.layer_id)) and time.monotonic() < deadline:
                time.sleep(0.25)
            self.held = held
            self._got.set()
            if held:
                self._beat(conn)
        except psycopg.Error:
            pass  # the lock dies with the connection; the recovery check sees that
        finally:
            self._got.set()
            conn.close()  # also frees the lock

    def _beat(self, conn: psycopg.Connection) -> None:
        every = settings.LAYER_IMPORT_HEARTBEAT
        while True:
            conn.execute(
                "UPDATE layers_layer SET progressed_at = now() WHERE id = %s AND state = %s",
                [self.layer_id, LayerState.RUNNING.value],
            )
            if self._stop.wait(every):
                return

"""Reads from a PostgreSQL streaming replica, with read-your-writes (ADR 0014).

With DATABASE_REPLICA_URL set, the `replica` database serves the reads of safe requests
(GET, HEAD, OPTIONS) that come through ReplicaReadsMiddleware; every write, every read of
an unsafe request (a write's own checks), and everything outside a request (Celery jobs,
management commands) uses the primary.

Read-your-writes: after an unsafe request, the response carries a cookie with the primary's
WAL position (`pg_current_wal_lsn()`). A later safe request with that cookie reads from the
replica only once the replica has replayed that far (`pg_last_wal_replay_lsn()`), else from
the primary; the cookie lasts REPLICA_READ_YOUR_WRITES_SECONDS. A replica that cannot be
reached also sends the read to the primary. Clients that keep cookies (browsers, a
requests.Session) see their own writes at once; others may see them a replication lag late.
"""

import re
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

REPLICA = "replica"
COOKIE = "sm_wal"
_LSN = re.compile(r"^[0-9A-F]{1,8}/[0-9A-F]{1,8}$")
_reads_on_replica: ContextVar[bool] = ContextVar("reads_on_replica", default=False)


class ReplicaRouter:
    """Reads go to the replica only inside a request the middleware marked so."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reads_on_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def _replica_has_replayed(lsn: str | None) -> bool:
    if lsn is None:
        return True
    if not _LSN.match(lsn):
        return False
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
            return bool(cursor.fetchone()[0])
    except DatabaseError:
        return False  # unreachable or not a replica: the primary answers


def _primary_position() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        return cursor.fetchone()[0]


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        safe = request.method in ("GET", "HEAD", "OPTIONS")
        on_replica = safe and _replica_has_replayed(request.COOKIES.get(COOKIE))
        token = _reads_on_replica.set(on_replica)
        try:
            response = self.get_response(request)
        finally:
            _reads_on_replica.reset(token)
        if not safe:
            response.set_cookie(
                COOKIE,
                _primary_position(),
                max_age=settings.REPLICA_READ_YOUR_WRITES_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

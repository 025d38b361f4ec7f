"""Overload answered early: 503 + Retry-After instead of a long wait (ADR 0014).

Each process works on at most OVERLOAD_MAX_IN_FLIGHT requests at once (gunicorn gthread
threads, runserver threads); of those, map reads (GET with `bbox`, tiles) take at most
OVERLOAD_MAX_MAP_READS, so pans of the map never hold every slot and writes and pages
still get through. A request that finds no slot within OVERLOAD_QUEUE_WAIT seconds is
answered 503 with Retry-After. Behind a proxy that stamps `X-Request-Start: t=<epoch
seconds or ms>` (nginx: `proxy_set_header X-Request-Start "t=${msec}";`), a request that
already waited OVERLOAD_MAX_QUEUE_AGE in front of gunicorn (its listen queue, where no
process can see it) is answered 503 at once as well: its client has mostly given up.

A request that waits longer than DATABASE_POOL_TIMEOUT for a database connection (the pool
is exhausted) is answered 503 the same way, not 500.

Static files are served by WhiteNoise before this middleware and are never refused.
"""

import threading
import time

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

try:
    from psycopg_pool import PoolTimeout
except ImportError:  # pragma: no cover - psycopg[pool] is a requirement
    PoolTimeout = None

MAP_READ_MARKERS = ("/tiles/", ".pbf", ".mvt")


def is_map_read(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    return "bbox" in request.GET or any(marker in request.path for marker in MAP_READ_MARKERS)


def _queue_age(request) -> float | None:
    """Seconds since the proxy received the request (X-Request-Start: t=... in s or ms)."""
    raw = request.META.get("HTTP_X_REQUEST_START", "").removeprefix("t=").strip()
    try:
        stamp = float(raw)
    except ValueError:
        return None
    if stamp > 1e11:  # milliseconds (nginx ${msec} is seconds with a dot, others send ms)
        stamp /= 1000
    return time.time() - stamp


def busy_response(request) -> HttpResponse:
    retry = str(settings.OVERLOAD_RETRY_AFTER)
    # Before LocaleMiddleware (the refusal must stay cheap): the language from the request.
    with translation.override(translation.get_language_from_request(request)):
        message = _("The server is busy right now. Please try again in a few seconds.")
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = retry
    response["Cache-Control"] = "no-store"
    return response


class OverloadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.OVERLOAD_MAX_IN_FLIGHT
        self.slots = threading.BoundedSemaphore(max(self.limit, 1))
        self.map_slots = threading.BoundedSemaphore(max(settings.OVERLOAD_MAX_MAP_READS, 1))
        self.wait = settings.OVERLOAD_QUEUE_WAIT
        self.max_age = settings.OVERLOAD_MAX_QUEUE_AGE

    def __call__(self, request):
        if self.limit <= 0:
            return self.get_response(request)
        age = _queue_age(request)
        if self.max_age and age is not None and age > self.max_age:
            return busy_response(request)
        map_read = is_map_read(request)
        if map_read and not self.map_slots.acquire(timeout=self.wait):
            return busy_response(request)
        try:
            if not self.slots.acquire(timeout=self.wait):
                return busy_response(request)
            try:
                return self.get_response(request)
            finally:
                self.slots.release()
        finally:
            if map_read:
                self.map_slots.release()

    def process_exception(self, request, exception):
        if (
            PoolTimeout is not None
            and isinstance(exception, OperationalError)
            and isinstance(exception.__cause__, PoolTimeout)
        ):
            return busy_response(request)
        return None

"""Mechanics shared by every vector-tile endpoint: tile addresses, their extent, and a
response that is cached by version and answers 304 to a matching If-None-Match.

    check_tile(z, x, y, max_zoom=22)                  # raises Http404 for no such tile
    bbox = tile_bbox(z, x, y)                         # lon/lat box of the tile
    return cached_response(request, key=..., etag=..., build=lambda: tile_bytes(...))

The cache is Django's default cache (Redis when CACHE_URL names it, so every app server
shares it). A key must change whenever the content does: callers put a version in it.
"""

import math
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import gettext as _

MVT = "application/vnd.mapbox-vector-tile"
EXTENT = 4096  # tile coordinates per side (ST_AsMVT's default)
MAX_ZOOM = 22
CACHE_SECONDS = 24 * 3600  # stale entries are never read (their key holds an old version)


def check_tile(z: int, x: int, y: int, *, max_zoom: int = MAX_ZOOM) -> None:
    """Raise Http404 unless z/x/y names a tile of the web-mercator pyramid up to max_zoom."""
    if not (0 <= z <= max_zoom and 0 <= x < 2**z and 0 <= y < 2**z):
        raise Http404(
            _("No such tile: zoom goes from 0 to %(max)s, x and y from 0 to 2^zoom - 1.")
            % {"max": max_zoom}
        )


def _lon(x: float, n: int) -> float:
    return x / n * 360.0 - 180.0


def _lat(y: float, n: int) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))


def tile_bbox(z: int, x: int, y: int, *, margin: float = 0.0) -> tuple[float, float, float, float]:
    """(minlon, minlat, maxlon, maxlat) of the tile, grown by `margin` tile widths on each
    side (cut to the pyramid's edges)."""
    n = 2**z
    lo_x, hi_x = max(0.0, x - margin), min(float(n), x + 1 + margin)
    lo_y, hi_y = max(0.0, y - margin), min(float(n), y + 1 + margin)
    return (_lon(lo_x, n), _lat(hi_y, n), _lon(hi_x, n), _lat(lo_y, n))


def cache_control() -> str:
    """Browsers and CDNs may keep a tile but must ask again (If-None-Match) before using it,
    so a write shows at once. TILES_MAX_AGE > 0 lets them use it that many seconds without
    asking: anonymous readers see a new pin that much later, while signed-in readers' maps
    ask with a `fresh` stamp of their own, renewed by each write (map/tiles.js), so they see
    theirs at once (docs/operations.md).

    A cache may answer with a copy up to TILES_MAX_AGE seconds past that while it renews the
    copy in the background (`stale-while-revalidate`), and no longer: past it the reader
    waits for the app, so a tile that is gone (404) or has turned private is never served
    from an old copy beyond twice TILES_MAX_AGE (docs/adr/0017)."""
    max_age = int(getattr(settings, "TILES_MAX_AGE", 0))
    if max_age > 0:
        return f"public, max-age={max_age}, stale-while-revalidate={max_age}"
    return "public, no-cache"


def cached_response(
    request,
    *,
    key: str,
    etag: str,
    build: Callable[[], bytes | str],
    content_type: str = MVT,
    cache_control_value: str | None = None,
    use_cache: bool = True,
) -> HttpResponse:
    """304 when the client holds `etag`; else the body from the cache under `key`, or
    build() (then cached). The ETag and Cache-Control go on both answers."""
    etag = quote_etag(etag)
    control = cache_control_value or cache_control()
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        body = cache.get(key) if use_cache else None
        if body is None:
            body = build()
            if use_cache:
                cache.set(key, body, CACHE_SECONDS)
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = control
    return response

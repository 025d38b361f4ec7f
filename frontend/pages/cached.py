"""Parts of pages kept in the cache under the versions of what they show.

    v = versions(request)                                     # read once per request
    wide = cached("wide-claims", (v.proposals, v.layers), build)

A key holds the version of every source its value derives from, and the active language.
The versions are read from the database on each request, never kept in the cache, so a
write shows on the next page view on every app server, whichever cache they use; entries
under old versions are never read again and expire. Only what every viewer sees alike
goes in: whatever depends on the viewer is added after the cache, or is in the key.
"""

import hashlib
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

from core.tiles import CACHE_SECONDS
from layers.selectors import layers_version
from publishing.tile_versions import layer_version

T = TypeVar("T")


class Versions:
    """The versions a page's cached parts depend on, each read at most once per request."""

    @cached_property
    def proposals(self) -> int:
        """Changes with every write to a proposal, its counts, its overlay or its author's
        name (publishing/tile_versions.py)."""
        return layer_version("proposals")

    @cached_property
    def layers(self) -> str:
        return layers_version()


def versions(request) -> Versions:
    if not hasattr(request, "_page_versions"):
        request._page_versions = Versions()
    return request._page_versions


def cache_key(name: str, parts: tuple) -> str:
    digest = hashlib.blake2b(repr((parts, get_language())).encode(), digest_size=8)
    return f"page:{name}:{digest.hexdigest()}"


def cached(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """build()'s value, from the cache under `parts` (versions and whatever else it depends
    on) and the active language; build() must not return None."""
    key = cache_key(name, parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value

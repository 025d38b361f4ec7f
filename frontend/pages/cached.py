"""Parts of pages kept in the cache under the versions of what they show.

    v = versions(request)                                     # read once per request
    wide = cached("wide-claims", (v.proposals, v.layers), build)
    rows = pin_rows(pk)            # everything a pin's page shows: its version, and flags

A key holds the version of every source its value derives from, and the active language.
The versions are read from the database on each request, never kept in the cache, so a
write shows on the next page view on every app server, whichever cache they use; entries
under old versions are never read again and expire. Only what every viewer sees alike
goes in: whatever depends on the viewer is added after the cache, or is in the key.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache as cache_once
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.utils.translation import get_language

from accounts.models import User
from basemap.selectors import basemap_version_id
from community.models import Photo
from core.tiles import CACHE_SECONDS
from layers.models import ProposalOverlay
from layers.selectors import layers_version
from negotiations.models import Outcome, Resolution, Round, RoundClaim
from proposals.models import Comment, Proposal
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

    @cached_property
    def basemap(self) -> int | None:
        return basemap_version_id()


def versions(request) -> Versions:
    if not hasattr(request, "_page_versions"):
        request._page_versions = Versions()
    return request._page_versions


# Everything a pin's page shows, as text: the pin's row, its overlay, the public-name columns
# of its author and commenters, every row of its comments and photos, its negotiation
# rounds, outcomes and resolutions. Any change to any of them changes the digest.
_NAME = "concat_ws(':', u.first_name, u.last_name, u.username, u.show_name_publicly, u.deleted_at)"
_PIN_SQL = f"""
WITH pin AS (SELECT concat_ws(';', x::text, o::text, {_NAME}) AS rows
             FROM {Proposal._meta.db_table} x
             JOIN {User._meta.db_table} u ON u.id = x.author_id
             LEFT JOIN {ProposalOverlay._meta.db_table} o ON o.proposal_id = x.id
             WHERE x.id = %(pk)s),
     c AS (SELECT string_agg(concat_ws(';', c::text, {_NAME}), ',' ORDER BY c.id) AS rows
           FROM {Comment._meta.db_table} c JOIN {User._meta.db_table} u ON u.id = c.author_id
           WHERE c.proposal_id = %(pk)s),
     p AS (SELECT string_agg(p::text, ',' ORDER BY p.id) AS rows
           FROM {Photo._meta.db_table} p WHERE p.proposal_id = %(pk)s),
     r AS (SELECT string_agg(concat_ws(';', r::text, o::text), ',' ORDER BY r.id) AS rows
           FROM {RoundClaim._meta.db_table} rc
           JOIN {Round._meta.db_table} r ON r.id = rc.round_id
           LEFT JOIN {Outcome._meta.db_table} o ON o.round_id = r.id
           WHERE rc.proposal_id = %(pk)s),
     s AS (SELECT string_agg(s::text, ',' ORDER BY s.id) AS rows
           FROM {Resolution._meta.db_table} s WHERE s.proposal_id = %(pk)s)
SELECT md5(concat_ws('|', pin.rows, c.rows, p.rows, r.rows, s.rows)),
       c.rows IS NOT NULL, p.rows IS NOT NULL, r.rows IS NOT NULL
FROM c, p, r, s LEFT JOIN pin ON true
"""


@dataclass(frozen=True)
class PinRows:
    """`version`, a digest of everything a pin's page shows but the layers and the base
    map, so the page stays cached through writes to other pins; and whether the pin has
    any comments, photos or negotiations (the page skips the reads of those it has none
    of)."""

    version: str
    comments: bool
    photos: bool
    negotiations: bool


def pin_rows(pk: int) -> PinRows:
    with connection.cursor() as cursor:
        cursor.execute(_PIN_SQL, {"pk": pk})
        return PinRows(*cursor.fetchone())


@cache_once
def code_version() -> str:
    """A digest of the frontend's page code and templates, part of every key: the cache (Redis)
    outlives a deploy, and a deploy that changes how a part is built or what it holds must
    not find the old parts."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html") and path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(name: str, parts: tuple) -> str:
    digest = hashlib.blake2b(repr((parts, get_language())).encode(), digest_size=8)
    return f"page:{code_version()}:{name}:{digest.hexdigest()}"


def cached(name: str, parts: tuple, build: Callable[[], T]) -> T:
    """build()'s value, from the cache under `parts` (versions and whatever else it depends
    on) and the active language; build() must not return None."""
    key = cache_key(name, parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value


def cached_each(name: str, items: list, parts: Callable, build: Callable) -> list:
    """[build(item) for item in items], each from the cache under parts(item) (what the item
    shows) and the active language: one read and one write of the cache for all of them."""
    keys = [cache_key(name, parts(item)) for item in items]
    found = cache.get_many(keys)
    built = {key: build(item) for key, item in zip(keys, items, strict=True) if key not in found}
    if built:
        cache.set_many(built, CACHE_SECONDS)
    return [found[key] if key in found else built[key] for key in keys]

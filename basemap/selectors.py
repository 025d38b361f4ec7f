"""Reads of the base map: the gazetteer search. (The base-map tiles are published by
publishing/basemap.py.)"""

from django.db import connection

from .models import BasemapVersion
from .normalise import normalise, split_number

LIMIT = 10
MIN_LENGTH = 2  # normalised characters; shorter queries match too much to rank
# pg_trgm's word-similarity threshold for the `%>` operator, set on each new connection
# (apps.py): lower than the default 0.6, so that one swapped or missing letter in a short
# street name still finds it ("Hadynstraße" → Haydnstraße); ranking puts the best first.
WORD_SIMILARITY = 0.35
STREETS_FOR_NUMBERS = 3  # a house number is looked up on this many best-matching streets

# One statement: the candidates of each way of matching, each ranked and limited by its
# own index scan, then merged (tier, then rank) without duplicates.
#   tier 0  names starting with the words (prefix index), shortest first
#   tier 1  names like the words (trigram word similarity, partial GIN index), most similar first
#   tier 2  with a house number: that number on the best streets of tiers 0 and 1
#   tier 3  addresses starting with the whole query (prefix index), in order
# With a number, tier 2 comes first and the names themselves are left out.
SEARCH_SQL = """
WITH prefixed AS (
    SELECT id, kind, norm, 0 AS tier,
           row_number() OVER (ORDER BY length(norm), kind, norm) AS rank
    FROM (SELECT id, kind, norm FROM basemap_place
          WHERE kind <> 'address' AND norm LIKE %(words_prefix)s
          ORDER BY length(norm), kind, norm LIMIT %(limit)s) p
),
alike AS (
    SELECT id, kind, norm, 1 AS tier,
           row_number() OVER (ORDER BY score DESC, length(norm), norm) AS rank
    FROM (SELECT id, kind, norm, word_similarity(%(words)s, norm) AS score FROM basemap_place
          WHERE kind <> 'address' AND norm %%> %(words)s
          ORDER BY score DESC, length(norm), norm LIMIT %(limit)s) s
),
names AS (SELECT * FROM prefixed UNION ALL SELECT * FROM alike),
streets AS (
    SELECT norm, row_number() OVER (ORDER BY min(tier), min(rank)) AS rank
    FROM names WHERE kind = 'street' AND %(number)s <> ''
    GROUP BY norm ORDER BY min(tier), min(rank) LIMIT %(streets)s
),
numbered AS (
    SELECT a.id, 2 AS tier, s.rank * 1000 + a.rank AS rank
    FROM streets s CROSS JOIN LATERAL (
        SELECT id, row_number() OVER (ORDER BY length(housenumber), housenumber) AS rank
        FROM (SELECT id, housenumber FROM basemap_place
              WHERE kind = 'address' AND street_norm = s.norm
                AND housenumber LIKE %(number_prefix)s
              ORDER BY length(housenumber), housenumber LIMIT %(limit)s) n
    ) a
),
addresses AS (
    SELECT id, 3 AS tier, row_number() OVER (ORDER BY norm COLLATE "C") AS rank
    FROM (SELECT id, norm FROM basemap_place
          WHERE kind = 'address' AND norm COLLATE "C" LIKE %(prefix)s
          ORDER BY norm COLLATE "C" LIMIT %(limit)s) a
),
found AS (
    SELECT id, tier, rank FROM names WHERE %(number)s = ''
    UNION ALL SELECT id, tier, rank FROM numbered
    UNION ALL SELECT id, tier, rank FROM addresses
),
best AS (
    SELECT DISTINCT ON (id) id, tier, rank FROM found ORDER BY id, tier, rank
)
SELECT p.kind, p.name, ST_X(p.geom), ST_Y(p.geom)
FROM best JOIN basemap_place p USING (id)
ORDER BY CASE WHEN best.tier = 2 THEN -1 ELSE best.tier END, best.rank
LIMIT %(limit)s
"""


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def place_search(*, q: str, limit: int = LIMIT) -> list[dict]:
    """Gazetteer entries for what a person typed, best first, as {kind, name, lon, lat}:
    names (districts, places, streets) starting with it, then names like it (typos), then
    addresses. With a house number at the end ("Goethestr 12"), the addresses with that
    number on the streets that match the words come first."""
    norm = normalise(q)
    if len(norm) < MIN_LENGTH:
        return []
    words, number = split_number(norm)
    params = {
        "words": words,
        "words_prefix": _like_prefix(words),
        "prefix": _like_prefix(norm),
        "number": number,
        "number_prefix": _like_prefix(number),
        "streets": STREETS_FOR_NUMBERS,
        "limit": limit,
    }
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_SQL, params)
        rows = cursor.fetchall()
    return [{"kind": kind, "name": name, "lon": lon, "lat": lat} for kind, name, lon, lat in rows]


def basemap_version() -> BasemapVersion | None:
    """The newest import, or None while the city has no base map."""
    return BasemapVersion.objects.order_by("-pk").first()


def basemap_version_id() -> int | None:
    """The id of basemap_version() (pages cache their map config under it): one plain
    statement, read on every page view."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT max(id) FROM {BasemapVersion._meta.db_table}")
        (version,) = cursor.fetchone()
    return version

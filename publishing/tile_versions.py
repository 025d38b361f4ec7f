"""Versions of map tiles, read before a cached tile is served (docs/adr/0012-tile-versions.md).

    version = tile_version("proposals", z, x, y)   # changes when something in the tile did
    version = layer_version("proposals")           # changes with every write to the layer

Triggers append a TileChange per write (publishing/tile_triggers.py). Readers first turn
pending changes into versions (flush), so a version read after a write has committed always
reflects it: read-your-writes, on every app server, whatever cache they use.
"""

from django.db import connection

# Tiles deeper than this share the version of their ancestor at this zoom.
MAX_VERSIONED_ZOOM = 16
# How far beyond its envelope a tile shows features (ST_AsMVTGeom's buffer, pin symbols).
MARGIN = 1 / 64
# A box wider than this many tiles at MAX_VERSIONED_ZOOM changes the whole layer.
WIDE = 32
_FLUSH_LOCK = 0x7469_6C65  # "tile"

_WORLD = 20037508.342789244  # half the width of EPSG:3857

# Every tile of zooms 0..MAX_VERSIONED_ZOOM (and its margin) that a changed box meets.
_FLUSH_SQL = f"""
WITH d AS (
    DELETE FROM publishing_tilechange WHERE id <= last_change RETURNING layer, box, everything
),
m AS (
    SELECT layer, everything, ST_Transform(box, 3857) AS b FROM d
),
per_layer AS (
    SELECT layer, bool_or(everything OR (b IS NOT NULL AND greatest(
               ST_XMax(b) - ST_XMin(b), ST_YMax(b) - ST_YMin(b))
               > {WIDE} * 2 * {_WORLD} / 2 ^ {MAX_VERSIONED_ZOOM})) AS whole
    FROM m GROUP BY layer
),
tiles AS (
    SELECT DISTINCT m.layer, z, tx, ty
    FROM m JOIN per_layer p ON p.layer = m.layer AND NOT p.whole,
         generate_series(0, {MAX_VERSIONED_ZOOM}) AS z,
         LATERAL (SELECT 2 * {_WORLD} / 2 ^ z AS size, (2 ^ z)::int - 1 AS last) s,
         LATERAL generate_series(
             greatest(0, floor((ST_XMin(m.b) + {_WORLD}) / s.size - {MARGIN})::int),
             least(s.last, floor((ST_XMax(m.b) + {_WORLD}) / s.size + {MARGIN})::int)) AS tx,
         LATERAL generate_series(
             greatest(0, floor(({_WORLD} - ST_YMax(m.b)) / s.size - {MARGIN})::int),
             least(s.last, floor(({_WORLD} - ST_YMin(m.b)) / s.size + {MARGIN})::int)) AS ty
    WHERE m.b IS NOT NULL
),
bumped AS (
    SELECT layer, -2 AS z, 0 AS x, 0 AS y FROM per_layer
    UNION ALL SELECT layer, -1, 0, 0 FROM per_layer WHERE whole
    UNION ALL SELECT layer, z, tx, ty FROM tiles
)
INSERT INTO publishing_tileversion (layer, z, x, y, version)
SELECT layer, z, x, y, new_version FROM bumped
ON CONFLICT (layer, z, x, y) DO UPDATE SET version = EXCLUDED.version
"""

# The flush as one statement (a function, installed by migrations publishing/0002 and 0003):
# it holds the lock only while the server works. Run as several statements from Python, a
# flush held the lock while its thread waited for the GIL between them, and every map read
# waited too (the load test saw 1-2 backends "idle in transaction" and readers on the lock).
# Readers that find a flush under way wait for it together (a shared lock) rather than one
# after the other, and flush only if a change they must see is still pending: at 500 users
# with 20 writes/s they used to queue for the lock only to find nothing left to do.
# JIT is off: the planner's estimate for the generate_series joins is in the billions, which
# made PostgreSQL JIT-compile the statement, ~600 ms of compiling for a few ms of work.
FLUSH_FUNCTION = "publishing_flush_tile_changes"


def install_sql() -> str:
    return f"""
CREATE OR REPLACE FUNCTION {FLUSH_FUNCTION}(take_turns boolean) RETURNS boolean
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    seen bigint;
    last_change bigint;
    new_version bigint;
BEGIN
    -- The changes this call must turn into versions: those committed before it began.
    SELECT max(id) INTO seen FROM publishing_tilechange;
    IF seen IS NULL THEN
        RETURN true;
    END IF;
    IF take_turns THEN
        PERFORM pg_advisory_xact_lock({_FLUSH_LOCK});
    ELSIF NOT pg_try_advisory_xact_lock({_FLUSH_LOCK}) THEN
        -- A flush is under way: wait for its end beside every other waiter (shared), then
        -- see whether it took all of ours. If not, the caller calls again, taking turns.
        PERFORM pg_advisory_xact_lock_shared({_FLUSH_LOCK});
        RETURN NOT EXISTS (SELECT 1 FROM publishing_tilechange WHERE id <= seen);
    END IF;
    SELECT max(id) INTO last_change FROM publishing_tilechange;
    IF last_change IS NULL THEN
        RETURN true;
    END IF;
    new_version := nextval('publishing_tileversion_seq');
    {_FLUSH_SQL};
    RETURN true;
END $$"""


def uninstall_sql() -> str:
    """Drops the flush in both forms (the one without arguments: migration publishing/0003)."""
    return (
        f"DROP FUNCTION IF EXISTS {FLUSH_FUNCTION}(); "
        f"DROP FUNCTION IF EXISTS {FLUSH_FUNCTION}(boolean)"
    )


_READ_SQL = """
SELECT EXISTS (SELECT 1 FROM publishing_tilechange),
       (SELECT coalesce(max(version), 0) FROM publishing_tileversion
        WHERE layer = %s AND (z, x, y) IN ((-1, 0, 0), (%s, %s, %s)))
"""


def flush() -> None:
    """Turn the pending changes into tile versions: one new version number for every tile
    they touch. Flushes take turns (an advisory lock), so when this returns every change
    committed before it began has its versions. One statement (two when another flush was
    under way and left some of ours): outside a transaction the lock is released as soon
    as the server is done."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {FLUSH_FUNCTION}(false)")
        if not cursor.fetchone()[0]:
            cursor.execute(f"SELECT {FLUSH_FUNCTION}(true)")


def _read(layer: str, z: int, x: int, y: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute(_READ_SQL, [layer, z, x, y])
        pending, version = cursor.fetchone()
    if pending:
        flush()
        with connection.cursor() as cursor:
            cursor.execute(_READ_SQL, [layer, z, x, y])
            pending, version = cursor.fetchone()
    return version


def tile_version(layer: str, z: int, x: int, y: int) -> int:
    """The version of tile z/x/y of `layer`: it changes whenever a write changes what the
    tile shows (and sometimes when a write just next to it does)."""
    shift = max(0, z - MAX_VERSIONED_ZOOM)
    return _read(layer, min(z, MAX_VERSIONED_ZOOM), x >> shift, y >> shift)


def layer_version(layer: str) -> int:
    """A version of the whole layer that changes with every write to it."""
    return _read(layer, -2, 0, 0)


def invalidate_layer(layer: str) -> None:
    """Give every tile of `layer` a new version (after a change no trigger saw, or one that
    changes the whole layer, such as zoning that changes every proposal's verdict)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO publishing_tilechange (layer, box, everything) VALUES (%s, NULL, true)",
            [layer],
        )


def proposal_tiles_after_zoning_change() -> None:
    """layers.hooks.after_overlay_bulk_change: the overlay of many proposals changed."""
    invalidate_layer("proposals")

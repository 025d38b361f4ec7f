"""How claims and clusters are read from and written to PostGIS (used by services.py).

Reads come in one query each, as arrays (WKB in ANALYSIS_SRID); writes are set-based:
array parameters for a few clusters, COPY into a temp table for many.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import numpy as np
import psycopg
import psycopg.sql
import shapely
from django.conf import settings
from django.db import connection

from core import pgcopy
from layers.compatibility import Compatibility

from . import rows, triggers
from .rows import ClaimColumns

INCOMPATIBLE, UNKNOWN = Compatibility.INCOMPATIBLE.value, Compatibility.UNKNOWN.value

log = logging.getLogger(__name__)


def srid() -> int:
    return int(settings.ANALYSIS_SRID)


def raw_cursor():
    """A binary, server-side-binding psycopg cursor on Django's connection (same
    transaction): WKB arrives as raw bytes, parameters travel as typed values."""
    connection.ensure_connection()
    cursor = psycopg.Cursor(connection.connection)
    cursor.format = psycopg.pq.Format.BINARY
    return cursor


ZONE_SEPARATOR = "\x1f"

# Active claims in id ranges, as one row of arrays: ids and WKB in ANALYSIS_SRID, from the
# table the triggers keep, so the read transforms nothing (docs/adr/0006).
LOAD_SQL = """
SELECT array_agg(proposal_id), array_agg(ST_AsBinary(geom))
FROM spatial_claimgeometry WHERE proposal_id >= %s AND proposal_id < %s
"""
LOAD_CHUNK = 100_000  # ids per query: one huge array grows worse than linearly

# The attributes the verdict needs, as packed big-endian columns (one bytea each: no Python
# object per claim): (SQL, numpy dtype) of id, category (its 1-based position in
# rows.CATEGORIES, 0 if unknown), conflict, author, supports and incompatible.
_INCOMPATIBLE = f"o.compatibility = '{INCOMPATIBLE}'"
_CATEGORY_LIST = "{" + ",".join(rows.CATEGORIES) + "}"
PACKED_COLUMNS = (
    ("int8send(p.id)", ">i8"),
    (
        f"int2send(coalesce(array_position('{_CATEGORY_LIST}'::text[], p.category::text), 0)"
        "::int2)",
        ">i2",
    ),
    ("boolsend(p.kind = 'conflict')", "?"),
    ("int8send(p.author_id)", ">i8"),
    ("int4send(p.support_count)", ">i4"),
    (f"boolsend(coalesce({_INCOMPATIBLE}, false))", "?"),
)
# The incompatible claims' ids and the codes of the zones that refuse them (joined by
# ZONE_SEPARATOR): few claims, as arrays.
_REFUSING_ZONES = f"""coalesce((SELECT string_agg(DISTINCT z->>'zone_code', E'\\x1f')
           FROM jsonb_array_elements(o.zones) z WHERE z->>'verdict' = '{INCOMPATIBLE}'), '')"""


def _attributes_select(order: str) -> str:
    packed = ", ".join(f"string_agg({sql}, ''::bytea{order})" for sql, _ in PACKED_COLUMNS)
    return (
        f"SELECT {packed}, array_agg(p.id{order}) FILTER (WHERE {_INCOMPATIBLE}),\n"
        f"       array_agg({_REFUSING_ZONES}{order}) FILTER (WHERE {_INCOMPATIBLE})\n"
    )


# For the given ids, in their order.
ATTRIBUTES_SQL = (
    _attributes_select(" ORDER BY w.n")
    + """FROM unnest(%s::bigint[]) WITH ORDINALITY AS w(id, n)
JOIN proposals_proposal p ON p.id = w.id
LEFT JOIN layers_proposaloverlay o ON o.proposal_id = p.id
"""
)
# For every proposal in an id range: one sequential pass, for when most claims of the range
# are wanted (docs/adr/0004). No ORDER BY: the aggregates of one query see the rows in the
# same order, so the columns are aligned with the ids, and numpy sorts them once instead of
# the server once per column.
ATTRIBUTES_RANGE_SQL = (
    _attributes_select("")
    + """FROM proposals_proposal p
LEFT JOIN layers_proposaloverlay o ON o.proposal_id = p.id
WHERE p.id >= %s AND p.id < %s
"""
)
SCAN_FROM = 0.2  # share of the id range from which attributes are read by one pass


def load_geometries(cur, low, high, other=None) -> tuple[np.ndarray, np.ndarray]:
    """(ids, geometries in ANALYSIS_SRID) of the active proposals with ids in [low, high]
    (see `claim_id_range`), sorted by id.

    With `other`, a second connection on the same snapshot (see `snapshot_reader`), the id
    ranges are split between the two: the server prepares one while Python unpacks the
    other."""
    starts = list(range(low or 0, (high or -1) + 1, LOAD_CHUNK))

    def read(cursor, some_starts):
        parts = []
        for start in some_starts:
            cursor.execute(LOAD_SQL, [start, start + LOAD_CHUNK])
            chunk_ids, chunk_wkbs = cursor.fetchone()
            if chunk_ids:
                wkbs = np.asarray(chunk_wkbs, dtype=object)
                parts.append((np.asarray(chunk_ids, dtype=np.int64), shapely.from_wkb(wkbs)))
        return parts

    if other is None or len(starts) < 2:
        parts = read(cur, starts)
    else:
        with ThreadPoolExecutor(1) as pool, other.cursor(binary=True) as other_cur:
            theirs = pool.submit(read, other_cur, starts[1::2])
            parts = read(cur, starts[0::2]) + theirs.result()
    if not parts:
        return np.zeros(0, dtype=np.int64), np.empty(0, dtype=object)
    ids = np.concatenate([p[0] for p in parts])
    geoms = np.concatenate([p[1] for p in parts])
    order = np.argsort(ids, kind="stable")
    return ids[order], geoms[order]


def load_memberships(cur) -> tuple[np.ndarray, np.ndarray]:
    """(proposal ids, cluster ids) of every stored membership, as two aligned arrays
    (sent as packed big-endian integers: no Python int per row)."""
    cur.execute(
        "SELECT string_agg(int8send(proposal_id), ''::bytea), "
        "string_agg(int8send(cluster_id), ''::bytea) FROM spatial_clustermember"
    )
    members, of = cur.fetchone()
    return (np.frombuffer(v or b"", dtype=">i8").astype(np.int64) for v in (members, of))


class StaleClaimGeometry(RuntimeError):
    pass


def claim_id_range(cur) -> tuple[int | None, int | None]:
    """(min, max) proposal id in spatial_claimgeometry, after checking that the table is in
    ANALYSIS_SRID and holds as many rows as there are active proposals (it is refilled if
    not, e.g. after a restore with triggers disabled). Find_SRID in a statement of its own:
    it is parallel-unsafe, and beside it the two counts ran without parallel workers (at a
    million claims 1.1 s instead of 0.6 s)."""
    cur.execute("SELECT Find_SRID(current_schema()::text, 'spatial_claimgeometry', 'geom')")
    stored_srid = cur.fetchone()[0]
    cur.execute(
        f"SELECT (SELECT count(*) FROM proposals_proposal WHERE {triggers.clustered()}), "
        "count(*), min(proposal_id), max(proposal_id) FROM spatial_claimgeometry"
    )
    active, stored, low, high = cur.fetchone()
    if stored_srid != srid():
        raise StaleClaimGeometry(
            f"Claim geometries are stored in EPSG:{stored_srid}, but ANALYSIS_SRID is "
            f"{srid()}: run `manage.py recluster --reindex`."
        )
    if stored != active:
        log.warning(
            "spatial_claimgeometry has %s rows for %s active claims: refilling", stored, active
        )
        for statement in triggers.refill_sql(srid()):
            cur.execute(statement)
        cur.execute("SELECT min(proposal_id), max(proposal_id) FROM spatial_claimgeometry")
        low, high = cur.fetchone()
    return low, high


# For the recompute's transactions: its statements scan up to every claim, their planned
# costs pass jit_above_cost, and compiling them costs more than it saves (the attribute
# read of a million claims: 1.7 s without JIT, 1.8-2.5 s with it).
NO_JIT = "SET LOCAL jit = off"


@contextmanager
def snapshot_reader(cur, wanted: bool = True):
    """A second, read-only connection that sees exactly what this transaction sees (an
    exported snapshot), for reading in parallel; yields None when it cannot: outside a
    transaction, or once this transaction has written, since its own uncommitted rows are
    invisible to any other connection."""
    if not wanted or not connection.in_atomic_block:
        yield None
        return
    cur.execute(
        "SELECT pg_export_snapshot() WHERE pg_current_xact_id_if_assigned() IS NULL "
        "AND current_setting('transaction_isolation') <> 'serializable'"
    )
    row = cur.fetchone()
    if row is None:
        yield None
        return
    # Django's parameters (host, credentials, options), with psycopg's server-side binding
    # cursor, as raw_cursor() uses, instead of Django's client-side one
    try:
        other = psycopg.connect(
            **{**connection.get_connection_params(), "cursor_factory": psycopg.Cursor}
        )
    except psycopg.OperationalError as error:  # e.g. max_connections reached: go on alone
        log.warning("no second connection for the recompute, reading on one: %s", error)
        yield None
        return
    try:
        other.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        other.read_only = True
        other.execute(
            psycopg.sql.SQL("SET TRANSACTION SNAPSHOT {}").format(psycopg.sql.Literal(row[0]))
        )
        other.execute(NO_JIT)
        yield other
    finally:
        other.close()


def _unpack(row) -> tuple[list[np.ndarray], dict[int, str]]:
    """The packed columns of an attributes row, and the refusing zones by claim id."""
    packed = [
        np.frombuffer(value or b"", dtype=dtype)
        for value, (_, dtype) in zip(row, PACKED_COLUMNS, strict=False)
    ]
    zones = dict(zip(row[-2] or (), row[-1] or (), strict=True))
    return packed, zones


def _attributes_by_range(cur, ids: np.ndarray, low: int, high: int):
    """The attribute columns of `ids`, read in id ranges and picked out, with the refusing
    zones by claim id; None if one of `ids` is missing (then the caller asks by id)."""
    parts, zones = [], {}
    for start in range(low, high + 1, LOAD_CHUNK):
        cur.execute(ATTRIBUTES_RANGE_SQL, [start, start + LOAD_CHUNK])
        packed, some_zones = _unpack(cur.fetchone())
        if len(packed[0]):
            parts.append(packed)
            zones.update(some_zones)
    if not parts:
        return None
    every = np.concatenate([p[0] for p in parts])
    order = np.argsort(every, kind="stable")
    at = order[np.minimum(np.searchsorted(every, ids, sorter=order), len(every) - 1)]
    if (every[at] != ids).any():
        return None
    return [np.concatenate([p[c] for p in parts])[at] for c in range(len(PACKED_COLUMNS))], zones


def load_attributes(cur, ids: np.ndarray) -> ClaimColumns:
    """Attributes of the claims `ids`, aligned with them."""
    ids = np.asarray(ids, dtype=np.int64)
    if not len(ids):
        return ClaimColumns.from_rows([])
    columns = None
    low, high = int(ids.min()), int(ids.max())
    if len(ids) >= SCAN_FROM * (high - low + 1):
        columns = _attributes_by_range(cur, ids, low, high)
    if columns is None:
        cur.execute(ATTRIBUTES_SQL, [int_array(ids)])
        columns = _unpack(cur.fetchone())
    (found, category, conflict, author, supports, incompatible), zones = columns
    if len(found) != len(ids) or (found != ids).any():
        raise LookupError("a claim of the recompute is missing from proposals_proposal")
    if not category.all():
        raise ValueError(f"a category outside {list(rows.CATEGORIES)}")
    zone_codes = np.empty(len(ids), dtype=object)
    zone_codes.fill(())
    for i in np.flatnonzero(incompatible):
        text = zones[int(ids[i])]
        zone_codes[i] = tuple(text.split(ZONE_SEPARATOR)) if text else ()
    return ClaimColumns(
        ids=ids,
        category=category.astype(np.int64) - 1,
        conflict=conflict.astype(bool),
        author=author.astype(np.int64),
        supports=supports.astype(np.int64),
        incompatible=incompatible.astype(bool),
        zones=zone_codes,
    )


CLAIM_COLUMNS = f"""p.id, p.category, p.kind, p.author_id, p.support_count,
       coalesce(o.compatibility, '{UNKNOWN}'),
       coalesce((SELECT array_agg(DISTINCT z->>'zone_code' ORDER BY z->>'zone_code')
                 FROM jsonb_array_elements(o.zones) z
                 WHERE z->>'verdict' = '{INCOMPATIBLE}' AND z->>'zone_code' IS NOT NULL), '{{}}')"""

# Attributes, analysis geometry and cluster of the members of the given clusters (few
# rows: the incremental update). LATERAL keeps it an index nested loop whatever the stats.
CLAIMS_OF_CLUSTERS_SQL = f"""
SELECT c.*
FROM spatial_clustermember m CROSS JOIN LATERAL (
    SELECT {CLAIM_COLUMNS}, ST_AsBinary(ST_Transform(p.geom, {{srid}})), m.cluster_id
    FROM proposals_proposal p LEFT JOIN layers_proposaloverlay o ON o.proposal_id = p.id
    WHERE p.id = m.proposal_id) c
WHERE m.cluster_id = ANY(%s)
"""


def new_cluster_ids(cur, count: int) -> list[int]:
    """`count` ids from spatial_cluster's sequence, ascending. The sequence is looked up once
    (per row it cost 10 us, a second per 100,000 clusters), the ids travel packed."""
    if count == 0:
        return []
    cur.execute(
        "WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('spatial_cluster', 'id')::regclass "
        "AS seq) SELECT string_agg(int8send(nextval(s.seq)), ''::bytea) "
        "FROM s, generate_series(1, %s)",
        [count],
    )
    return np.frombuffer(cur.fetchone()[0], dtype=">i8").tolist()


_UPDATED = (
    "outline", "contested", "score", "explanation", "categories", "claim_count",
    "proposal_count", "conflict_count", "incompatible_count", "author_count",
    "support_count", "overlap_area_m2", "updated_at", "dissolved_at",
)  # fmt: skip
# Rows come from {source}: unnest() of array parameters, or a COPY-filled temp table.
UPSERT_SQL = """
INSERT INTO spatial_cluster AS c (
    id, outline, contested, score, explanation, categories, claim_count, proposal_count,
    conflict_count, incompatible_count, author_count, support_count, overlap_area_m2,
    created_at, updated_at, dissolved_at)
SELECT u.id, ST_Multi(ST_SetSRID(u.outline::geometry, 4326)), u.contested, u.score,
       u.explanation::jsonb, u.categories::text[], u.claims, u.proposals,
       u.conflicts, u.incompatible, u.authors, u.supports, u.overlap, now(), now(), NULL
FROM {source}
ON CONFLICT (id) DO UPDATE SET """ + ", ".join(f"{col} = EXCLUDED.{col}" for col in _UPDATED)


ROW_COLUMNS = (
    "id", "outline", "contested", "score", "explanation", "categories", "claims",
    "proposals", "conflicts", "incompatible", "authors", "supports", "overlap",
)  # fmt: skip
ROW_TYPES = (
    "bigint", "text", "bool", "float8", "text", "text", "int", "int", "int", "int", "int",
    "int", "float8",
)  # fmt: skip
COPY_FROM = 500  # clusters from which rows travel by COPY instead of array parameters


def write_clusters(cur, cluster_of, geoms, claims: ClaimColumns, tolerance: float) -> int:
    """Upsert one row per distinct cluster id in `cluster_of`."""
    if not len(cluster_of):
        return 0
    shapes = rows.cluster_shapes(cluster_of, geoms, tolerance, srid=srid())
    return upsert_clusters(cur, rows.cluster_rows(shapes, claims))


# The columns of spatial_cluster that ROW_COLUMNS fill, and the times (dissolved_at: NULL).
CLUSTER_COLUMNS = (
    "id", "outline", "contested", "score", "explanation", "categories", "claim_count",
    "proposal_count", "conflict_count", "incompatible_count", "author_count",
    "support_count", "overlap_area_m2", "created_at", "updated_at",
)  # fmt: skip


def upsert_clusters(cur, columns: dict, *, new: bool = False) -> int:
    """Insert or update the clusters of `columns` (from rows.cluster_rows). `new`: every id
    is fresh from the sequence, so no row holds it yet: many such rows are copied straight
    into spatial_cluster, with no temp table and no conflict to check."""
    k = len(columns["id"])
    if k < COPY_FROM:
        source = "unnest({}) AS u({})".format(
            ", ".join(f"%({c})s::{t}[]" for c, t in zip(ROW_COLUMNS, ROW_TYPES, strict=True)),
            ", ".join(ROW_COLUMNS),
        )
        cur.execute(UPSERT_SQL.format(source=source), {"srid": srid(), **columns})
        return k
    ready = {
        "contested": ["t" if v else "f" for v in columns["contested"]],
        "explanation": pgcopy.escape_text(columns["explanation"]),
        "categories": pgcopy.escape_text(columns["categories"]),
        "outline": columns["outline"],  # hex: nothing to escape
    }
    text = [ready.get(c) or strings(columns[c]) for c in ROW_COLUMNS]
    if new:
        cur.execute("SELECT now()::text")  # the transaction's time, as the upsert's now()
        now = [cur.fetchone()[0]] * k
        pgcopy.copy_text(cur, "spatial_cluster", CLUSTER_COLUMNS, [*text, now, now])
        return k
    cur.execute(
        "CREATE TEMP TABLE IF NOT EXISTS spatial_cluster_rows ({}) ON COMMIT DELETE ROWS".format(
            ", ".join(f"{c} {t}" for c, t in zip(ROW_COLUMNS, ROW_TYPES, strict=True))
        )
    )
    pgcopy.copy_text(cur, "spatial_cluster_rows", ROW_COLUMNS, text)
    cur.execute(UPSERT_SQL.format(source="spatial_cluster_rows u"), {"srid": srid()}, prepare=False)
    cur.execute("TRUNCATE spatial_cluster_rows")
    return k


def int_array(values) -> str:
    """A PostgreSQL array literal of integers (much cheaper to send than a Python list)."""
    return "{" + ",".join(map(str, np.asarray(values, dtype=np.int64).tolist())) + "}"


def strings(values) -> list[str]:
    return list(map(str, np.asarray(values).tolist()))


def copy_bigint_pairs(cur, table: str, columns, a, b) -> None:
    """COPY two aligned bigint columns into `table` (binary rows built by numpy)."""
    pgcopy.copy_binary(cur, table, columns, pgcopy.bigint_rows(a, b))


def dissolve(cur, cluster_ids) -> None:
    """Mark clusters with fewer than two members dissolved and drop a lone member."""
    cur.execute(
        "WITH small AS (SELECT c.id FROM spatial_cluster c WHERE c.id = ANY(%s) "
        "  AND (SELECT count(*) FROM spatial_clustermember m WHERE m.cluster_id = c.id) < 2), "
        "gone AS (DELETE FROM spatial_clustermember m USING small WHERE m.cluster_id = small.id) "
        "UPDATE spatial_cluster c SET dissolved_at = now(), updated_at = now(), claim_count = 0 "
        "FROM small WHERE c.id = small.id AND c.dissolved_at IS NULL",
        [list(cluster_ids)],
    )

"""Writes of the spatial app: full recompute and incremental update of clusters.

Claims (active proposals) are read from PostGIS in ANALYSIS_SRID as WKB, grouped by the
pure engine (spatial/engine.py), scored (spatial/score.py) and written back set-based.
Every cluster write takes one transaction-level advisory lock, so an incremental update
and a full recompute never interleave (see docs/adr/0004-cluster-recompute.md).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

import numpy as np
import psycopg
import shapely
from django.conf import settings
from django.db import connection, transaction

from proposals.models import Category, Status

from . import engine
from .models import AnalysisSettings
from .score import verdict_from_counts

log = logging.getLogger(__name__)

LOCK_KEY = 4_0004  # pg_advisory_xact_lock key shared by every cluster write
MIN_PAD_M = 1.0  # outlines are widened by max(tolerance / 2, this) so points get an area


@dataclass
class RecomputeResult:
    claims: int
    clusters: int
    changed: int
    tolerance: float
    seconds: dict


# -- reading claims -----------------------------------------------------------------------


def _srid() -> int:
    return int(settings.ANALYSIS_SRID)


def _raw_cursor():
    """A binary, server-side-binding psycopg cursor on Django's connection (same
    transaction): WKB arrives as raw bytes, parameters travel as typed values."""
    connection.ensure_connection()
    cursor = psycopg.Cursor(connection.connection)
    cursor.format = psycopg.pq.Format.BINARY
    return cursor


ZONE_SEPARATOR = "\x1f"

# Every active claim in one row of arrays: id, WKB in ANALYSIS_SRID, and the attributes the
# verdict needs (incompatible zone codes joined by ZONE_SEPARATOR).
LOAD_SQL = """
SELECT array_agg(p.id), array_agg(ST_AsBinary(ST_Transform(p.geom, {srid}))),
       array_agg(p.category), array_agg(p.kind), array_agg(p.author_id),
       array_agg(p.support_count), array_agg(coalesce(o.compatibility, 'unknown')),
       array_agg(CASE WHEN o.compatibility = 'incompatible' THEN coalesce((
           SELECT string_agg(DISTINCT z->>'zone_code', E'\\x1f')
           FROM jsonb_array_elements(o.zones) z WHERE z->>'verdict' = 'incompatible'), '')
           ELSE '' END)
FROM proposals_proposal p LEFT JOIN layers_proposaloverlay o ON o.proposal_id = p.id
WHERE p.status = 'active'
"""


def _load_claims() -> tuple[np.ndarray, ClaimColumns]:
    """(geometries in ANALYSIS_SRID, attributes) of every active proposal, sorted by id."""
    with _raw_cursor() as cur:
        cur.execute(LOAD_SQL.format(srid=_srid()))
        ids, wkbs, category, kind, author, supports, zoning, zones = cur.fetchone()
    if not ids:
        return np.zeros(0, dtype=object), ClaimColumns.from_rows([])
    zone_codes = np.empty(len(ids), dtype=object)
    zone_codes[:] = [tuple(z.split(ZONE_SEPARATOR)) if z else () for z in zones]
    claims = ClaimColumns(
        ids=np.asarray(ids, dtype=np.int64),
        category=np.asarray(category, dtype=object),
        conflict=np.asarray(kind, dtype=object) == "conflict",
        author=np.asarray(author, dtype=np.int64),
        supports=np.asarray(supports, dtype=np.int64),
        incompatible=np.asarray(zoning, dtype=object) == "incompatible",
        zones=zone_codes,
    )
    order = np.argsort(claims.ids, kind="stable")
    return shapely.from_wkb(np.asarray(wkbs, dtype=object))[order], claims.take(order)


CLAIM_COLUMNS = """p.id, p.category, p.kind, p.author_id, p.support_count,
       coalesce(o.compatibility, 'unknown'),
       coalesce((SELECT array_agg(DISTINCT z->>'zone_code' ORDER BY z->>'zone_code')
                 FROM jsonb_array_elements(o.zones) z
                 WHERE z->>'verdict' = 'incompatible' AND z->>'zone_code' IS NOT NULL), '{}')"""

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


@dataclass
class ClaimColumns:
    """Attributes of claims as aligned arrays (rows from CLAIM_COLUMNS)."""

    ids: np.ndarray
    category: np.ndarray
    conflict: np.ndarray
    author: np.ndarray
    supports: np.ndarray
    incompatible: np.ndarray
    zones: np.ndarray

    @classmethod
    def from_rows(cls, rows) -> ClaimColumns:
        cols = list(zip(*rows, strict=True)) if rows else [()] * 7
        zones = np.empty(len(rows), dtype=object)
        zones[:] = [tuple(z) for z in cols[6]]
        return cls(
            ids=np.asarray(cols[0], dtype=np.int64),
            category=np.asarray(cols[1], dtype=object),
            conflict=np.asarray(cols[2], dtype=object) == "conflict",
            author=np.asarray(cols[3], dtype=np.int64),
            supports=np.asarray(cols[4], dtype=np.int64),
            incompatible=np.asarray(cols[5], dtype=object) == "incompatible",
            zones=zones,
        )

    def take(self, index) -> ClaimColumns:
        return ClaimColumns(*(getattr(self, f)[index] for f in self.__dataclass_fields__))


def _tolerance(cur) -> float:
    """The stored tolerance, read without creating the settings row (a hot path)."""
    cur.execute("SELECT cluster_tolerance_m FROM spatial_analysissettings WHERE id = 1")
    row = cur.fetchone()
    return row[0] if row else float(settings.CLUSTER_TOLERANCE_M)


def _lock(cur) -> None:
    cur.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def _new_cluster_ids(cur, count: int) -> list[int]:
    if count == 0:
        return []
    cur.execute(
        "SELECT nextval(pg_get_serial_sequence('spatial_cluster', 'id')) "
        "FROM generate_series(1, %s)",
        [count],
    )
    return [row[0] for row in cur.fetchall()]


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
SELECT u.id, ST_Multi(ST_Transform(ST_GeomFromWKB(decode(u.outline, 'hex'), %(srid)s), 4326)),
       u.contested, u.score, u.explanation::jsonb,
       ARRAY(SELECT jsonb_array_elements_text(u.categories::jsonb)), u.claims, u.proposals,
       u.conflicts, u.incompatible, u.authors, u.supports, u.overlap, now(), now(), NULL
FROM {source}
ON CONFLICT (id) DO UPDATE SET """ + ", ".join(f"{col} = EXCLUDED.{col}" for col in _UPDATED)


CATEGORIES = np.array(sorted(c.value for c in Category), dtype=object)


def _cluster_rows(cluster_of, geoms, claims: ClaimColumns, tolerance: float) -> dict:
    """One row per distinct cluster id in `cluster_of` (aligned with geoms and claims):
    outline (WKB in ANALYSIS_SRID), counts, overlap and verdict. Vectorised except for
    the verdict, which is cached by the counts it depends on."""
    order = np.argsort(cluster_of, kind="stable")
    ids, counts = np.unique(cluster_of[order], return_counts=True)
    k = len(ids)
    group = np.repeat(np.arange(k), counts)
    geoms, claims = geoms[order], claims.take(order)

    def per_cluster(values):
        return np.bincount(group, weights=values, minlength=k).astype(np.int64)

    conflicts = per_cluster(claims.conflict)
    supports = per_cluster(claims.supports)
    incompatible = per_cluster(claims.incompatible)
    codes = np.searchsorted(CATEGORIES, claims.category)
    by_category = np.zeros((k, len(CATEGORIES)), dtype=np.int64)
    np.add.at(by_category, (group, codes), 1)
    people = np.bincount(
        np.unique(np.stack([group, claims.author], axis=1), axis=0)[:, 0], minlength=k
    )
    zones = [()] * k
    for i in np.flatnonzero(claims.incompatible):
        zones[group[i]] = tuple(sorted({*zones[group[i]], *claims.zones[i]}))
    overlap = engine.overlap_areas(geoms, group, k)
    pad = max(tolerance / 2, MIN_PAD_M)
    hulls = shapely.convex_hull(shapely.geometrycollections(geoms, indices=group))
    outlines = shapely.to_wkb(shapely.buffer(hulls, pad, quad_segs=4), hex=True)

    rows = {"explanation": [], "contested": [], "score": [], "categories": []}
    for g in range(k):
        present = np.flatnonzero(by_category[g])
        verdict = verdict_from_counts(
            categories=tuple((CATEGORIES[c], int(by_category[g, c])) for c in present),
            conflicts=int(conflicts[g]),
            proposals=int(counts[g] - conflicts[g]),
            incompatible=int(incompatible[g]),
            zones=zones[g],
            people=int(people[g]),
            supports=int(supports[g]),
            overlap_area_m2=round(float(overlap[g]), 1),
        )
        rows["explanation"].append(json.dumps(verdict.explanation, ensure_ascii=False))
        rows["contested"].append(verdict.contested)
        rows["score"].append(verdict.score)
        rows["categories"].append(json.dumps([str(CATEGORIES[c]) for c in present]))
    rows.update(
        id=ids.tolist(),
        outline=outlines.tolist(),
        claims=counts.tolist(),
        proposals=(counts - conflicts).tolist(),
        conflicts=conflicts.tolist(),
        incompatible=incompatible.tolist(),
        authors=people.tolist(),
        supports=supports.tolist(),
        overlap=overlap.round(1).tolist(),
    )
    return rows


ROW_COLUMNS = (
    "id", "outline", "contested", "score", "explanation", "categories", "claims",
    "proposals", "conflicts", "incompatible", "authors", "supports", "overlap",
)  # fmt: skip
ROW_TYPES = (
    "bigint", "text", "bool", "float8", "text", "text", "int", "int", "int", "int", "int",
    "int", "float8",
)  # fmt: skip
COPY_FROM = 500  # clusters from which rows travel by COPY instead of array parameters


def _write_clusters(cur, cluster_of, geoms, claims: ClaimColumns, tolerance: float) -> int:
    """Upsert one row per distinct cluster id in `cluster_of`."""
    if not len(cluster_of):
        return 0
    rows = _cluster_rows(cluster_of, geoms, claims, tolerance)
    k = len(rows["id"])
    if k < COPY_FROM:
        source = "unnest({}) AS u({})".format(
            ", ".join(f"%({c})s::{t}[]" for c, t in zip(ROW_COLUMNS, ROW_TYPES, strict=True)),
            ", ".join(ROW_COLUMNS),
        )
        cur.execute(UPSERT_SQL.format(source=source), {"srid": _srid(), **rows})
        return k
    cur.execute(
        "CREATE TEMP TABLE IF NOT EXISTS spatial_cluster_rows ({}) ON COMMIT DELETE ROWS".format(
            ", ".join(f"{c} {t}" for c, t in zip(ROW_COLUMNS, ROW_TYPES, strict=True))
        )
    )
    text = {
        "contested": ["t" if v else "f" for v in rows["contested"]],
        "explanation": _copy_text(rows["explanation"]),
        "categories": _copy_text(rows["categories"]),
    }
    _copy(
        cur,
        "spatial_cluster_rows",
        ROW_COLUMNS,
        [text.get(c) or _strings(rows[c]) if c != "outline" else rows[c] for c in ROW_COLUMNS],
    )
    cur.execute(
        UPSERT_SQL.format(source="spatial_cluster_rows u"), {"srid": _srid()}, prepare=False
    )
    cur.execute("TRUNCATE spatial_cluster_rows")
    return k


def _int_array(values) -> str:
    """A PostgreSQL array literal of integers (much cheaper to send than a Python list)."""
    return "{" + ",".join(map(str, np.asarray(values, dtype=np.int64).tolist())) + "}"


def _strings(values) -> list[str]:
    return list(map(str, np.asarray(values).tolist()))


def _copy_text(values) -> list[str]:
    """Strings escaped for COPY's text format."""
    return [v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") for v in values]


def _copy(cur, table: str, columns, values: list[list[str]]) -> None:
    """COPY aligned columns of ready-made text fields into `table`."""
    lines = "".join("\t".join(row) + "\n" for row in zip(*values, strict=True))
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        copy.write(lines)


def _dissolve(cur, cluster_ids) -> None:
    """Mark clusters with fewer than two members dissolved and drop a lone member."""
    cur.execute(
        "WITH small AS (SELECT c.id FROM spatial_cluster c WHERE c.id = ANY(%s) "
        "  AND (SELECT count(*) FROM spatial_clustermember m WHERE m.cluster_id = c.id) < 2), "
        "gone AS (DELETE FROM spatial_clustermember m USING small WHERE m.cluster_id = small.id) "
        "UPDATE spatial_cluster c SET dissolved_at = now(), updated_at = now(), claim_count = 0 "
        "FROM small WHERE c.id = small.id AND c.dissolved_at IS NULL",
        [list(cluster_ids)],
    )


# -- full recompute -----------------------------------------------------------------------


def clusters_recompute(*, tolerance: float | None = None, refresh: bool = False) -> RecomputeResult:
    """Recompute every cluster from all active proposals, keeping ids stable.

    Only clusters whose membership changed are rewritten, unless `refresh`: then every
    cluster's statistics and verdict are rebuilt too (after zoning rules or the overlay
    changed in bulk, which are not proposal writes)."""
    seconds = {}
    start = time.perf_counter()
    with transaction.atomic(), _raw_cursor() as cur:
        _lock(cur)
        if tolerance is None:
            tolerance = AnalysisSettings.load().cluster_tolerance_m
        geoms, claims = _load_claims()
        ids = claims.ids
        seconds["read"] = time.perf_counter() - start

        labels = engine.cluster_labels(geoms, tolerance)
        clustered = np.bincount(labels)[labels] >= 2 if len(labels) else labels.astype(bool)
        seconds["cluster"] = time.perf_counter() - start - seconds["read"]

        cur.execute("SELECT proposal_id, cluster_id FROM spatial_clustermember")
        old_rows = np.array(cur.fetchall(), dtype=np.int64).reshape(-1, 2)
        old_ids = np.full(len(ids), -1, dtype=np.int64)
        at = np.searchsorted(ids, old_rows[:, 0])
        found = (at < len(ids)) & (ids[np.minimum(at, len(ids) - 1)] == old_rows[:, 0])
        old_ids[at[found]] = old_rows[found, 1]
        gone_clusters = set(old_rows[~found, 1].tolist())  # members no longer active

        cluster_of = np.full(len(ids), -1, dtype=np.int64)
        kept = engine.stable_ids(labels[clustered], old_ids[clustered])
        fresh = sorted(set(np.unique(labels[clustered]).tolist()) - kept.keys())
        mapping = dict(kept)
        mapping.update(zip(fresh, _new_cluster_ids(cur, len(fresh)), strict=True))
        if mapping:
            lookup = np.full(labels.max() + 1, -1, dtype=np.int64)
            lookup[list(mapping)] = list(mapping.values())
            cluster_of[clustered] = lookup[labels[clustered]]

        moved = cluster_of != old_ids
        changed = set(cluster_of[moved].tolist()) | set(old_ids[moved].tolist()) | gone_clusters
        changed.discard(-1)
        leaving = np.concatenate([ids[moved & (old_ids >= 0)], old_rows[~found, 0]])
        if len(leaving):
            cur.execute(
                "DELETE FROM spatial_clustermember WHERE proposal_id = ANY(%s::bigint[])",
                [_int_array(leaving)],
            )
        insert = moved & (cluster_of >= 0)
        _copy(
            cur,
            "spatial_clustermember",
            ("proposal_id", "cluster_id"),
            [_strings(ids[insert]), _strings(cluster_of[insert])],
        )
        if refresh:
            rewrite = cluster_of >= 0
        else:
            rewrite = np.isin(cluster_of, np.fromiter(changed, dtype=np.int64, count=len(changed)))
        written = _write_clusters(
            cur,
            cluster_of[rewrite],
            geoms[rewrite],
            claims.take(rewrite),
            tolerance,
        )
        # Clusters that lost all their claims (a full recompute leaves no lone member).
        gone = sorted(changed - set(mapping.values()))
        if gone:
            cur.execute(
                "UPDATE spatial_cluster SET dissolved_at = now(), updated_at = now(), "
                "claim_count = 0 WHERE id = ANY(%s::bigint[]) AND dissolved_at IS NULL",
                [_int_array(gone)],
            )
    seconds["total"] = time.perf_counter() - start
    seconds["write"] = seconds["total"] - seconds["read"] - seconds["cluster"]
    result = RecomputeResult(
        int(len(ids)),
        int(len(np.unique(cluster_of[clustered]))),
        written,
        float(tolerance),
        seconds,
    )
    log.info("recluster: %s", result)
    return result


# -- incremental update -------------------------------------------------------------------

NEIGHBOURS_SQL = """
SELECT p.id, m.cluster_id
FROM proposals_proposal p
LEFT JOIN spatial_clustermember m ON m.proposal_id = p.id
WHERE p.status = 'active' AND p.id <> %(id)s
  AND ST_DWithin(ST_Transform(p.geom, {srid}),
                 (SELECT ST_Transform(geom, {srid}) FROM proposals_proposal WHERE id = %(id)s),
                 %(tolerance)s)
"""


def clusters_update_for_proposal(*, proposal, change: str) -> None:
    """Keep clusters current after one proposal was written (a proposals hook).

    The proposal leaves its old cluster (which is re-split from its remaining members),
    and, when active, joins the clusters of its neighbours, which merge into the largest.
    Only the touched clusters are rewritten.
    """
    if change == "commented":
        return
    with _raw_cursor() as cur:
        _lock(cur)
        tolerance = _tolerance(cur)
        if change == "supported":  # only the counts changed: refresh its cluster
            cur.execute(
                "SELECT cluster_id FROM spatial_clustermember WHERE proposal_id = %s",
                [proposal.pk],
            )
            row = cur.fetchone()
            if row:
                _refresh(cur, {row[0]}, tolerance)
            return
        touched: set[int] = set()
        cur.execute(
            "DELETE FROM spatial_clustermember WHERE proposal_id = %s RETURNING cluster_id",
            [proposal.pk],
        )
        row = cur.fetchone()
        if row:
            touched |= _split(cur, row[0], tolerance)
        if proposal.status == Status.ACTIVE:
            touched |= _join(cur, proposal.pk, tolerance)
        if touched:
            _refresh(cur, touched, tolerance)


def _split(cur, cluster_id: int, tolerance: float) -> set[int]:
    """Re-cluster the remaining members of `cluster_id`; the largest part keeps the id."""
    cur.execute(
        f"SELECT p.id, ST_AsBinary(ST_Transform(p.geom, {_srid()})) FROM proposals_proposal p "
        "WHERE p.id = ANY(ARRAY(SELECT proposal_id FROM spatial_clustermember "
        "WHERE cluster_id = %s))",
        [cluster_id],
    )
    rows = cur.fetchall()
    if len(rows) < 2:
        return {cluster_id}
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    labels = engine.cluster_labels(shapely.from_wkb([r[1] for r in rows]), tolerance)
    sizes = np.bincount(labels)
    if len(sizes) == 1:
        return {cluster_id}
    parts = np.argsort(-sizes, kind="stable")  # parts[0], the largest, keeps the id
    others = [p for p in parts[1:] if sizes[p] >= 2]
    fresh = _new_cluster_ids(cur, len(others))
    for part, new_id in zip(others, fresh, strict=True):
        cur.execute(
            "UPDATE spatial_clustermember SET cluster_id = %s WHERE proposal_id = ANY(%s)",
            [new_id, ids[labels == part].tolist()],
        )
    lonely = np.isin(labels, parts[1:][sizes[parts[1:]] < 2])
    if lonely.any():
        cur.execute(
            "DELETE FROM spatial_clustermember WHERE proposal_id = ANY(%s)", [ids[lonely].tolist()]
        )
    return {cluster_id, *fresh}


def _join(cur, proposal_id: int, tolerance: float) -> set[int]:
    """Put an active proposal into the cluster of its neighbours, merging their clusters."""
    cur.execute(NEIGHBOURS_SQL.format(srid=_srid()), {"id": proposal_id, "tolerance": tolerance})
    neighbours = cur.fetchall()
    if not neighbours:
        return set()
    clusters = sorted({c for _, c in neighbours if c is not None})
    if clusters:
        cur.execute(
            "SELECT cluster_id, count(*) FROM spatial_clustermember WHERE cluster_id = ANY(%s) "
            "GROUP BY cluster_id ORDER BY count(*) DESC, cluster_id LIMIT 1",
            [clusters],
        )
        target = cur.fetchone()[0]
        others = [c for c in clusters if c != target]
        if others:
            cur.execute(
                "UPDATE spatial_clustermember SET cluster_id = %s WHERE cluster_id = ANY(%s)",
                [target, others],
            )
    else:
        target, others = _new_cluster_ids(cur, 1)[0], []
    joining = [proposal_id] + [p for p, c in neighbours if c is None]
    cur.execute(
        "INSERT INTO spatial_clustermember (proposal_id, cluster_id) "
        "SELECT unnest(%s::bigint[]), %s",
        [joining, target],
    )
    return {target, *others}


def _refresh(cur, cluster_ids: set[int], tolerance: float) -> None:
    """Rewrite outline, statistics and verdict of the given clusters from their members."""
    ids = sorted(cluster_ids)
    cur.execute(CLAIMS_OF_CLUSTERS_SQL.replace("{srid}", str(_srid())), [ids])
    rows = cur.fetchall()
    counts = {}
    for row in rows:
        counts[row[8]] = counts.get(row[8], 0) + 1
    rows = [r for r in rows if counts[r[8]] >= 2]
    if rows:
        _write_clusters(
            cur,
            np.array([r[8] for r in rows], dtype=np.int64),
            shapely.from_wkb([r[7] for r in rows]),
            ClaimColumns.from_rows([r[:7] for r in rows]),
            tolerance,
        )
    _dissolve(cur, ids)


# -- settings -----------------------------------------------------------------------------


def analysis_settings_update(*, user, cluster_tolerance_m: float) -> AnalysisSettings:
    """Store a new tolerance and, after commit, start the full recompute it needs."""
    from django.core.exceptions import ValidationError

    from .tasks import recluster

    try:
        value = float(cluster_tolerance_m)
    except (TypeError, ValueError):
        raise ValidationError(
            {"cluster_tolerance_m": ["The tolerance must be a number of metres."]}
        ) from None
    if not (0 <= value <= 1000):  # also refuses NaN
        raise ValidationError(
            {"cluster_tolerance_m": ["The tolerance must lie between 0 and 1000 metres."]}
        )
    with transaction.atomic():
        current = AnalysisSettings.load()
        current = AnalysisSettings.objects.select_for_update().get(pk=current.pk)
        changed = current.cluster_tolerance_m != value
        current.cluster_tolerance_m = value
        current.updated_by = user
        current.save()
        if changed:
            transaction.on_commit(recluster.delay)
    return current

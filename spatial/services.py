"""Writes of the spatial app: full recompute and incremental update of clusters.

Claims (active proposals) are read from PostGIS in ANALYSIS_SRID as WKB, grouped by the
pure engine (spatial/engine.py), scored (spatial/score.py) and written back set-based.
Every cluster write takes one transaction-level advisory lock, so an incremental update
and a full recompute never interleave (see docs/adr/0004-cluster-recompute.md).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely
from django.conf import settings
from django.db import transaction

from accounts.rules import require
from proposals.models import Scope, Status

from . import engine, rows, store
from .models import AnalysisSettings

log = logging.getLogger(__name__)

LOCK_KEY = 4_0004  # pg_advisory_xact_lock key shared by every cluster write


@dataclass
class RecomputeResult:
    claims: int
    clusters: int
    changed: int
    tolerance: float
    seconds: dict


def _tolerance(cur) -> float:
    """The stored tolerance, read without creating the settings row (a hot path)."""
    cur.execute("SELECT cluster_tolerance_m FROM spatial_analysissettings WHERE id = 1")
    row = cur.fetchone()
    return row[0] if row else float(settings.CLUSTER_TOLERANCE_M)


def _lock(cur) -> None:
    cur.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


# -- full recompute -----------------------------------------------------------------------


class _Clock:
    """Wall time of each step of the recompute (for the log and make bench)."""

    def __init__(self):
        self.start = self.last = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def mark(self, step: str) -> None:
        now = time.perf_counter()
        self.seconds[step], self.last = now - self.last, now

    def total(self) -> dict[str, float]:
        self.seconds["total"] = time.perf_counter() - self.start
        return self.seconds


@dataclass
class _Run:
    """What the steps of one recompute share: the transaction's cursor, the contexts to
    close at its end, two reader threads, and the snapshot reader (None: read on `cur`)."""

    cur: object
    stack: contextlib.ExitStack
    pool: ThreadPoolExecutor
    other: object | None
    tolerance: float


def _read_claims(cur, stack: contextlib.ExitStack) -> tuple[np.ndarray, np.ndarray, object]:
    """(ids, geometries, snapshot reader or None) of every active claim. A second
    connection on this transaction's snapshot reads while this one works (None for small
    reads, or when this transaction has already written)."""
    low, high = store.claim_id_range(cur)
    big = high is not None and high - low >= store.LOAD_CHUNK
    other = stack.enter_context(store.snapshot_reader(cur, wanted=big))
    ids, geoms = store.load_geometries(cur, low, high, other)
    return ids, geoms, other


def _memberships_later(run: _Run):
    """A callable giving the stored memberships: read now by the snapshot reader while
    the engine works, or on `cur` when called."""
    if run.other is None:
        return lambda: store.load_memberships(run.cur)
    cursor = run.stack.enter_context(run.other.cursor())
    return run.pool.submit(store.load_memberships, cursor).result


def _to_rewrite(diff: _Diff, refresh: bool) -> np.ndarray:
    """Mask of the claims whose clusters are written: of changed clusters, or of all."""
    if refresh:
        return diff.cluster_of >= 0
    changed = np.fromiter(diff.changed, dtype=np.int64, count=len(diff.changed))
    return np.isin(diff.cluster_of, changed)


def _write(run: _Run, diff: _Diff, ids, geoms, rewrite: np.ndarray) -> int:
    """Write the memberships and the rows of the clusters to rewrite; return how many.

    All at once: a writer thread, the only user of `run.cur` from here on, writes the
    memberships and then the cluster rows in order (the server works); the snapshot reader
    fetches the attributes of the clusters to rewrite; two threads build outlines (GEOS
    releases the GIL) and this one the rows, batch by batch, so the server stores one
    batch while the next is built."""
    cur, insert = run.cur, diff.insert
    writer = run.stack.enter_context(ThreadPoolExecutor(1))
    shaper = run.stack.enter_context(ThreadPoolExecutor(2))
    memberships = writer.submit(
        _write_members, cur, diff.leaving, ids[insert], diff.cluster_of[insert]
    )
    if run.other is not None:
        reader = run.stack.enter_context(run.other.cursor(binary=True))
        attributes = run.pool.submit(store.load_attributes, reader, ids[rewrite])
    else:
        attributes = writer.submit(store.load_attributes, cur, ids[rewrite])
    rewrite_of, rewrite_geoms = diff.cluster_of[rewrite], geoms[rewrite]
    fresh = np.isin(rewrite_of, diff.fresh)
    batches, new = [], []  # clusters with fresh ids are inserted, the others upserted
    for is_new in (True, False):
        part = np.flatnonzero(fresh == is_new)
        if len(part):
            batches += [part[b] for b in _batches(rewrite_of[part])]
            new += [is_new] * (len(batches) - len(new))
    srid = store.srid()
    shapes = [
        shaper.submit(
            rows.cluster_shapes, rewrite_of[b], rewrite_geoms[b], run.tolerance, srid=srid
        )
        for b in batches
    ]
    upserts = []
    for batch, shaped, is_new in zip(batches, shapes, new, strict=True):
        columns = rows.cluster_rows(shaped.result(), attributes.result().take(batch))
        upserts.append(writer.submit(store.upsert_clusters, cur, columns, new=is_new))
    memberships.result()
    return sum(upsert.result() for upsert in upserts)


def _dissolve_emptied(cur, diff: _Diff) -> None:
    """Mark dissolved the clusters that lost all their claims (a full recompute leaves no
    lone member)."""
    gone = sorted(diff.changed - diff.current)
    if gone:
        cur.execute(
            "UPDATE spatial_cluster SET dissolved_at = now(), updated_at = now(), "
            "claim_count = 0 WHERE id = ANY(%s::bigint[]) AND dissolved_at IS NULL",
            [store.int_array(gone)],
        )


ANALYZE_FROM = 10_000  # membership rows written from which the table is analysed


def _analyze_after_bulk(cur, diff: _Diff) -> None:
    """Keep the row estimates of spatial_clustermember right for the incremental hook."""
    if diff.insert.sum() + len(diff.leaving) > ANALYZE_FROM:
        cur.execute("ANALYZE spatial_clustermember")


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused, for the recompute: it makes a million
    shapely geometries, which the collector tracks though they refer to no Python object,
    and every full collection walked all of those made so far again (at a million claims
    the read took 1.6-2.1 s with it, 0.9-1.4 s without; docs/adr/0004, sixth pass).
    Reference counting frees them as always; cycles made meanwhile, by any thread, are
    collected once the collector runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def clusters_recompute(*, tolerance: float | None = None, refresh: bool = False) -> RecomputeResult:
    """Recompute every cluster from all active proposals, keeping ids stable.

    Only clusters whose membership changed are rewritten, unless `refresh`: then every
    cluster's statistics and verdict are rebuilt too (after zoning rules or the overlay
    changed in bulk, which are not proposal writes)."""
    clock = _Clock()
    with (
        _collector_paused(),
        transaction.atomic(),
        store.raw_cursor() as cur,
        contextlib.ExitStack() as stack,  # closes the snapshot reader after
        ThreadPoolExecutor(2) as pool,  # its threads (memberships, attributes) are done
    ):
        _lock(cur)
        cur.execute(store.NO_JIT)
        if tolerance is None:
            tolerance = AnalysisSettings.load().cluster_tolerance_m
        ids, geoms, other = _read_claims(cur, stack)
        run = _Run(cur=cur, stack=stack, pool=pool, other=other, tolerance=tolerance)
        clock.mark("read")
        stored_memberships = _memberships_later(run)
        labels = engine.cluster_labels(geoms, tolerance)
        clock.mark("cluster")
        diff = _diff(cur, ids, labels, *stored_memberships())
        written = _write(run, diff, ids, geoms, _to_rewrite(diff, refresh))
        clock.mark("write")
        _dissolve_emptied(cur, diff)
        _analyze_after_bulk(cur, diff)
    clock.mark("commit")
    result = RecomputeResult(
        int(len(ids)),
        len(diff.current),
        written,
        float(tolerance),
        clock.total(),
    )
    log.info("recluster: %s", result)
    return result


@dataclass
class _Diff:
    """New memberships against the stored ones (see `_diff`)."""

    cluster_of: np.ndarray  # cluster id of each claim, -1 for none
    insert: np.ndarray  # mask of claims whose membership is new or changed
    leaving: np.ndarray  # proposal ids whose stored membership goes
    changed: set[int]  # cluster ids whose membership changed
    current: set[int]  # ids of all clusters after the recompute
    fresh: np.ndarray  # ids just drawn from the sequence (in no stored row)


def _diff(cur, ids, labels, members, of) -> _Diff:
    """Match the components `labels` of the claims `ids` to the stored memberships
    (`members` in clusters `of`): a component keeps the id it shares most claims with
    (engine.stable_ids), others get new ids; single claims are in no cluster."""
    sizes = np.bincount(labels)
    clustered = sizes[labels] >= 2
    old_ids = np.full(len(ids), -1, dtype=np.int64)
    at = np.searchsorted(ids, members)
    found = (at < len(ids)) & (ids[np.minimum(at, len(ids) - 1)] == members)
    old_ids[at[found]] = of[found]

    cluster_of = np.full(len(ids), -1, dtype=np.int64)
    kept = engine.stable_ids(labels[clustered], old_ids[clustered])
    components = np.flatnonzero(sizes >= 2)  # labels of the components of two or more
    kept_labels = np.fromiter(kept, dtype=np.int64, count=len(kept))
    fresh = components[~np.isin(components, kept_labels)]
    fresh_ids = np.array(store.new_cluster_ids(cur, len(fresh)), dtype=np.int64)
    lookup = np.full(len(sizes), -1, dtype=np.int64)  # the cluster id of each component
    lookup[kept_labels] = np.fromiter(kept.values(), dtype=np.int64, count=len(kept))
    lookup[fresh] = fresh_ids
    cluster_of[clustered] = lookup[labels[clustered]]

    moved = cluster_of != old_ids
    insert = moved & (cluster_of >= 0)
    moved_into = lookup[np.flatnonzero(np.bincount(labels[insert], minlength=len(sizes)))]
    moved_from = old_ids[moved]
    # members no longer active leave their clusters too
    changed = np.unique(np.concatenate([moved_into, moved_from[moved_from >= 0], of[~found]]))
    return _Diff(
        cluster_of=cluster_of,
        insert=insert,
        leaving=np.concatenate([ids[moved & (old_ids >= 0)], members[~found]]),
        changed=set(changed.tolist()),
        current=set(lookup[components].tolist()),
        fresh=fresh_ids,
    )


BATCH_CLUSTERS = 25_000  # clusters per batch of outlines and rows (see _write)


def _batches(cluster_of: np.ndarray) -> list[np.ndarray]:
    """Indices into `cluster_of` in batches of whole clusters (by cluster id modulo the
    number of batches), about BATCH_CLUSTERS clusters each."""
    count = len(np.unique(cluster_of)) if len(cluster_of) else 0
    parts = max(1, round(count / BATCH_CLUSTERS))
    if parts == 1:
        return [np.arange(len(cluster_of))]
    return [np.flatnonzero(cluster_of % parts == part) for part in range(parts)]


def _write_members(cur, leaving, proposal_ids, cluster_ids) -> None:
    """Delete the memberships of claims that left their cluster, then add the new ones."""
    if len(leaving):
        cur.execute(
            "DELETE FROM spatial_clustermember WHERE proposal_id = ANY(%s::bigint[])",
            [store.int_array(leaving)],
        )
    store.copy_bigint_pairs(
        cur, "spatial_clustermember", ("proposal_id", "cluster_id"), proposal_ids, cluster_ids
    )


# -- incremental update -------------------------------------------------------------------

# Candidates within a hair more than the tolerance, with their stored claim geometry (the
# rows the full recompute reads); _join decides them with the engine's predicate, so the
# incremental and the full path never disagree at exactly the tolerance (PostGIS computes
# some distances a few 1e-11 m apart from GEOS). The member and geometry lookups are
# scalar subqueries, a primary-key probe per neighbour, whatever the stats (a join on
# spatial_claimgeometry may be planned as a scan of it).
NEIGHBOURS_SQL = """
SELECT p.id, (SELECT m.cluster_id FROM spatial_clustermember m WHERE m.proposal_id = p.id),
       (SELECT ST_AsBinary(g.geom) FROM spatial_claimgeometry g WHERE g.proposal_id = p.id)
FROM proposals_proposal p
WHERE p.status = 'active' AND p.scope = 'drawn' AND p.id <> %(id)s
  AND ST_DWithin(ST_Transform(p.geom, {srid}),
                 (SELECT ST_Transform(geom, {srid}) FROM proposals_proposal WHERE id = %(id)s),
                 %(reach)s)
"""
REACH_MARGIN_M = 1e-6  # how much wider than the tolerance candidates are fetched


def _neighbours(cur, proposal_id: int, tolerance: float) -> list[tuple[int, int | None]]:
    """(id, cluster id or None) of the claims within `tolerance` of the claim
    `proposal_id`, as the engine decides it (engine.touch on the stored claim geometries)."""
    cur.execute(
        NEIGHBOURS_SQL.format(srid=store.srid()),
        {"id": proposal_id, "reach": tolerance + REACH_MARGIN_M},
    )
    candidates = cur.fetchall()
    if not candidates:
        return []
    cur.execute(
        "SELECT ST_AsBinary(geom) FROM spatial_claimgeometry WHERE proposal_id = %s", [proposal_id]
    )
    own = cur.fetchone()
    if own is None:  # not a stored claim (cannot happen for an active drawn one)
        return []
    candidates = [row for row in candidates if row[2] is not None]  # not a stored claim
    if not candidates:
        return []
    others = shapely.from_wkb([row[2] for row in candidates])
    hit = engine.touch(others, shapely.from_wkb(own[0]), tolerance)
    return [(row[0], row[1]) for row, near in zip(candidates, hit, strict=True) if near]


def clusters_update_for_proposal(*, proposal, change: str) -> None:
    """Keep clusters current after one proposal was written (a proposals hook).

    The proposal leaves its old cluster (which is re-split from its remaining members),
    and, when active, joins the clusters of its neighbours, which merge into the largest.
    Only the touched clusters are rewritten.
    """
    if change == "commented":
        return
    with store.raw_cursor() as cur:
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
        if proposal.status == Status.ACTIVE and proposal.scope == Scope.DRAWN:
            touched |= _join(cur, proposal.pk, tolerance)
        if touched:
            _refresh(cur, touched, tolerance)


def _split(cur, cluster_id: int, tolerance: float) -> set[int]:
    """Re-cluster the remaining members of `cluster_id`. Each part of two or more takes the
    id most of its claims came from (a claim merged in earlier came from its former
    cluster, every other one from `cluster_id`), each id used once, largest overlap first
    (engine.stable_ids); so the largest part keeps the id, and a cluster that splits again
    after a transient merge takes back its former id. Other parts get new ids."""
    cur.execute(
        f"SELECT p.id, ST_AsBinary(ST_Transform(p.geom, {store.srid()})), "
        "COALESCE(m.former_cluster_id, m.cluster_id) "
        "FROM spatial_clustermember m JOIN proposals_proposal p ON p.id = m.proposal_id "
        "WHERE m.cluster_id = %s ORDER BY p.id",
        [cluster_id],
    )
    members = cur.fetchall()
    if len(members) < 2:
        return {cluster_id}
    ids = np.array([r[0] for r in members], dtype=np.int64)
    labels = engine.cluster_labels(shapely.from_wkb([r[1] for r in members]), tolerance)
    sizes = np.bincount(labels)
    if len(sizes) == 1:
        return {cluster_id}
    origins = _free_origins(cur, np.array([r[2] for r in members], dtype=np.int64), cluster_id)
    clustered = sizes[labels] >= 2
    kept = engine.stable_ids(labels[clustered], origins[clustered])
    parts = sorted(set(labels[clustered].tolist()))
    fresh = iter(store.new_cluster_ids(cur, sum(1 for p in parts if p not in kept)))
    assigned = {part: kept[part] if part in kept else next(fresh) for part in parts}
    for part, part_id in assigned.items():
        if part_id == cluster_id and not np.any(origins[labels == part] != cluster_id):
            continue  # nothing to rewrite
        cur.execute(
            "UPDATE spatial_clustermember SET cluster_id = %(id)s, former_cluster_id = "
            "NULLIF(former_cluster_id, %(id)s) WHERE proposal_id = ANY(%(members)s)",
            {"id": part_id, "members": ids[labels == part].tolist()},
        )
    if not clustered.all():
        cur.execute(
            "DELETE FROM spatial_clustermember WHERE proposal_id = ANY(%s)",
            [ids[~clustered].tolist()],
        )
    return {cluster_id, *assigned.values()}


def _free_origins(cur, origins: np.ndarray, cluster_id: int) -> np.ndarray:
    """`origins` with former ids that another current cluster holds replaced by
    `cluster_id`: a part may take back only an id that nothing else uses."""
    former = sorted(set(origins.tolist()) - {cluster_id})
    if not former:
        return origins
    cur.execute(
        "SELECT id FROM spatial_cluster WHERE id = ANY(%s) AND dissolved_at IS NULL",
        [former],
    )
    taken = [row[0] for row in cur.fetchall()]
    return np.where(np.isin(origins, taken), cluster_id, origins)


def _join(cur, proposal_id: int, tolerance: float) -> set[int]:
    """Put an active proposal into the cluster of its neighbours, merging their clusters."""
    neighbours = _neighbours(cur, proposal_id, tolerance)
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
            # The merged claims remember where they came from, so a later split can give
            # each part its id back (see _split).
            cur.execute(
                "UPDATE spatial_clustermember SET cluster_id = %s, "
                "former_cluster_id = COALESCE(former_cluster_id, cluster_id) "
                "WHERE cluster_id = ANY(%s)",
                [target, others],
            )
    else:
        target, others = store.new_cluster_ids(cur, 1)[0], []
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
    cur.execute(store.CLAIMS_OF_CLUSTERS_SQL.replace("{srid}", str(store.srid())), [ids])
    found = cur.fetchall()
    counts = {}
    for row in found:
        counts[row[8]] = counts.get(row[8], 0) + 1
    found = [r for r in found if counts[r[8]] >= 2]
    if found:
        store.write_clusters(
            cur,
            np.array([r[8] for r in found], dtype=np.int64),
            shapely.from_wkb([r[7] for r in found]),
            rows.ClaimColumns.from_rows([r[:7] for r in found]),
            tolerance,
        )
    store.dissolve(cur, ids)


# -- settings -----------------------------------------------------------------------------


def analysis_settings_update(*, user, cluster_tolerance_m: float) -> AnalysisSettings:
    """user stores a new tolerance; after commit the full recompute it needs starts."""
    from django.core.exceptions import ValidationError

    from .tasks import recluster

    require(user, "spatial.change_analysissettings")
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

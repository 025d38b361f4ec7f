"""Connected components of claims: pure numpy + shapely 2 + scipy, no Django.

Two claims belong together when they intersect or lie within `tolerance` metres of each
other; clusters are the transitive closure (the connected components). Geometries must be
in a metric CRS. The result equals PostGIS's
`ST_ClusterDBSCAN(geom, eps := tolerance, minpoints := 1) OVER ()` as a partition, except
for claims at exactly the tolerance, where GEOS and PostGIS may round a distance apart
(`touch` is the one predicate, ADR 0004 "One predicate").

How, in three steps:

1. Contraction: claims are binned into cells about one claim wide; each is tested against
   its cell's largest claim, and those anchors against neighbouring anchors; then, for
   the claims the first grid left in components of a few claims (the dense areas) only,
   the same on a few shifted and coarser grids. O(n) exact tests that collapse a dense
   hotspot, where hundreds of claims overlap each other, into one component. Pairs whose
   bounding boxes lie farther apart than the tolerance are dropped before any test, and
   two points are compared in numpy.
2. Sparse data (contraction did not halve the count, nor leave a twentieth of the claims
   in large components; e.g. a spread-out city): candidate pairs by bounding box per
   chunk, in spatial order, each pair once; two points are compared in numpy, other pairs
   by GEOS unless their ends are already joined.
3. Dense data: claims of small components query the tree by bounding box, as in step 2
   (a pair of two small ones once); claims of large components only look for each other,
   and only those whose reach touches another large component's bounding box. The
   candidate pairs are tested in rounds, one probe per component first, and every pair
   whose ends already share a component is dropped without an exact test (what makes
   PostGIS fast on hotspots, where testing all intersecting pairs is quadratic in the
   hotspot size).

Components are kept in a union-find forest whose unions touch only the roots involved.

GEOS releases the GIL in tree queries and pairwise predicates (not while a tree is built),
so two helper threads build the tree beside the contraction's exact tests, find the
candidate pairs of the next chunk while this one is tested, and share long batches of
exact tests.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

CHUNK = 32_768  # query geometries per bounding-box query (bounds memory per chunk)
SPLIT_TESTS = 4_096  # pairs from which exact tests are shared with the helper thread


def cluster_labels(geoms, tolerance: float = 0.0) -> np.ndarray:
    """One label per geometry (0..k-1, in order of first appearance); equal labels mean the
    same connected component of "intersects or within `tolerance`"."""
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if tolerance < 0:
        raise ValueError("tolerance must not be negative")
    bounds = shapely.bounds(geoms)
    # GEOS releases the GIL while it queries trees and tests pairs: helper threads build
    # the tree beside the contraction, and find the candidate pairs of the next chunk
    # while this one tests and joins the last.
    point = shapely.get_type_id(geoms) == 0
    with ThreadPoolExecutor(2) as helper:
        tree = helper.submit(shapely.STRtree, geoms)
        claims = _Claims(geoms, bounds, point)
        parent = _contract(claims, tolerance, helper)
        roots = _find(parent, np.arange(n))
        large = np.bincount(roots, minlength=n)[roots] > SMALL_COMPONENT
        if (
            np.count_nonzero(roots == np.arange(n)) > CONTRACTED * n
            and np.count_nonzero(large) < HOTSPOT_SHARE * n
        ):
            _join_sparse(claims, tree.result(), parent, tolerance, helper)
        else:
            _join_dense(claims, tree.result(), parent, roots, large, tolerance, helper)
    return _compact(_find(parent, np.arange(n)))


def _join_sparse(claims, tree, parent, tolerance, helper):
    """Every remaining edge where claims have few neighbours each (a spread-out city).

    Pairs of two points come from a k-d tree on their coordinates and are decided in
    numpy; the other claims query the tree by bounding box, each pair once (the tree's
    exact query would test both directions), tested by GEOS unless already joined."""
    bounds, point = claims.bounds, claims.point
    point_pairs = helper.submit(_point_pairs, bounds, np.flatnonzero(point), tolerance)

    def candidates(chunk):
        src, dst = tree.query(_boxes(bounds[chunk], tolerance))
        left = chunk[src]
        keep = (left < dst) | point[dst]  # a point never asks: take it from this side
        return left[keep], dst[keep]

    others = np.flatnonzero(~point)
    chunks = _chunks(others[_spatial_order(bounds[others])]) if len(others) else []
    ahead = helper.submit(candidates, chunks[0]) if chunks else None
    _union_points(parent, bounds, *point_pairs.result(), tolerance)
    _merge_chunks(claims, chunks, ahead, candidates, parent, tolerance, helper)


def _join_dense(claims, tree, parent, roots, large, tolerance, helper):
    """Every remaining edge once contraction collapsed the dense areas into a few large
    components (`roots`: each claim's root after it).

    Claims of small components query the tree (a pair of two small ones once); a pair of
    two large components is found among the claims whose reach meets another large
    component's bounding box, which spares the large ones (`large`: a mask of their
    claims) their many neighbours inside their own component. Either way, pairs whose
    ends already share a component are dropped without an exact test."""
    geoms, bounds = claims.geoms, claims.bounds

    def candidates(chunk):
        src, dst = tree.query(_boxes(bounds[chunk], tolerance))
        left = chunk[src]
        keep = ((left < dst) | large[dst]) & (roots[left] != roots[dst])
        return left[keep], dst[keep]

    small = np.flatnonzero(~large)
    chunks = _chunks(small[_spatial_order(bounds[small])]) if len(small) else []
    ahead = helper.submit(candidates, chunks[0]) if chunks else None
    _merge_chunks(claims, chunks, ahead, candidates, parent, tolerance, helper)
    big = np.flatnonzero(large)
    near = big[_near_other_components(roots[big], geoms[big], bounds[big], tolerance)]
    if len(near) > 1:
        among = shapely.STRtree(geoms[near])
        for chunk in _chunks(np.arange(len(near))):
            src, dst = among.query(_boxes(bounds[near[chunk]], tolerance))
            left, right = near[chunk[src]], near[dst]
            keep = (left < right) & (roots[left] != roots[right])
            _merge_candidates(claims, left[keep], right[keep], parent, tolerance, helper)


def _merge_chunks(claims, chunks, ahead, candidates, parent, tolerance, helper):
    """Test the candidate pairs of each chunk, those of the next one being found by
    `helper` meanwhile (`ahead`: the first chunk's, already submitted)."""
    for i in range(len(chunks)):
        left, dst = ahead.result()
        if i + 1 < len(chunks):  # one chunk ahead; the other thread helps testing
            ahead = helper.submit(candidates, chunks[i + 1])
        _merge_candidates(claims, left, dst, parent, tolerance, helper)


class _Claims(NamedTuple):
    """The claims being clustered, as the helpers below index them."""

    geoms: np.ndarray  # shapely geometries
    bounds: np.ndarray  # (n, 4): xmin, ymin, xmax, ymax
    point: np.ndarray  # mask of single points


def _boxes(bounds: np.ndarray, margin: float) -> np.ndarray:
    """Bounding boxes widened by `margin` on every side, as polygons."""
    return shapely.box(
        bounds[:, 0] - margin, bounds[:, 1] - margin, bounds[:, 2] + margin, bounds[:, 3] + margin
    )


def _point_pairs(bounds, points, tolerance):
    """Candidate pairs of points (indices into the claims) at most about `tolerance` apart,
    from a k-d tree (scipy, C++); _union_points decides them exactly."""
    if len(points) < 2:
        return points[:0], points[:0]
    reach = tolerance * (1 + 1e-9) + 1e-9  # a hair wider: the exact test comes after
    pairs = cKDTree(bounds[points, :2]).query_pairs(reach, output_type="ndarray")
    return points[pairs[:, 0]], points[pairs[:, 1]]


def _union_points(parent, bounds, left, right, tolerance) -> None:
    """Join pairs of points within `tolerance` (the distance as GEOS computes it between
    two points: sqrt(dx * dx + dy * dy); a point's bounds are its coordinates)."""
    dx = bounds[left, 0] - bounds[right, 0]
    dy = bounds[left, 1] - bounds[right, 1]
    hit = np.sqrt(dx * dx + dy * dy) <= tolerance
    if hit.any():
        _union(parent, left[hit], right[hit])


def _chunks(indices: np.ndarray) -> list[np.ndarray]:
    return np.array_split(indices, max(1, -(-len(indices) // CHUNK)))


DENSE_COMPONENT = 3  # grids after the first bin only claims of components this large
SMALL_COMPONENT = 8  # dense data: claims of components up to this size ask the tree
CONTRACTED = 0.5  # dense data when contraction at least halved the count, or
HOTSPOT_SHARE = 0.05  # when at least this share of the claims is in large components
SPARSE_CELLS = 0.5  # no contraction when cells hold fewer than two claims on average,
CROWDED_CELL = 8  # unless a HOTSPOT_SHARE of the claims sits in cells of this many


def _contract(claims, tolerance, helper=None):
    """Cheap first merges (not complete; the caller finds every remaining edge).

    Claims are binned by their bbox centre into cells about one typical claim wide. In
    each cell every claim is tested against one anchor (the cell's largest claim), and
    each anchor against the anchors of the neighbouring cells (where both hold several
    claims); repeated on a shifted and on coarser grids for the claims of dense areas.
    O(n) exact tests that collapse a dense hotspot into one or a few components.
    """
    bounds, n = claims.bounds, len(claims.geoms)
    parent = np.arange(n, dtype=np.int64)
    extent = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    cell = max(float(np.median(extent)) + tolerance, 1e-6)
    centres = np.stack([(bounds[:, 0] + bounds[:, 2]) / 2, (bounds[:, 1] + bounds[:, 3]) / 2], 1)
    occupied, crowded = _occupied_cells(centres, cell)
    if occupied > SPARSE_CELLS * n and crowded < HOTSPOT_SHARE * n:
        return parent  # sparse: cells hold about one claim each, nothing to contract
    order = np.argsort(-extent, kind="stable")  # so a cell's first claim is its largest
    grids = ((cell, 0.0), (cell, 0.5), (2 * cell, 0.25), (4 * cell, 0.0))
    for i, (size, shift) in enumerate(grids):
        edges = _anchor_edges(claims, centres, order, size, shift, parent, tolerance, helper)
        if len(edges[0]):
            _union(parent, *edges)
        if i == 0:
            roots = _find(parent, order)
            order = order[np.bincount(roots, minlength=n)[roots] >= DENSE_COMPONENT]
        if len(order) < 2:
            break
    return parent


def _occupied_cells(centres: np.ndarray, size: float) -> tuple[int, int]:
    """About how many square cells of `size` hold a claim centre, and how many claims sit
    in cells of CROWDED_CELL claims or more, in O(n) without a sort: cell keys hashed into
    at least 4n slots (a collision miscounts by a few per cent, which only shifts the
    choice of strategy, never the result)."""
    bits = max(4, int(np.ceil(np.log2(4 * len(centres)))))
    cx = np.floor(centres[:, 0] / size).astype(np.int64).astype(np.uint64)
    cy = np.floor(centres[:, 1] / size).astype(np.int64).astype(np.uint64)
    key = cx * np.uint64(4_294_967_311) + cy  # wraps modulo 2**64, as a hash may
    # splitmix64's finaliser: grid keys form a lattice, which a single multiplication
    # (Fibonacci hashing) folds onto half as many slots
    key ^= key >> np.uint64(31)
    key *= np.uint64(0xBF58476D1CE4E5B9)
    key ^= key >> np.uint64(27)
    key *= np.uint64(0x94D049BB133111EB)
    key ^= key >> np.uint64(31)
    slot = (key >> np.uint64(64 - bits)).astype(np.int64)
    counts = np.bincount(slot, minlength=1 << bits)
    return int(np.count_nonzero(counts)), int(counts[counts >= CROWDED_CELL].sum())


def _anchor_edges(claims, centres, order, size, shift, parent, tolerance, helper):
    """Edges found by testing claims against their cell's anchor and neighbouring
    anchors."""
    cx = np.floor(centres[order, 0] / size + shift).astype(np.int64)
    cy = np.floor(centres[order, 1] / size + shift).astype(np.int64)
    key = cx * 4_294_967_311 + cy
    cells, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    anchors = order[first]  # the largest claim of each cell
    members, anchor = order, anchors[inverse]
    pairs = [(members, anchor)]
    # Neighbouring anchors only where both cells hold several claims: two claims alone in
    # their cells are an ordinary sparse pair, which the tree queries after contraction
    # test once anyway.
    crowded = np.bincount(inverse) > 1
    for dx, dy in ((1, 0), (0, 1), (1, 1), (1, -1)):  # each neighbouring pair once
        wanted = cells + dx * 4_294_967_311 + dy
        at = np.minimum(np.searchsorted(cells, wanted), len(cells) - 1)
        found = (cells[at] == wanted) & crowded & crowded[at]
        pairs.append((anchors[found], anchors[at[found]]))
    left, right = np.concatenate([a for a, _ in pairs]), np.concatenate([b for _, b in pairs])
    keep = _find(parent, left) != _find(parent, right)  # also drops an anchor's own pair
    left, right = left[keep], right[keep]
    keep = _near_boxes(claims.bounds, left, right, tolerance)
    left, right = left[keep], right[keep]
    hit = _touch_claims(claims, left, right, tolerance, helper)
    return left[hit], right[hit]


def _near_boxes(bounds, left, right, tolerance):
    """False only for pairs whose bounding boxes lie clearly more than `tolerance` apart
    (so they cannot touch; the margin absorbs rounding, the exact test comes after)."""
    gap_x = np.maximum(bounds[left, 0] - bounds[right, 2], bounds[right, 0] - bounds[left, 2])
    gap_y = np.maximum(bounds[left, 1] - bounds[right, 3], bounds[right, 1] - bounds[left, 3])
    np.maximum(gap_x, 0, out=gap_x)
    np.maximum(gap_y, 0, out=gap_y)
    reach = tolerance * (1 + 1e-9) + 1e-6
    return ~(gap_x * gap_x + gap_y * gap_y > reach * reach)  # NaN (empty): keep, GEOS decides


def _touch_claims(claims, left, right, tolerance, helper=None):
    """`touch` for pairs of claims (indices): two points in numpy (_union_points), the
    others by GEOS."""
    geoms, bounds = claims.geoms, claims.bounds
    both = claims.point[left] & claims.point[right]
    hit = np.empty(len(left), dtype=bool)
    a, b = left[both], right[both]
    dx = bounds[a, 0] - bounds[b, 0]
    dy = bounds[a, 1] - bounds[b, 1]
    hit[both] = np.sqrt(dx * dx + dy * dy) <= tolerance
    other = ~both
    hit[other] = touch(geoms[left[other]], geoms[right[other]], tolerance, helper)
    return hit


def _near_other_components(roots, geoms, bounds, tolerance):
    """Indices of claims whose tolerance-widened bbox meets another component's bbox
    (asked the other way round: the claim's own bbox against the widened component
    boxes, so no box is built per claim)."""
    labels, inverse = np.unique(roots, return_inverse=True)
    k = len(labels)
    cb = np.empty((k, 4))
    cb[:, :2], cb[:, 2:] = np.inf, -np.inf
    np.minimum.at(cb[:, 0], inverse, bounds[:, 0])
    np.minimum.at(cb[:, 1], inverse, bounds[:, 1])
    np.maximum.at(cb[:, 2], inverse, bounds[:, 2])
    np.maximum.at(cb[:, 3], inverse, bounds[:, 3])
    member, component = shapely.STRtree(_boxes(cb, tolerance)).query(geoms)
    return np.unique(member[component != inverse[member]])


def _spatial_order(bounds: np.ndarray) -> np.ndarray:
    """Indices sorted along a Morton (Z-order) curve of the bbox centres, so a chunk covers
    a compact area and a hotspot is merged once, early, instead of in every chunk."""
    cx = (bounds[:, 0] + bounds[:, 2]) / 2
    cy = (bounds[:, 1] + bounds[:, 3]) / 2
    span = max(np.ptp(cx), np.ptp(cy), 1e-9)
    qx = ((cx - cx.min()) / span * 65535).astype(np.uint64)
    qy = ((cy - cy.min()) / span * 65535).astype(np.uint64)
    return np.argsort(_interleave(qx) | (_interleave(qy) << np.uint64(1)), kind="stable")


def _interleave(v: np.ndarray) -> np.ndarray:
    v = v & np.uint64(0xFFFF)
    for shift, mask in ((8, 0x00FF00FF), (4, 0x0F0F0F0F), (2, 0x33333333), (1, 0x55555555)):
        v = (v | (v << np.uint64(shift))) & np.uint64(mask)
    return v


def _merge_candidates(claims, left, right, parent, tolerance, helper=None):
    """Test candidate pairs in rounds, skipping pairs whose ends already share a root.

    While there are many candidate pairs per component (a dense area), a round tests only
    one pair per component on each side ("probes"); every merge then removes whole groups
    of pairs without a test. Once pairs are few per component, the rest is tested at once.
    """
    slot = np.full(len(parent), -1, dtype=np.int64)
    while len(left):
        root_left, root_right = _find(parent, left), _find(parent, right)
        same = root_left == root_right
        if same.any():
            left, right = left[~same], right[~same]
            if not len(left):
                break
            root_left, root_right = root_left[~same], root_right[~same]
        pick = _one_per_root(slot, root_left) | _one_per_root(slot, root_right)
        if len(left) <= 4 * pick.sum():
            pick[:] = True
        hit = _touch_claims(claims, left[pick], right[pick], tolerance, helper)
        if hit.any():
            _union(parent, left[pick][hit], right[pick][hit])
        left, right = left[~pick], right[~pick]


def _one_per_root(slot, pair_roots):
    """Mask choosing one pair for each distinct root (the last one; a scatter, no sort)."""
    index = np.arange(len(pair_roots))
    slot[pair_roots] = index
    chosen = np.zeros(len(pair_roots), dtype=bool)
    chosen[slot[pair_roots]] = True
    slot[pair_roots] = -1
    return chosen


def touch(a, b, tolerance, helper=None):
    """Pairwise "intersects or within tolerance", as GEOS computes it: the one predicate of
    every cluster decision, full or incremental (PostGIS's ST_DWithin may differ from it
    by a few 1e-11 m at exactly the tolerance, so SQL only finds candidates). Long arrays
    are split with `helper`, a thread pool (GEOS releases the GIL while it tests)."""
    if helper is not None and len(a) > SPLIT_TESTS:
        half = len(a) // 2
        first = helper.submit(touch, a[:half], b[:half], tolerance)
        rest = touch(a[half:], b[half:], tolerance)
        return np.concatenate([first.result(), rest])
    if tolerance > 0:
        return shapely.dwithin(a, b, tolerance)
    return shapely.intersects(a, b)


def _find(parent: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Roots of `nodes` in the union-find forest `parent` (vectorised pointer jumping,
    compressing the paths of the nodes asked for)."""
    found = parent[nodes]
    while True:
        up = parent[found]
        if (up == found).all():
            break
        found = up
    parent[nodes] = found
    return found


def _union(parent: np.ndarray, left, right) -> None:
    """Merge the components of each (left, right) pair, in place. Only the roots involved
    are touched, so a union costs O(pairs), not O(all claims), unless the pairs are many:
    then one pass over all claims is cheaper than sorting the roots involved. A merged
    component's root is its smallest old root (its smallest index), so every root is the
    smallest index of its component."""
    n = len(parent)
    if 4 * len(left) > n:
        roots = _find(parent, np.arange(n))
        pairs = np.ones(len(left), dtype=np.int8)
        graph = coo_matrix((pairs, (roots[left], roots[right])), shape=(n, n))
        _, comp = connected_components(graph, directed=False)
        rep = np.full(comp.max() + 1, n, dtype=np.int64)
        np.minimum.at(rep, comp, np.arange(n))
        parent[:] = rep[comp[roots]]
        return
    ra, rb = _find(parent, left), _find(parent, right)
    involved, inverse = np.unique(np.concatenate([ra, rb]), return_inverse=True)
    m, k = len(involved), len(ra)
    graph = coo_matrix((np.ones(k, dtype=np.int8), (inverse[:k], inverse[k:])), shape=(m, m))
    _, comp = connected_components(graph, directed=False)
    rep = np.full(comp.max() + 1, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(rep, comp, involved)  # a component's new root: its smallest old root
    parent[involved] = rep[comp]


def _compact(roots: np.ndarray) -> np.ndarray:
    """Labels 0..k-1 in order of first appearance, from the roots of every claim. O(n):
    a component's root is its smallest index (see _union), so the roots in index order
    are the components in order of first appearance."""
    is_root = roots == np.arange(len(roots))
    return (np.cumsum(is_root) - 1)[roots]


def partition(labels: Iterable[int], keys: Iterable[Hashable] | None = None) -> set[frozenset]:
    """The partition a label array describes, as a set of frozensets of keys (or indices)."""
    groups: dict = {}
    keys = range(len(labels)) if keys is None else keys
    for key, label in zip(keys, labels, strict=True):
        groups.setdefault(label, set()).add(key)
    return {frozenset(g) for g in groups.values()}


def stable_ids(new_labels: np.ndarray, old_ids: np.ndarray) -> dict[int, int]:
    """Which old cluster id each new component keeps.

    `old_ids[i]` is claim i's previous cluster id (-1 for none). Pairs (new component,
    old id) are ranked by how many claims they share; greedily, the pair with the largest
    overlap wins, so when a cluster splits its largest part keeps the id, and when clusters
    merge the merged cluster keeps the id of the one it shares most claims with. Ties go
    to the smaller (older) id. Components that keep no id are missing from the result.
    """
    mask = old_ids >= 0
    if not mask.any():
        return {}
    labels, olds = new_labels[mask].astype(np.int64), old_ids[mask].astype(np.int64)
    span = int(olds.max()) + 1
    keys, counts = np.unique(labels * span + olds, return_counts=True)  # one int per pair
    labels, olds = keys // span, keys % span
    order = np.lexsort((olds, -counts))
    kept: dict[int, int] = {}
    taken: set[int] = set()
    for label, old in zip(labels[order].tolist(), olds[order].tolist(), strict=True):
        if label not in kept and old not in taken:
            kept[label] = old
            taken.add(old)
    return kept


class IncrementalClusters:
    """Clusters kept current under add, remove and move of single claims.

    Geometries are held by key in a rebuild-on-demand STRtree plus a small list of
    geometries added since the last rebuild. An add merges the clusters of the new
    claim's neighbours; a remove (or the first half of a move) recomputes only the old
    cluster's remaining members, since a removal can split it.
    """

    REBUILD_AFTER = 256

    def __init__(self, tolerance: float = 0.0):
        self.tolerance = tolerance
        self.geoms: dict = {}
        self.label_of: dict = {}
        self.members: dict[int, set] = {}
        self._next_label = 0
        self._tree_keys: list = []
        self._tree = None
        self._delta: list = []

    # -- queries -------------------------------------------------------------------------

    def partition(self) -> set[frozenset]:
        return {frozenset(m) for m in self.members.values()}

    def neighbours(self, geom) -> set:
        """Keys of held geometries that intersect or lie within tolerance of `geom`."""
        # The widened bounding box; not box(...).buffer(tolerance): the box of a point is
        # degenerate and buffers to nothing at tolerance 0, so the tree found no neighbour.
        box = _boxes(shapely.bounds(geom)[None, :], self.tolerance)[0]
        candidates = set(self._delta)
        if self._tree is not None:
            candidates.update(self._tree_keys[i] for i in self._tree.query(box))
        found = set()
        for key in candidates:
            other = self.geoms.get(key)
            if other is not None and touch(other, geom, self.tolerance):
                found.add(key)
        return found

    # -- changes -------------------------------------------------------------------------

    def add(self, key, geom) -> int:
        """Add a claim; returns its cluster label."""
        if key in self.geoms:
            raise KeyError(f"{key!r} is already held; use move()")
        labels = {self.label_of[k] for k in self.neighbours(geom)}
        self._hold(key, geom)
        if not labels:
            label = self._new_label()
            self.members[label] = set()
        else:
            label = max(labels, key=lambda lb: (len(self.members[lb]), -lb))
            for other in labels - {label}:
                for k in self.members.pop(other):
                    self.label_of[k] = label
                    self.members[label].add(k)
        self.members[label].add(key)
        self.label_of[key] = label
        return label

    def remove(self, key) -> None:
        del self.geoms[key]
        label = self.label_of.pop(key)
        rest = self.members.pop(label)
        rest.discard(key)
        if not rest:
            return
        keys = list(rest)
        parts = cluster_labels([self.geoms[k] for k in keys], self.tolerance)
        groups: dict[int, set] = {}
        for k, part in zip(keys, parts.tolist(), strict=True):
            groups.setdefault(part, set()).add(k)
        ordered = sorted(groups.values(), key=len, reverse=True)
        for i, group in enumerate(ordered):
            new = label if i == 0 else self._new_label()
            self.members[new] = group
            for k in group:
                self.label_of[k] = new

    def move(self, key, geom) -> int:
        self.remove(key)
        return self.add(key, geom)

    # -- index ---------------------------------------------------------------------------

    def _hold(self, key, geom) -> None:
        self.geoms[key] = geom
        self._delta.append(key)
        if len(self._delta) > self.REBUILD_AFTER:
            self._tree_keys = list(self.geoms)
            self._tree = shapely.STRtree([self.geoms[k] for k in self._tree_keys])
            self._delta = []

    def _new_label(self) -> int:
        self._next_label += 1
        return self._next_label - 1


def overlap_area(geoms) -> float:
    """Area (in CRS units²) covered by at least two of the areal geometries; points and
    lines cover no area. Exact: the union of the pairwise intersections, or for large
    groups a sweep (each geometry intersected with the union of those before it)."""
    geoms = np.asarray(geoms, dtype=object)
    geoms = geoms[shapely.area(geoms) > 0]
    if len(geoms) < 2:
        return 0.0
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    if not keep.any():
        return 0.0
    if keep.sum() <= 2_000:
        parts = shapely.intersection(geoms[left[keep]], geoms[right[keep]])
    else:
        covered, parts = geoms[0], []
        for geom in geoms[1:]:
            parts.append(shapely.intersection(geom, covered))
            covered = shapely.union(covered, geom)
    return float(shapely.union_all(parts).area)


EXACT_OVERLAP_LIMIT = 64  # areal claims per cluster up to which the overlap is exact


def overlap_areas(geoms, group: np.ndarray, k: int) -> np.ndarray:
    """Overlap area per group (0..k-1): the area covered by at least two areal claims of
    the group, exact for groups of up to EXACT_OVERLAP_LIMIT areal claims (union of the
    pairwise intersections). Larger groups, where hundreds of claims overlap, are
    estimated by the area of the convex hull of their areal claims (an upper bound), so
    that dense hotspots do not cost a quadratic number of intersections."""
    geoms = np.asarray(geoms, dtype=object)
    result = np.zeros(k)
    areal = np.flatnonzero(shapely.area(geoms) > 0)
    if len(areal) < 2:
        return result
    sizes = np.bincount(group[areal], minlength=k)
    big = sizes > EXACT_OVERLAP_LIMIT
    if big.any():
        sel = areal[big[group[areal]]]
        hull_groups, inverse = np.unique(group[sel], return_inverse=True)
        hulls = shapely.convex_hull(shapely.geometrycollections(geoms[sel], indices=inverse))
        result[hull_groups] = shapely.area(hulls)
    small = areal[~big[group[areal]] & (sizes[group[areal]] >= 2)]
    if len(small) < 2:
        return result
    left, right = shapely.STRtree(geoms[small]).query(geoms[small], predicate="intersects")
    keep = (left < right) & (group[small[left]] == group[small[right]])
    left, right = small[left[keep]], small[right[keep]]
    if not len(left):
        return result
    pieces = shapely.intersection(geoms[left], geoms[right])
    owner = group[left]
    pairs = np.bincount(owner, minlength=k)
    single = pairs[owner] == 1
    np.add.at(result, owner[single], shapely.area(pieces[single]))
    multi = ~single
    if multi.any():
        order = np.argsort(owner[multi], kind="stable")
        owners, starts = np.unique(owner[multi][order], return_index=True)
        for g, part in zip(owners, np.split(pieces[multi][order], starts[1:]), strict=True):
            result[g] = shapely.area(shapely.union_all(part))
    return result

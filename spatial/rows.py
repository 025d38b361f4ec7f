"""Cluster rows computed from claims: outlines, counts and verdicts, as aligned columns.

Pure, like engine.py: arrays and shapely geometries in, plain Python columns out, no SQL
and no Django. store.py reads the claims these work on and writes the rows they make.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyproj
import shapely

from layers.compatibility import Compatibility

from . import engine
from .score import CATEGORY_NAMES, verdict_from_counts

MIN_PAD_M = 1.0  # outlines are widened by max(tolerance / 2, this) so points get an area

# Every proposal category, sorted (the values of proposals.models.Category; a test keeps
# the two equal).
CATEGORIES = np.array(sorted(CATEGORY_NAMES), dtype=object)


@dataclass
class ClaimColumns:
    """Attributes of claims as aligned arrays (from store.load_attributes, or rows from
    store.CLAIM_COLUMNS): the category as its index into CATEGORIES, the codes of the zones
    that refuse a claim (empty unless it is incompatible)."""

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
            category=np.searchsorted(CATEGORIES, np.asarray(cols[1], dtype=object)),
            conflict=np.asarray(cols[2], dtype=object) == "conflict",
            author=np.asarray(cols[3], dtype=np.int64),
            supports=np.asarray(cols[4], dtype=np.int64),
            incompatible=np.asarray(cols[5], dtype=object) == Compatibility.INCOMPATIBLE.value,
            zones=zones,
        )

    def take(self, index) -> ClaimColumns:
        return ClaimColumns(*(getattr(self, f)[index] for f in self.__dataclass_fields__))


# -- shapes -------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _to_wgs84(source_srid: int) -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(source_srid, 4326, always_xy=True)


# Hex EWKB of a MultiPolygon in EPSG:4326 up to its one part: little-endian (01), type 6
# with the SRID flag (06000020), SRID 4326 (e6100000), one part (01000000).
MULTI_4326 = "0106000020e610000001000000"


def to_storage(polygons: np.ndarray, srid: int) -> list[str]:
    """Polygons in EPSG:`srid` as hex EWKB of MultiPolygons in EPSG:4326 (the column's
    type, so rows can be copied into it as they are), transformed by PROJ (as PostGIS's
    ST_Transform is) here, where the arrays already are. The polygon's WKB with a
    MultiPolygon header (what ST_Multi makes of it); hex by Python's bytes.hex, far cheaper
    than GEOS's hex writer (docs/adr/0004)."""
    transformer = _to_wgs84(srid)
    moved = shapely.transform(
        polygons, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))
    )
    if (shapely.get_type_id(moved) != shapely.GeometryType.POLYGON).any():
        raise ValueError("cluster outlines must be polygons")
    return [MULTI_4326 + wkb.hex() for wkb in shapely.to_wkb(moved, byte_order=1).tolist()]


@dataclass
class ClusterShapes:
    """The geometric half of cluster rows: claims sorted by cluster (`order`), one entry
    per distinct cluster id for the rest."""

    order: np.ndarray
    ids: np.ndarray
    counts: np.ndarray
    group: np.ndarray  # cluster number (0..k-1) of each claim, in `order`
    overlap: np.ndarray
    outlines: list[str]


def cluster_shapes(cluster_of, geoms, tolerance: float, *, srid: int) -> ClusterShapes:
    """Outline (convex hull widened by half the tolerance) and overlap area of each
    distinct cluster id in `cluster_of` (aligned with `geoms`, in EPSG:`srid`). GEOS
    releases the GIL here, so the recompute runs batches of these in two threads."""
    order = np.argsort(cluster_of, kind="stable")
    ids, counts = np.unique(cluster_of[order], return_counts=True)
    k = len(ids)
    group = np.repeat(np.arange(k), counts)
    geoms = geoms[order]
    overlap = engine.overlap_areas(geoms, group, k)
    hulls = shapely.convex_hull(shapely.geometrycollections(geoms, indices=group))
    outlines = shapely.buffer(hulls, max(tolerance / 2, MIN_PAD_M), quad_segs=4)
    return ClusterShapes(order, ids, counts, group, overlap, to_storage(outlines, srid))


# -- counts and verdicts ------------------------------------------------------------------


@dataclass
class ClusterCounts:
    """Per cluster (aligned with ClusterShapes.ids): what its verdict depends on."""

    claims: np.ndarray
    conflicts: np.ndarray
    supports: np.ndarray
    incompatible: np.ndarray
    by_category: np.ndarray  # (clusters, CATEGORIES) claim counts
    authors: np.ndarray  # distinct authors
    zones: list[tuple[str, ...]]  # sorted codes of the zones that refuse a claim


def _distinct_authors(group: np.ndarray, author: np.ndarray, k: int) -> np.ndarray:
    """Distinct authors per cluster: (cluster, author) pairs as one integer each, so a
    1-D unique does it, no row sort."""
    base = int(author.max()) + 1 if len(author) else 1
    return np.bincount(np.unique(group * base + author) // base, minlength=k)


def _refusing_zones(group: np.ndarray, claims: ClaimColumns, k: int) -> list[tuple]:
    zones: list[tuple] = [()] * k
    for i in np.flatnonzero(claims.incompatible):
        zones[group[i]] = tuple(sorted({*zones[group[i]], *claims.zones[i]}))
    return zones


def cluster_counts(shapes: ClusterShapes, claims: ClaimColumns) -> ClusterCounts:
    """The counts of each cluster of `shapes`, vectorised; `claims` is aligned with the
    `cluster_of` the shapes were made from."""
    group, k = shapes.group, len(shapes.ids)
    claims = claims.take(shapes.order)

    def per_cluster(values):
        return np.bincount(group, weights=values, minlength=k).astype(np.int64)

    width = len(CATEGORIES)
    by_category = np.bincount(group * width + claims.category, minlength=k * width)
    return ClusterCounts(
        claims=shapes.counts,
        conflicts=per_cluster(claims.conflict),
        supports=per_cluster(claims.supports),
        incompatible=per_cluster(claims.incompatible),
        by_category=by_category.reshape(k, width),
        authors=_distinct_authors(group, claims.author, k),
        zones=_refusing_zones(group, claims, k),
    )


@lru_cache(maxsize=65_536)
def verdict_row(**counts) -> tuple[bool, float, str]:
    """(contested, score, explanation as JSON text) for a cluster's counts, cached: many
    clusters share their counts."""
    verdict = verdict_from_counts(**counts)
    return verdict.contested, verdict.score, json.dumps(verdict.explanation, ensure_ascii=False)


@lru_cache(maxsize=256)
def _category_literal(present: tuple[str, ...]) -> str:
    return "{" + ",".join(present) + "}"


def _distinct_rows(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first, inverse) of the distinct rows of the integer matrix `key`: one row index per
    distinct row, and for each row the number of its distinct row. Rows are hashed to one
    integer each, so a 1-D unique does it (numpy's unique by rows compares them as bytes, ten
    times slower); rows that share a hash but differ are grouped exactly instead."""
    mixed = np.zeros(len(key), dtype=np.uint64)
    for column in key.T.astype(np.uint64):
        mixed = (mixed ^ column) * np.uint64(0x9E3779B97F4A7C15)
        mixed ^= mixed >> np.uint64(29)
    _, first, inverse = np.unique(mixed, return_index=True, return_inverse=True)
    if (key[first][inverse] != key).any():  # a collision
        _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    return first, inverse.reshape(-1)


def verdict_columns(counts: ClusterCounts, overlap: np.ndarray) -> dict[str, list]:
    """contested, score, explanation and categories (a text[] literal) of each cluster.
    Clusters with the same counts share their verdict: it is made once per distinct row of
    counts (fewer than a third of the clusters of a city), on plain Python values, and
    cached across calls."""
    names = CATEGORIES.tolist()
    proposals = counts.claims - counts.conflicts
    # Python's round() (numpy's differs on some halves): the area the explanation shows
    areas = [round(v, 1) for v in overlap.tolist()]
    zone_numbers: dict[tuple, int] = {}
    key = np.column_stack(
        [
            counts.by_category,
            counts.conflicts,
            proposals,
            counts.incompatible,
            [zone_numbers.setdefault(z, len(zone_numbers)) for z in counts.zones],
            counts.authors,
            counts.supports,
            np.array(areas, dtype=np.float64).view(np.int64),
        ]
    )
    first, inverse = _distinct_rows(key)
    out = {"explanation": [], "contested": [], "score": [], "categories": []}
    columns = zip(
        counts.by_category[first].tolist(),
        counts.conflicts[first].tolist(),
        proposals[first].tolist(),
        counts.incompatible[first].tolist(),
        [counts.zones[i] for i in first.tolist()],
        counts.authors[first].tolist(),
        counts.supports[first].tolist(),
        [areas[i] for i in first.tolist()],
        strict=True,
    )
    for per_category, conflicted, proposed, banned, codes, authors, supported, area in columns:
        present = tuple((names[c], v) for c, v in enumerate(per_category) if v)
        contested, score, explanation = verdict_row(
            categories=present,
            conflicts=conflicted,
            proposals=proposed,
            incompatible=banned,
            zones=codes,
            people=authors,
            supports=supported,
            overlap_area_m2=area,
        )
        out["explanation"].append(explanation)
        out["contested"].append(contested)
        out["score"].append(score)
        out["categories"].append(_category_literal(tuple(name for name, _ in present)))
    return {name: np.array(values, dtype=object)[inverse].tolist() for name, values in out.items()}


def cluster_rows(shapes: ClusterShapes, claims: ClaimColumns) -> dict:
    """One row per cluster of `shapes` as aligned columns (store.ROW_COLUMNS): its
    outline, counts and verdict from `claims` (aligned with the `cluster_of` the shapes
    were made from)."""
    counts = cluster_counts(shapes, claims)
    rows = verdict_columns(counts, shapes.overlap)
    rows.update(
        id=shapes.ids.tolist(),
        outline=shapes.outlines,
        claims=counts.claims.tolist(),
        proposals=(counts.claims - counts.conflicts).tolist(),
        conflicts=counts.conflicts.tolist(),
        incompatible=counts.incompatible.tolist(),
        authors=counts.authors.tolist(),
        supports=counts.supports.tolist(),
        overlap=shapes.overlap.round(1).tolist(),
    )
    return rows

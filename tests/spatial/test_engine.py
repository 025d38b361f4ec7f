"""The pure clustering engine: components, stable ids, and the incremental structure."""

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely.geometry import LineString, Point, box

from spatial.engine import IncrementalClusters, cluster_labels, partition, stable_ids


def every_pair_components(geoms, tolerance):
    """The obvious reference: test every pair exactly, then connected components."""
    n = len(geoms)
    a, b = np.triu_indices(n, 1)
    arr = np.asarray(geoms, dtype=object)
    hit = (
        shapely.dwithin(arr[a], arr[b], tolerance)
        if tolerance
        else shapely.intersects(arr[a], arr[b])
    )
    graph = coo_matrix((np.ones(hit.sum()), (a[hit], b[hit])), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def test_overlapping_areas_form_one_cluster_and_a_distant_point_its_own():
    geoms = [box(0, 0, 10, 10), box(5, 5, 15, 15), Point(100, 100)]
    labels = cluster_labels(geoms, 0)
    assert labels[0] == labels[1] != labels[2]


def test_tolerance_joins_claims_that_do_not_touch():
    geoms = [Point(0, 0), Point(9, 0), LineString([(30, 0), (30, 10)])]
    assert partition(cluster_labels(geoms, 0)) == {frozenset({0}), frozenset({1}), frozenset({2})}
    assert partition(cluster_labels(geoms, 10)) == {frozenset({0, 1}), frozenset({2})}
    assert len(set(cluster_labels(geoms, 21))) == 1  # 9 -> 30 is 21 m: inclusive, like ST_DWithin


def test_clusters_are_transitive_through_a_chain():
    chain = [box(i * 9, 0, i * 9 + 10, 1) for i in range(50)]
    assert len(set(cluster_labels(chain, 0))) == 1


def test_labels_are_numbered_in_order_of_first_appearance():
    labels = cluster_labels([Point(100, 0), Point(0, 0), Point(100, 1)], 5)
    assert labels.tolist() == [0, 1, 0]


def test_no_claims_gives_no_labels_and_negative_tolerance_is_refused():
    assert len(cluster_labels([], 10)) == 0
    with pytest.raises(ValueError, match="negative"):
        cluster_labels([Point(0, 0)], -1)


@pytest.mark.parametrize("tolerance", [0, 3, 25])
@pytest.mark.parametrize("seed", [1, 2])
def test_matches_every_pair_reference_on_mixed_geometries(seed, tolerance):
    rng = np.random.default_rng(seed)
    n = 600
    xy = rng.uniform(0, 1500, (n, 2))
    kind = rng.integers(0, 3, n)
    points = shapely.points(xy)
    areas = shapely.buffer(points, rng.uniform(2, 30, n), quad_segs=3)
    lines = shapely.linestrings(np.stack([xy, xy + rng.normal(0, 25, (n, 2))], axis=1))
    geoms = np.where(kind == 0, points, np.where(kind == 1, areas, lines))
    ours = partition(cluster_labels(geoms, tolerance))
    assert ours == partition(every_pair_components(geoms, tolerance))
    assert len(ours) < n  # the sample really clusters something


@pytest.mark.parametrize("tolerance", [0, 2, 7.5])
def test_points_only_and_points_exactly_at_the_tolerance(tolerance):
    """Point pairs take their own path (a k-d tree, decided in numpy): coincident points at
    tolerance 0, and a distance of exactly `tolerance` counts, as in ST_DWithin."""
    rng = np.random.default_rng(11)
    xy = np.round(rng.uniform(0, 400, (1500, 2)))  # whole metres: many exact distances
    xy[:50] = xy[50:100]  # coincident pairs
    ring = [(1000 + tolerance * i, 1000) for i in range(4)]  # a chain of exact distances
    geoms = np.concatenate([shapely.points(xy), shapely.points(ring)])
    ours = partition(cluster_labels(geoms, tolerance))
    assert ours == partition(every_pair_components(geoms, tolerance))
    chain = set(range(len(xy), len(geoms)))
    assert any(chain <= group for group in ours)


def test_dense_hotspot_where_all_overlap_is_one_cluster_per_hotspot():
    rng = np.random.default_rng(7)
    centres = np.array([[0, 0], [5000, 0], [0, 5000]])
    xy = centres[rng.integers(0, 3, 3000)] + rng.normal(0, 20, (3000, 2))
    geoms = shapely.buffer(shapely.points(xy), 30, quad_segs=3)
    assert len(set(cluster_labels(geoms, 0))) == 3


def test_a_split_cluster_keeps_its_id_on_the_largest_part():
    old = np.array([7, 7, 7, 7, 7, -1])
    new = np.array([0, 0, 1, 1, 1, 2])
    assert stable_ids(new, old) == {1: 7}


def test_merged_clusters_keep_the_id_of_the_larger_one():
    old = np.array([3, 3, 9, 9, 9, -1])
    new = np.array([0, 0, 0, 0, 0, 0])
    assert stable_ids(new, old) == {0: 9}


def test_equal_parts_keep_the_older_id():
    assert stable_ids(np.array([0, 0, 0, 0]), np.array([5, 5, 2, 2])) == {0: 2}


# -- incremental == full recompute (property-based) --------------------------------------

coordinate = st.integers(0, 60)
shapes = st.one_of(
    st.builds(lambda x, y: Point(x, y), coordinate, coordinate),
    st.builds(
        lambda x, y, w, h: box(x, y, x + w, y + h),
        coordinate,
        coordinate,
        st.integers(1, 12),
        st.integers(1, 12),
    ),
    st.builds(
        lambda x, y, dx, dy: LineString([(x, y), (x + dx, y + dy)]),
        coordinate,
        coordinate,
        st.integers(-15, 15),
        st.integers(1, 15),
    ),
)
operations = st.lists(
    st.tuples(st.sampled_from(["add", "add", "remove", "move"]), st.integers(0, 25), shapes),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(tolerance=st.sampled_from([0, 2, 5]), ops=operations)
def test_incremental_state_equals_full_recompute_after_any_changes(tolerance, ops):
    state = IncrementalClusters(tolerance=tolerance)
    state.REBUILD_AFTER = 7  # exercise the tree rebuild, not just the delta list
    for op, key, geom in ops:
        if op == "add" and key not in state.geoms:
            state.add(key, geom)
        elif op == "remove" and key in state.geoms:
            state.remove(key)
        elif op == "move" and key in state.geoms:
            state.move(key, geom)
    keys = list(state.geoms)
    full = partition(cluster_labels([state.geoms[k] for k in keys], tolerance), keys)
    assert state.partition() == full


def test_removing_the_bridge_splits_and_the_larger_part_keeps_the_label():
    state = IncrementalClusters(tolerance=0)
    for key, geom in {
        "a": box(0, 0, 2, 2),
        "b": box(1, 1, 3, 3),
        "bridge": box(2.5, 0, 6, 1),
        "c": box(5, 0, 7, 2),
        "d": box(6, 1, 8, 3),
        "e": box(7, 2, 9, 4),
    }.items():
        label = state.add(key, geom)
    assert len(state.partition()) == 1
    state.remove("bridge")
    assert state.partition() == {frozenset("ab"), frozenset("cde")}
    assert state.label_of["c"] == label


@pytest.mark.parametrize("tolerance", [0, 4])
def test_dense_mixed_hotspots_that_touch_each_other_match_the_reference(tolerance):
    """Exercises the contraction path: hotspots of points, lines and areas, some adjacent."""
    rng = np.random.default_rng(11)
    n = 2500
    centres = np.array([[0, 0], [70, 0], [400, 400], [0, 900], [90, 905]])
    xy = centres[rng.integers(0, len(centres), n)] + rng.normal(0, 25, (n, 2))
    kind = rng.integers(0, 3, n)
    points = shapely.points(xy)
    areas = shapely.buffer(points, rng.uniform(1, 15, n), quad_segs=2)
    lines = shapely.linestrings(np.stack([xy, xy + rng.normal(0, 10, (n, 2))], axis=1))
    geoms = np.where(kind == 0, points, np.where(kind == 1, areas, lines))
    assert partition(cluster_labels(geoms, tolerance)) == partition(
        every_pair_components(geoms, tolerance)
    )


@pytest.mark.parametrize("tolerance", [0, 10])
def test_hotspots_over_a_spread_out_city_match_the_reference(tolerance):
    """The mixed case: hotspots collapse into a few large components while the city's
    claims stay in small ones; both kinds of pair between components must be found."""
    rng = np.random.default_rng(5)
    city = rng.uniform(0, 700, (1200, 2))
    centres = np.array([[100, 100], [190, 100], [500, 300], [300, 600]])
    xy = np.concatenate([city, centres[rng.integers(0, 4, 1200)] + rng.uniform(-30, 30, (1200, 2))])
    n = len(xy)
    kind = np.concatenate([rng.integers(0, 3, 1200), np.ones(1200, dtype=int)])
    side = np.concatenate([rng.uniform(2, 10, 1200), rng.uniform(20, 60, 1200)])
    points = shapely.points(xy)
    areas = shapely.box(*(xy - side[:, None] / 2).T, *(xy + side[:, None] / 2).T)
    lines = shapely.linestrings(np.stack([xy, xy + rng.normal(0, 10, (n, 2))], axis=1))
    geoms = np.choose(kind, [points, areas, lines])
    ours = partition(cluster_labels(geoms, tolerance))
    assert ours == partition(every_pair_components(geoms, tolerance))
    sizes = sorted(len(group) for group in ours)
    assert sizes[0] == 1 and sizes[-1] > 200  # single city claims beside whole hotspots


@pytest.mark.parametrize("tolerance", [0, 3])
def test_two_hotspots_joined_only_by_their_long_claims(tolerance):
    """Two dense hotspots whose only touching pair is a long claim centred in each: no grid
    cell holds both centres, so the pair is found between the two large components."""
    rng = np.random.default_rng(8)
    xy = np.concatenate([rng.uniform(-20, 20, (300, 2)), rng.uniform(-20, 20, (300, 2)) + [200, 0]])
    squares = shapely.box(*(xy - 2.5).T, *(xy + 2.5).T)
    reach = 100 - tolerance / 2  # from either centre: the two long claims just touch
    long_claims = [box(-reach, -1, reach, 1), box(200 - reach, -1, 200 + reach, 1)]
    geoms = np.concatenate([squares, long_claims])
    assert len(set(cluster_labels(geoms, tolerance))) == 1
    assert len(set(cluster_labels(geoms[:-1], tolerance))) == 2


def test_incremental_finds_coincident_points_in_its_tree_at_tolerance_zero():
    """Found by the property test: a point's bounding box is degenerate, and buffering it
    by a tolerance of 0 gave an empty query, so after a tree rebuild a coincident point
    was not found and stayed alone."""
    state = IncrementalClusters(tolerance=0)
    state.REBUILD_AFTER = 3
    for key in range(6):  # more than REBUILD_AFTER: the first ones move into the tree
        state.add(key, Point(0, 0))
    state.remove(0)
    state.add(0, Point(0, 0))
    assert state.partition() == {frozenset(range(6))}

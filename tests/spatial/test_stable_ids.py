"""Cluster ids survive a transient merge (ADR 0004, "Ids across merges"): when a merged
cluster splits again, each part takes back the id most of its claims had before; adding one
claim and withdrawing it leaves every cluster id as it was."""

import os

import pytest
from django.conf import settings
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from proposals.models import Proposal
from proposals.services import proposal_update, proposal_withdraw
from spatial import engine, store
from spatial.models import Cluster, ClusterMember
from spatial.services import clusters_recompute

from .claims import create, metric
from .test_services import our_partition


def cluster_of() -> dict[int, int]:
    return dict(ClusterMember.objects.values_list("proposal_id", "cluster_id"))


def current_ids() -> set[int]:
    return set(Cluster.objects.current().values_list("id", flat=True))


@pytest.mark.django_db
def test_a_bridge_withdrawn_gives_both_clusters_their_ids_back(resident):
    big = [create(resident, f"POINT ({x} 0)") for x in (0, 8, 16)]
    small = [create(resident, f"POINT ({x} 0)") for x in (60, 68)]
    before = cluster_of()
    bridge = create(resident, "LINESTRING (20 0, 55 0)")  # merges both into the bigger one
    assert len(set(cluster_of().values())) == 1
    proposal_withdraw(proposal=bridge, user=resident)
    assert cluster_of() == before
    small_id = before[small[0].pk]
    assert Cluster.objects.get(pk=small_id).dissolved_at is None
    assert Cluster.objects.get(pk=small_id).claim_count == 2
    assert Cluster.objects.get(pk=before[big[0].pk]).claim_count == 3
    assert clusters_recompute().changed == 0


@pytest.mark.django_db
def test_a_split_after_three_merged_gives_each_part_its_id(resident):
    groups = [[create(resident, f"POINT ({x + d} 0)") for d in (0, 6)] for x in (0, 40, 80)]
    before = cluster_of()
    bridges = [
        create(resident, "LINESTRING (10 0, 36 0)"),
        create(resident, "LINESTRING (50 0, 76 0)"),
    ]
    assert len(set(cluster_of().values())) == 1
    for bridge in bridges:
        proposal_withdraw(proposal=bridge, user=resident)
    assert cluster_of() == before
    assert len({before[g[0].pk] for g in groups}) == 3


# Claims along a street (300 m by 30 m): several clusters, with gaps that a probe line
# of up to 80 m often bridges.
PLACES = st.lists(
    st.tuples(
        st.integers(0, 300),
        st.integers(0, 30),
        st.sampled_from(
            [
                "POINT ({x} {y})",
                "LINESTRING ({x} {y}, {x2} {y})",
                "POLYGON (({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))",
            ]
        ),
    ),
    min_size=4,
    max_size=20,
)
PROBE = st.tuples(
    st.integers(0, 300),
    st.integers(0, 30),
    st.integers(3, 80),
    st.sampled_from(
        ["POINT ({x} {y})", "LINESTRING ({x} {y}, {x2} {y})", "LINESTRING ({x} {y}, {x2} {y})"]
    ),
)


def wkt_of(x, y, template, size=7):
    return template.format(x=x, y=y, x2=x + size, y2=y + size)


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(places=PLACES, probe=PROBE)
def test_adding_one_claim_and_withdrawing_it_leaves_every_cluster_id(resident, places, probe):
    Proposal.objects.all().delete()
    Cluster.objects.all().delete()
    for x, y, template in places:
        create(resident, wkt_of(x, y, template))
    before, ids = cluster_of(), current_ids()
    x, y, size, template = probe
    added = create(resident, wkt_of(x, y, template, size))
    proposal_withdraw(proposal=added, user=resident)
    assert cluster_of() == before
    assert current_ids() == ids


SQUARE = "POLYGON (({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))"
OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "add", "add", "withdraw", "move"]),
        st.integers(0, 12),
        st.integers(0, 120),
        st.integers(0, 40),
        st.sampled_from(
            [
                "POINT ({x} {y})",
                "LINESTRING ({x} {y}, {x2} {y})",
                "POLYGON (({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))",
            ]
        ),
    ),
    min_size=3,
    max_size=25,
)


def engine_partition() -> set[frozenset]:
    """The engine's partition of the stored claim geometries, without single claims."""
    with store.raw_cursor() as cur:
        ids, geoms = store.load_geometries(cur, *store.claim_id_range(cur))
    whole = engine.partition(
        engine.cluster_labels(geoms, settings.CLUSTER_TOLERANCE_M), ids.tolist()
    )
    return {g for g in whole if len(g) > 1}


@pytest.mark.django_db
def test_a_claim_at_exactly_the_tolerance_is_decided_alike_incrementally_and_in_full(resident):
    """The sequence the random sweep found (issue 10): a square 10 m from a point. PostGIS's
    ST_DWithin(…, 10) says "within" (its distance is 10.0), GEOS's dwithin says not
    (10.000000000025): the incremental join used the first, the full recompute the second,
    so the incremental state had a cluster of two that the recompute silently dissolved.
    Both now decide with the engine's predicate."""
    create(resident, "POINT (70 8)")
    create(resident, "POLYGON ((53 6, 60 6, 60 13, 53 13, 53 6))")
    incremental = cluster_of()
    assert clusters_recompute().changed == 0
    assert cluster_of() == incremental
    assert our_partition() == engine_partition()


@pytest.mark.django_db
# Derandomized: the suite runs the same sequences every time, so CI cannot turn red by
# chance; STABLE_IDS_SWEEP=N runs N random sequences instead (a hunt, e.g. 500).
@hypothesis_settings(
    max_examples=int(os.environ.get("STABLE_IDS_SWEEP", "20")),
    derandomize="STABLE_IDS_SWEEP" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=OPS)
# the sequence a sweep found: two claims exactly at the tolerance, as GEOS and PostGIS
# round it differently (see the test above)
@example(ops=[("add", 0, 70, 8, "POINT ({x} {y})"), ("add", 1, 53, 6, SQUARE)])
def test_incremental_state_equals_a_full_recompute_with_the_same_ids(resident, ops):
    Proposal.objects.all().delete()
    Cluster.objects.all().delete()
    held = {}
    for op, key, x, y, template in ops:
        wkt = template.format(x=x, y=y, x2=x + 7, y2=y + 7)
        if op == "add" and key not in held:
            held[key] = create(resident, wkt)
        elif op == "withdraw" and key in held:
            proposal_withdraw(proposal=held.pop(key), user=resident)
        elif op == "move" and key in held:
            held[key] = proposal_update(proposal=held[key], user=resident, geom=metric(wkt))
    # the engine decides at exactly the tolerance, where PostGIS may round the other way
    assert our_partition() == engine_partition()
    incremental, ids = cluster_of(), current_ids()
    assert clusters_recompute().changed == 0
    assert cluster_of() == incremental and current_ids() == ids

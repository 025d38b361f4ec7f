"""Full recompute and incremental updates against real PostGIS."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from proposals.models import Proposal
from proposals.services import proposal_update, proposal_withdraw, support_add
from spatial.engine import partition
from spatial.models import AnalysisSettings, Cluster, ClusterMember
from spatial.services import clusters_recompute

from .claims import create, insert_claims, metric, mixed_geometries


def our_partition():
    groups = {}
    for proposal_id, cluster_id in ClusterMember.objects.values_list("proposal_id", "cluster_id"):
        groups.setdefault(cluster_id, set()).add(proposal_id)
    return {frozenset(g) for g in groups.values()}


def postgis_partition(tolerance):
    """PostGIS's own answer, without singletons (which are not clusters)."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id, ST_ClusterDBSCAN(ST_Transform(geom, %s), eps := %s, minpoints := 1) "
            "OVER () FROM proposals_proposal WHERE status = 'active'",
            [settings.ANALYSIS_SRID, tolerance],
        )
        rows = cur.fetchall()
    whole = partition([r[1] for r in rows], [r[0] for r in rows])
    return {g for g in whole if len(g) > 1}


@pytest.mark.django_db
@pytest.mark.parametrize("tolerance", [0, 5, 20])
def test_full_recompute_equals_st_clusterdbscan(resident, tolerance):
    insert_claims(resident, mixed_geometries(700, seed=tolerance + 1, spread=900 + 40 * tolerance))
    result = clusters_recompute(tolerance=tolerance)
    expected = postgis_partition(tolerance)
    assert our_partition() == expected
    assert result.clusters == len(expected) > 10


@pytest.mark.django_db
def test_single_unconnected_claims_are_not_clusters(resident):
    insert_claims(resident, mixed_geometries(2, seed=3, spread=5000))
    create(resident, "POINT (3000 3000)")
    clusters_recompute(tolerance=0)
    assert not Cluster.objects.exists()
    assert not ClusterMember.objects.exists()


@pytest.mark.django_db
def test_adding_a_claim_near_others_makes_a_cluster_with_statistics(resident, other_resident):
    create(resident, "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", category="housing")
    assert not Cluster.objects.exists()
    other = create(
        other_resident, "POLYGON ((40 0, 140 0, 140 100, 40 100, 40 0))", category="green_space"
    )
    cluster = Cluster.objects.get()
    assert cluster.members.count() == 2
    assert other.cluster_membership.cluster == cluster
    assert cluster.contested
    assert cluster.claim_count == 2 and cluster.author_count == 2
    assert cluster.overlap_area_m2 == pytest.approx(6000, rel=0.01)
    assert cluster.explanation["en"] == "green space against housing on 0.6 ha"
    assert cluster.outline.contains(metric("POINT (10 10)"))


@pytest.mark.django_db
def test_a_growing_cluster_keeps_its_id(resident):
    a = create(resident, "POINT (0 0)")
    create(resident, "POINT (5 0)")
    cluster_id = a.cluster_membership.cluster_id
    create(resident, "POINT (12 0)")
    assert Cluster.objects.current().get().pk == cluster_id
    assert Cluster.objects.get(pk=cluster_id).claim_count == 3
    clusters_recompute()
    assert Cluster.objects.current().get().pk == cluster_id


@pytest.mark.django_db
def test_merged_clusters_keep_the_id_of_the_larger_one_and_the_other_dissolves(resident):
    big = [create(resident, f"POINT ({x} 0)") for x in (0, 8, 16)]
    small = [create(resident, f"POINT ({x} 0)") for x in (60, 68)]
    big_id = big[0].cluster_membership.cluster_id
    small_id = small[0].cluster_membership.cluster_id
    assert big_id != small_id
    create(resident, "LINESTRING (20 0, 55 0)")  # within 10 m of both
    assert set(ClusterMember.objects.values_list("cluster_id", flat=True)) == {big_id}
    assert Cluster.objects.get(pk=big_id).claim_count == 6
    assert Cluster.objects.get(pk=small_id).dissolved_at is not None


@pytest.mark.django_db
def test_withdrawing_the_bridge_splits_and_the_larger_part_keeps_the_id(resident):
    left = [create(resident, f"POINT ({x} 0)") for x in (0, 8)]
    bridge = create(resident, "LINESTRING (10 0, 50 0)")
    right = [create(resident, f"POINT ({x} 0)") for x in (55, 63, 71)]
    cluster_id = bridge.cluster_membership.cluster_id
    proposal_withdraw(proposal=bridge, user=resident)
    assert our_partition() == {frozenset(p.pk for p in left), frozenset(p.pk for p in right)}
    assert right[0].cluster_membership.cluster_id == cluster_id
    assert Cluster.objects.current().count() == 2
    recomputed = clusters_recompute()
    assert recomputed.changed == 0  # the incremental state was already the full answer


@pytest.mark.django_db
def test_moving_a_claim_away_dissolves_a_pair(resident):
    a = create(resident, "POINT (0 0)")
    b = create(resident, "POINT (5 0)")
    cluster_id = a.cluster_membership.cluster_id
    proposal_update(proposal=b, user=resident, geom=metric("POINT (900 900)"))
    assert not ClusterMember.objects.exists()
    assert Cluster.objects.get(pk=cluster_id).dissolved_at is not None
    assert not Cluster.objects.current().exists()


@pytest.mark.django_db
def test_support_updates_the_cluster_count(resident, other_resident):
    a = create(resident, "POINT (0 0)")
    create(resident, "POINT (5 0)")
    support_add(proposal=a, user=other_resident)
    assert Cluster.objects.get().support_count == 1


@pytest.mark.django_db
def test_a_tolerance_setting_is_used_by_the_hook(resident):
    AnalysisSettings.objects.create(pk=1, cluster_tolerance_m=50)
    create(resident, "POINT (0 0)")
    create(resident, "POINT (40 0)")
    assert Cluster.objects.current().count() == 1


# Any sequence of adds, withdrawals and moves: tests/spatial/test_stable_ids.py checks that the
# incremental state equals PostGIS's partition and a full recompute, ids included.


@pytest.mark.django_db
def test_bulk_write_by_copy_stores_the_same_clusters_as_array_parameters(resident, monkeypatch):
    from spatial import store

    insert_claims(
        resident,
        mixed_geometries(300, seed=9, spread=500),
        categories=["housing", "green_space", "mobility"] * 100,
        kinds=["proposal", "conflict", "proposal"] * 100,
    )
    fields = [
        "id",
        "claim_count",
        "author_count",
        "contested",
        "score",
        "explanation",
        "categories",
        "overlap_area_m2",
        "conflict_count",
    ]

    def snapshot():
        rows = list(Cluster.objects.current().order_by("id").values(*fields))
        outlines = [c.outline.wkt for c in Cluster.objects.current().order_by("id")]
        Cluster.objects.all().delete()
        return rows, outlines

    monkeypatch.setattr(store, "COPY_FROM", 10**9)
    clusters_recompute(tolerance=5)
    by_arrays = snapshot()
    monkeypatch.setattr(store, "COPY_FROM", 1)
    clusters_recompute(tolerance=5)
    by_copy = snapshot()
    assert len(by_copy[0]) > 5
    assert [dict(r, id=None) for r in by_copy[0]] == [dict(r, id=None) for r in by_arrays[0]]
    assert by_copy[1] == by_arrays[1]


@pytest.mark.django_db
def test_claims_not_allowed_by_zoning_make_a_cluster_contested(resident, other_resident):
    from layers.models import ProposalOverlay

    a = create(resident, "POLYGON ((0 0, 50 0, 50 50, 0 50, 0 0))")
    create(other_resident, "POLYGON ((20 0, 70 0, 70 50, 20 50, 20 0))")
    ProposalOverlay.objects.update_or_create(
        proposal=a,
        defaults={
            "compatibility": "incompatible",
            "zones": [
                {"layer": "zoning", "zone_code": "WA", "share": 1.0, "verdict": "incompatible"}
            ],
        },
    )
    clusters_recompute()
    assert not Cluster.objects.current().get().contested  # membership unchanged: not rewritten
    call_command("recluster", "--refresh", stdout=io.StringIO())
    cluster = Cluster.objects.current().get()
    assert cluster.contested and cluster.incompatible_count == 1
    assert cluster.explanation["en"] == "1 claim not allowed in zone WA"
    support_add(proposal=a, user=other_resident)  # the incremental path reads the same
    cluster.refresh_from_db()
    assert cluster.explanation["de"] == "1 Beitrag in Zone WA nicht zulässig"
    assert cluster.support_count == 1


@pytest.mark.django_db
def test_attributes_read_by_id_range_give_the_same_clusters_as_read_by_ids(resident, monkeypatch):
    from layers.models import ProposalOverlay
    from spatial import store

    insert_claims(
        resident,
        mixed_geometries(200, seed=4, spread=400),
        categories=["housing", "green_space", "mobility", "commons"] * 50,
        kinds=["proposal", "conflict"] * 100,
    )
    for i, proposal in enumerate(Proposal.objects.order_by("id")[:40]):
        ProposalOverlay.objects.update_or_create(
            proposal=proposal,
            defaults={
                "compatibility": "incompatible" if i % 2 else "compatible",
                "zones": [{"zone_code": f"Z{i % 3}", "share": 1.0, "verdict": "incompatible"}],
            },
        )
    fields = ["claim_count", "author_count", "incompatible_count", "explanation", "categories"]

    def snapshot():
        rows = list(Cluster.objects.current().order_by("id").values(*fields))
        Cluster.objects.all().delete()
        return rows

    monkeypatch.setattr(store, "SCAN_FROM", 10**9)  # every claim looked up by its id
    clusters_recompute(tolerance=5)
    by_ids = snapshot()
    monkeypatch.setattr(store, "SCAN_FROM", 0)  # one pass over the id range
    clusters_recompute(tolerance=5)
    by_range = snapshot()
    assert sum(r["incompatible_count"] for r in by_ids) > 0
    assert by_range == by_ids

"""spatial_claimgeometry and the membership table are kept by triggers on proposals
(spatial/triggers.py); the full recompute reads claims from there, in parallel on a
second connection when it can (store.snapshot_reader)."""

import gc
import io
import logging

import numpy as np
import pytest
import shapely
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from proposals.models import Proposal
from proposals.services import proposal_update, proposal_withdraw, support_add
from spatial import store
from spatial.models import ClusterMember
from spatial.services import clusters_recompute

from .claims import create, insert_claims, metric, mixed_geometries
from .test_services import our_partition, postgis_partition


def stored_geometries() -> dict[int, str]:
    """proposal id -> the stored analysis geometry, and check it is what ST_Transform
    of the proposal's geometry gives."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT c.proposal_id, ST_AsText(c.geom), "
            "ST_Equals(c.geom, ST_Transform(p.geom, %s)), ST_SRID(c.geom) "
            "FROM spatial_claimgeometry c JOIN proposals_proposal p ON p.id = c.proposal_id",
            [settings.ANALYSIS_SRID],
        )
        rows = cur.fetchall()
    assert all(equal and srid == settings.ANALYSIS_SRID for _, _, equal, srid in rows)
    return {pk: wkt for pk, wkt, _, _ in rows}


def active_ids() -> set[int]:
    return set(Proposal.objects.filter(status="active").values_list("id", flat=True))


@pytest.mark.django_db
def test_claim_geometry_follows_every_kind_of_proposal_write(resident, other_resident):
    a = create(resident, "POINT (0 0)")
    b = create(resident, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
    assert set(stored_geometries()) == {a.pk, b.pk}

    before = stored_geometries()[a.pk]
    proposal_update(proposal=a, user=resident, geom=metric("POINT (50 0)"))
    assert stored_geometries()[a.pk] != before  # moved: projected again

    support_add(proposal=b, user=other_resident)  # neither geometry nor status changes
    assert set(stored_geometries()) == {a.pk, b.pk}

    proposal_withdraw(proposal=a, user=resident)
    assert set(stored_geometries()) == {b.pk}
    Proposal.objects.filter(pk=a.pk).update(status="active")  # restored, in plain SQL
    assert set(stored_geometries()) == {a.pk, b.pk}

    ids = insert_claims(resident, mixed_geometries(50, seed=3))  # a bulk load, no hooks
    assert set(stored_geometries()) == active_ids() == {a.pk, b.pk, *ids}

    with connection.cursor() as cur:
        cur.execute("DELETE FROM proposals_proposal WHERE id = ANY(%s)", [ids[:10]])
    assert set(stored_geometries()) == active_ids()


@pytest.mark.django_db
def test_deleting_proposals_in_sql_drops_their_memberships(resident):
    ids = insert_claims(resident, mixed_geometries(80, seed=5, spread=200))
    clusters_recompute(tolerance=10)
    members = set(ClusterMember.objects.values_list("proposal_id", flat=True))
    assert members
    gone = sorted(members)[:5]
    with connection.cursor() as cur:
        cur.execute("DELETE FROM proposals_proposal WHERE id = ANY(%s)", [gone])
    assert not ClusterMember.objects.filter(proposal_id__in=gone).exists()
    clusters_recompute(tolerance=10)
    assert our_partition() == postgis_partition(10)
    assert set(ids) - set(gone) >= set(ClusterMember.objects.values_list("proposal_id", flat=True))


@pytest.mark.django_db
def test_recompute_refills_claim_geometry_that_fell_out_of_step(resident, caplog):
    insert_claims(resident, mixed_geometries(120, seed=6, spread=300))
    with connection.cursor() as cur:  # as after a restore with triggers disabled
        cur.execute("DELETE FROM spatial_claimgeometry WHERE proposal_id % 3 = 0")
    with caplog.at_level(logging.WARNING, logger="spatial.store"):
        clusters_recompute(tolerance=5)
    assert "refilling" in caplog.text
    assert set(stored_geometries()) == active_ids()
    assert our_partition() == postgis_partition(5)


@pytest.mark.django_db
def test_claim_geometry_in_another_crs_is_refused_until_reindexed(resident):
    insert_claims(resident, mixed_geometries(10, seed=7))
    with connection.cursor() as cur:  # ANALYSIS_SRID changed without `recluster --reindex`
        cur.execute(
            "ALTER TABLE spatial_claimgeometry ALTER COLUMN geom TYPE geometry(Geometry, 3857) "
            "USING ST_Transform(geom, 3857)"
        )
    with pytest.raises(store.StaleClaimGeometry, match="recluster --reindex"):
        clusters_recompute(tolerance=5)
    with connection.cursor() as cur:  # the command runs in its own transaction in real use;
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # here, no DDL with checks pending
    call_command("recluster", "--reindex", "--tolerance", "5", stdout=io.StringIO())
    assert set(stored_geometries()) == active_ids()  # back in ANALYSIS_SRID, all of them
    assert our_partition() == postgis_partition(5)
    create(resident, "POINT (0 0)")  # the reinstalled triggers write the new SRID
    assert set(stored_geometries()) == active_ids()


@pytest.mark.django_db(transaction=True)
def test_a_second_connection_only_inside_a_transaction_that_has_not_written(
    django_user_model,
):
    with store.raw_cursor() as cur, store.snapshot_reader(cur) as other:
        assert other is None  # autocommit: no snapshot outlives the statement
    with transaction.atomic(), store.raw_cursor() as cur:
        with store.snapshot_reader(cur) as other:
            assert other is not None
        django_user_model.objects.create(username="writer")
        with store.snapshot_reader(cur) as other:
            assert other is None  # this transaction's rows would be invisible to it


@pytest.mark.django_db(transaction=True)
def test_parallel_read_on_the_same_snapshot_gives_the_postgis_partition(
    django_user_model, monkeypatch
):
    author = django_user_model.objects.create(username="bulk")
    insert_claims(author, mixed_geometries(600, seed=9, spread=500))  # committed
    monkeypatch.setattr(store, "LOAD_CHUNK", 64)  # many id ranges, split over two connections
    readers = []
    real_reader = store.snapshot_reader

    def spy(cur, wanted=True):
        manager = real_reader(cur, wanted)
        readers.append(manager)
        return manager

    monkeypatch.setattr(store, "snapshot_reader", spy)
    with transaction.atomic(), store.raw_cursor() as cur:
        low, high = store.claim_id_range(cur)
        with real_reader(cur) as other:
            assert other is not None
            ids, geoms = store.load_geometries(cur, low, high, other)
    assert list(ids) == sorted(active_ids()) and len(geoms) == 600

    first = clusters_recompute(tolerance=8)
    assert readers, "the recompute did not try a second connection"
    assert our_partition() == postgis_partition(8)
    assert first.claims == 600
    again = clusters_recompute(tolerance=8)
    assert again.changed == 0 and our_partition() == postgis_partition(8)


@pytest.mark.django_db
def test_clusters_written_in_batches_equal_those_written_at_once(resident, monkeypatch):
    from spatial import services
    from spatial.models import Cluster

    insert_claims(
        resident,
        mixed_geometries(500, seed=10, spread=700),
        categories=["housing", "green_space", "mobility", "commons"] * 125,
        kinds=["proposal", "conflict"] * 250,
    )
    fields = ["id", "claim_count", "author_count", "overlap_area_m2", "score", "explanation"]

    def stored():
        with connection.cursor() as cur:
            cur.execute("SELECT id, ST_AsText(outline) FROM spatial_cluster ORDER BY id")
            outlines = cur.fetchall()
        return list(Cluster.objects.order_by("id").values(*fields)), outlines

    clusters_recompute(tolerance=6, refresh=True)
    at_once = stored()
    monkeypatch.setattr(services, "BATCH_CLUSTERS", 3)  # many batches of a few clusters
    assert len(services._batches(np.arange(40))) > 5
    clusters_recompute(tolerance=6, refresh=True)
    assert stored() == at_once
    assert len(at_once[0]) > 10


@pytest.mark.django_db(transaction=True)
def test_without_a_second_connection_the_recompute_reads_on_one(
    django_user_model, monkeypatch, caplog
):
    author = django_user_model.objects.create(username="alone")
    insert_claims(author, mixed_geometries(300, seed=12, spread=400))
    monkeypatch.setattr(store, "LOAD_CHUNK", 64)
    params = connection.get_connection_params()
    # as if the server refused one more connection: nothing listens on port 1
    monkeypatch.setattr(
        connection, "get_connection_params", lambda: {**params, "port": 1, "connect_timeout": 2}
    )
    with caplog.at_level(logging.WARNING, logger="spatial.store"):
        result = clusters_recompute(tolerance=8)
    assert "no second connection" in caplog.text
    assert result.claims == 300 and our_partition() == postgis_partition(8)


@pytest.mark.django_db(transaction=True)
def test_id_ranges_without_a_claim_on_two_connections(django_user_model, monkeypatch):
    """The id ranges are shared by two connections; ranges without a claim give nothing."""
    author = django_user_model.objects.create(username="gaps")
    ids = insert_claims(author, mixed_geometries(400, seed=13, spread=400))
    with connection.cursor() as cur:  # a gap of several id ranges without a claim
        cur.execute("DELETE FROM proposals_proposal WHERE id = ANY(%s)", [ids[50:300]])
    monkeypatch.setattr(store, "LOAD_CHUNK", 32)
    with transaction.atomic(), store.raw_cursor() as cur:
        low, high = store.claim_id_range(cur)
        with store.snapshot_reader(cur) as other:
            assert other is not None
            read, geoms = store.load_geometries(cur, low, high, other)
    assert list(read) == sorted(active_ids()) == ids[:50] + ids[300:]
    assert len(geoms) == 150
    assert clusters_recompute(tolerance=8).claims == 150
    assert our_partition() == postgis_partition(8)


@pytest.mark.django_db(transaction=True)
def test_out_of_step_claim_geometry_is_refilled_and_read_again_on_one_connection(
    django_user_model, monkeypatch, caplog
):
    """Rows missing, and rows of claims no longer active, with many id ranges: the table is
    refilled before the read (which then stays on this connection: the other one could
    not see the refill)."""
    author = django_user_model.objects.create(username="restore")
    ids = insert_claims(author, mixed_geometries(300, seed=14, spread=350))
    clusters_recompute(tolerance=6)
    monkeypatch.setattr(store, "LOAD_CHUNK", 32)
    with connection.cursor() as cur:  # as after a restore with triggers disabled
        cur.execute("DELETE FROM spatial_claimgeometry WHERE proposal_id % 4 = 0")
        cur.execute("ALTER TABLE proposals_proposal DISABLE TRIGGER USER")
        cur.execute(
            "UPDATE proposals_proposal SET status = 'withdrawn' WHERE id = ANY(%s)", [ids[:9]]
        )
        cur.execute("ALTER TABLE proposals_proposal ENABLE TRIGGER USER")
    with caplog.at_level(logging.WARNING, logger="spatial.store"):
        result = clusters_recompute(tolerance=6)
    assert "refilling" in caplog.text
    assert result.claims == 291 and set(stored_geometries()) == active_ids()
    assert our_partition() == postgis_partition(6)
    assert not ClusterMember.objects.filter(proposal_id__in=ids[:9]).exists()


@pytest.mark.django_db(transaction=True)
def test_a_claim_that_changes_its_type_between_recomputes(django_user_model, monkeypatch):
    """A point that becomes a polygon (and a polygon a point) is read as what it is now."""
    author = django_user_model.objects.create(username="reshape")
    insert_claims(author, mixed_geometries(200, seed=15, spread=300))
    monkeypatch.setattr(store, "LOAD_CHUNK", 32)
    clusters_recompute(tolerance=5)
    with connection.cursor() as cur:
        cur.execute(
            "SELECT min(id) FILTER (WHERE GeometryType(geom) = 'POINT'), "
            "min(id) FILTER (WHERE GeometryType(geom) = 'POLYGON') FROM proposals_proposal"
        )
        point, area = cur.fetchone()
    with connection.cursor() as cur:  # each takes the other's place and shape, in SQL
        cur.execute(
            "UPDATE proposals_proposal p SET geom = q.geom FROM proposals_proposal q "
            "WHERE (p.id, q.id) IN ((%s, %s), (%s, %s))",
            [point, area, area, point],
        )
    clusters_recompute(tolerance=5)
    assert our_partition() == postgis_partition(5)
    with store.raw_cursor() as cur:
        read, geoms = store.load_geometries(cur, *store.claim_id_range(cur))
    at = dict(zip(read.tolist(), shapely.get_type_id(geoms).tolist(), strict=True))
    assert at[point] == 3 and at[area] == 0


@pytest.mark.django_db
def test_the_garbage_collector_is_paused_only_while_a_recompute_runs(resident, monkeypatch):
    from spatial import engine

    insert_claims(resident, mixed_geometries(60, seed=16, spread=200))
    real, seen = engine.cluster_labels, []

    def spy(geoms, tolerance):
        seen.append(gc.isenabled())
        return real(geoms, tolerance)

    monkeypatch.setattr(engine, "cluster_labels", spy)
    assert gc.isenabled()
    clusters_recompute(tolerance=5)
    assert seen == [False] and gc.isenabled()

    def fail(geoms, tolerance):
        raise RuntimeError("engine failed")

    monkeypatch.setattr(engine, "cluster_labels", fail)
    with pytest.raises(RuntimeError, match="engine failed"):
        clusters_recompute(tolerance=5)
    assert gc.isenabled()  # back on after an error too
    monkeypatch.setattr(engine, "cluster_labels", spy)
    gc.disable()  # paused by someone else: left as it was
    try:
        clusters_recompute(tolerance=5)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False, False]

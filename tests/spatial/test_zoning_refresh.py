"""Clusters follow zoning changes that are not proposal writes: a new rule matrix."""

import pytest

from layers.services import layer_import, zoning_rules_set
from proposals.services import proposal_create
from spatial.models import Cluster
from tests.layers.files import square, to_lonlat, write_gpkg, zones_frame

pytestmark = pytest.mark.django_db


@pytest.fixture
def zoning(tmp_path):
    path = write_gpkg(tmp_path / "zones.gpkg", {"zones": zones_frame()})  # WA west, GE east
    return layer_import(path=path, name="Zoning", kind="zoning", zone_field="zone", in_effect=True)


@pytest.fixture
def two_housing_claims_in_wa(resident, other_resident):
    for author, x in ((resident, 10), (other_resident, 30)):  # overlapping squares in WA
        proposal_create(
            author=author,
            kind="proposal",
            category="housing",
            title=f"Homes at {x}",
            geom=to_lonlat(square(x, 10, 40)),
        )


def test_a_rule_that_forbids_the_claims_makes_their_cluster_contested(
    zoning, two_housing_claims_in_wa, django_capture_on_commit_callbacks
):
    cluster = Cluster.objects.current().get()
    assert not cluster.contested  # one category, no rule yet: convergent

    with django_capture_on_commit_callbacks(execute=True):
        zoning_rules_set(layer=zoning, matrix={"WA": {"housing": "incompatible"}})

    cluster.refresh_from_db()
    assert cluster.contested
    assert cluster.incompatible_count == 2
    assert "WA" in cluster.explanation["en"]


def test_the_cluster_job_waits_for_the_rule_change_to_commit(
    zoning, two_housing_claims_in_wa, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        zoning_rules_set(layer=zoning, matrix={"WA": {"housing": "incompatible"}})

    assert len(callbacks) == 1
    assert not Cluster.objects.current().get().contested

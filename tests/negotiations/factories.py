"""Clusters with claims, and rounds on them, for the negotiation tests."""

from django.contrib.gis.geos import MultiPolygon, Polygon

from negotiations import services
from proposals.models import Category, Kind
from spatial.models import Cluster, ClusterMember
from tests.factories import CITY_CENTRE, ProposalFactory, UserFactory


def square(dx=0.0, size=0.001):
    """A small square near the city centre, shifted east by `dx` degrees (lon/lat)."""
    x, y = CITY_CENTRE[0] + dx, CITY_CENTRE[1]
    return Polygon(((x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)), srid=4326)


def cluster_create(proposals=None, *, score=1.0, contested=True) -> Cluster:
    """A contested cluster of the given proposals (default: a housing proposal and a
    green-space conflict by two residents, overlapping)."""
    if proposals is None:
        proposals = [
            ProposalFactory(geom=square(), category=Category.HOUSING),
            ProposalFactory(geom=square(0.0005), category=Category.GREEN_SPACE, kind=Kind.CONFLICT),
        ]
    cluster = Cluster.objects.create(
        outline=MultiPolygon(square(size=0.002), srid=4326),
        contested=contested,
        score=score,
        explanation={"en": "housing against green space", "de": "Wohnen gegen Grün"},
        claim_count=len(proposals),
    )
    for proposal in proposals:
        ClusterMember.objects.create(cluster=cluster, proposal=proposal)
    return cluster


def claim_add(cluster, **kwargs):
    proposal = ProposalFactory(geom=square(0.0002), **kwargs)
    ClusterMember.objects.create(cluster=cluster, proposal=proposal)
    return proposal


def round_create(*, mediator, cluster=None, **kwargs):
    return services.round_open(cluster=cluster or cluster_create(), mediator=mediator, **kwargs)


__all__ = ["UserFactory", "claim_add", "cluster_create", "round_create", "square"]

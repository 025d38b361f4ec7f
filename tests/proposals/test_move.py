"""Its author moves a published pin (PATCH of its geometry): the same checks as a new pin,
and the zoning overlay and the clusters follow it."""

import json

import pytest

from layers.models import ProposalOverlay
from proposals.models import Proposal
from spatial.models import ClusterMember
from tests.conftest import client_for
from tests.layers import files as layer_files
from tests.layers.planner_data import district_layer
from tests.layers.test_overlay import districts, pin  # noqa: F401 - the districts fixture

from .conftest import feature

pytestmark = pytest.mark.django_db
URL = "/api/proposals/"


def point(lon, lat):
    return {"type": "Point", "coordinates": [lon, lat]}


def square(lon, lat, size=0.001):
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.mark.usefixtures("districts")
def test_the_author_moves_a_pin_and_overlay_and_clusters_follow(
    resident, resident_api, other_resident
):
    theirs = pin(other_resident, layer_files.square(300, 10, 20))  # in Neustadt
    mine = pin(resident, layer_files.square(10, 10, 20))  # in Altstadt
    assert ProposalOverlay.objects.get(proposal=mine).district_name == "Altstadt"
    assert not ClusterMember.objects.filter(proposal=mine).exists()

    moved_to = json.loads(layer_files.to_lonlat(layer_files.square(305, 15, 10)).json)
    response = resident_api.patch(
        f"{URL}{mine.pk}/", {"type": "Feature", "geometry": moved_to}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["properties"]["district_name"] == "Neustadt"
    assert ProposalOverlay.objects.get(proposal=mine).district_name == "Neustadt"
    together = ClusterMember.objects.filter(proposal__in=[mine, theirs])
    assert together.count() == 2 and len({m.cluster_id for m in together}) == 1


def test_a_move_outside_the_city_is_refused_in_plain_words_and_nothing_changes(resident_api):
    district_layer()
    pk = resident_api.post(URL, feature(geometry=point(12.35, 51.35)), format="json").json()["id"]
    before = Proposal.objects.get(pk=pk).geom.wkt
    response = resident_api.patch(
        f"{URL}{pk}/", {"type": "Feature", "geometry": point(12.46, 51.35)}, format="json"
    )
    assert response.status_code == 400
    assert "This point lies outside the city of Auenstadt." in response.json()["geometry"][0]
    assert Proposal.objects.get(pk=pk).geom.wkt == before


def test_only_the_author_moves_a_pin(resident_api, other_resident):
    pk = resident_api.post(URL, feature(geometry=point(12.35, 51.35)), format="json").json()["id"]
    response = client_for(other_resident).patch(
        f"{URL}{pk}/", {"type": "Feature", "geometry": point(12.36, 51.35)}, format="json"
    )
    assert response.status_code == 403
    assert Proposal.objects.get(pk=pk).geom.x == pytest.approx(12.35)

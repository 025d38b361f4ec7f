"""Participation per district: proposals per 1,000 inhabitants, counted in SQL."""

import pytest

from layers.models import LayerState
from proposals.models import Status

from .planner_data import district_layer, proposal_at, zoning_layer

pytestmark = pytest.mark.django_db


def participation(client, slug):
    response = client.get(f"/api/layers/{slug}/participation/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    return body, {f["properties"]["name"]: f["properties"] for f in body["features"]}


def test_rate_is_proposals_per_thousand_inhabitants(client):
    layer = district_layer(populations=(20_000, 5_000))
    westend = layer.features.get(name="Westend")
    for i in range(4):  # counted by the district the overlay assigned
        proposal_at(12.31 + i / 1000, 51.31, district=westend)
    proposal_at(12.40, 51.35)  # not overlaid yet: counted where it lies
    proposal_at(12.41, 51.35, status=Status.HIDDEN)  # not public: not counted
    body, districts = participation(client, layer.slug)
    assert districts["Westend"]["proposals"] == 4
    assert districts["Westend"]["per_1000"] == 0.2
    assert districts["Ostend"]["proposals"] == 1
    assert districts["Ostend"]["per_1000"] == 0.2
    assert body["total"] == 5 and body["unassigned"] == 0
    assert body["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_overlay_district_wins_over_the_point_on_surface(client):
    layer = district_layer()
    ostend = layer.features.get(name="Ostend")
    # Lies in Westend, but the overlay gave it to Ostend (say, most of its area is there).
    proposal_at(12.31, 51.31, district=ostend)
    _body, districts = participation(client, layer.slug)
    assert (districts["Westend"]["proposals"], districts["Ostend"]["proposals"]) == (0, 1)


def test_proposals_outside_every_district_are_reported_as_unassigned(client):
    layer = district_layer()
    proposal_at(12.26, 51.28)
    body, districts = participation(client, layer.slug)
    assert body["unassigned"] == 1 and body["total"] == 0
    assert all(d["proposals"] == 0 for d in districts.values())


def test_district_without_population_has_no_rate(client):
    layer = district_layer(populations=(0, 5_000))
    proposal_at(12.31, 51.31)
    body, districts = participation(client, layer.slug)
    assert districts["Westend"]["proposals"] == 1
    assert districts["Westend"]["per_1000"] is None
    assert len(body["breaks"]) == 4


def test_zoning_layer_has_no_participation(client):
    zoning_layer()
    response = client.get("/api/layers/zoning/participation/")
    assert response.status_code == 400
    assert "district" in str(response.json())


def test_unfinished_or_unknown_layer_is_not_found(client):
    district_layer().__class__.objects.update(state=LayerState.RUNNING)
    assert client.get("/api/layers/districts/participation/").status_code == 404
    assert client.get("/api/layers/nope/participation/").status_code == 404


def test_the_collection_keeps_its_member_order_and_three_decimals(client):
    layer = district_layer(populations=(20_000, 3))
    proposal_at(12.31, 51.31)
    proposal_at(12.41, 51.31)
    response = client.get(f"/api/layers/{layer.slug}/participation/")
    body = response.json()
    assert list(body) == ["type", "breaks", "total", "unassigned", "features"]
    assert [f["id"] for f in body["features"]] == sorted(f["id"] for f in body["features"])
    feature = body["features"][0]
    assert list(feature) == ["type", "id", "geometry", "properties"]
    assert list(feature["properties"]) == ["id", "name", "population", "proposals", "per_1000"]
    text = response.content.decode()
    assert '"per_1000" : 0.050}' in text and '"per_1000" : 333.333}' in text
    assert body["breaks"] == pytest.approx([66.7066, 133.3632, 200.0198, 266.6764])
    assert (body["total"], body["unassigned"]) == (2, 0)


def test_a_layer_without_districts_is_an_empty_collection(client):
    layer = district_layer()
    layer.features.all().delete()
    proposal_at(12.31, 51.31)
    body, _ = participation(client, layer.slug)
    assert body == {
        "type": "FeatureCollection",
        "breaks": [],
        "total": 0,
        "unassigned": 1,
        "features": [],
    }

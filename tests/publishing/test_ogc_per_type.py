"""OGC API Features: proposals per geometry kind, queryables, /ogc without its slash and
layer geometry at full precision (through Django's test client; GDAL reads them in
test_ogc_gdal.py)."""

import pytest
from django.contrib.gis.geos import Point

from tests.factories import ProposalFactory
from tests.publishing.mixed_data import COUNTS, PRECISE, mixed_proposals, precise_layer

pytestmark = pytest.mark.django_db

TYPES = {"points": "MultiPoint", "lines": "MultiLineString", "areas": "MultiPolygon"}


@pytest.mark.parametrize("kind", list(COUNTS))
def test_each_kind_is_a_collection_of_its_multi_type(client, kind):
    proposals = mixed_proposals()
    collection = client.get(f"/ogc/collections/proposals-{kind}").json()
    assert collection["id"] == f"proposals-{kind}"
    assert collection["itemType"] == "feature"
    assert collection["extent"]["temporal"]["interval"][0][0] is not None
    links = {link["rel"]: link["href"] for link in collection["links"]}
    assert links["items"].endswith(f"/ogc/collections/proposals-{kind}/items")
    queryables_rel = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
    assert links[queryables_rel].endswith(f"/ogc/collections/proposals-{kind}/queryables")

    page = client.get(f"/ogc/collections/proposals-{kind}/items?limit=100").json()
    assert page["numberMatched"] == page["numberReturned"] == COUNTS[kind]
    assert {f["geometry"]["type"] for f in page["features"]} == {TYPES[kind]}
    assert {f["properties"]["title"] for f in page["features"]} <= {p.title for p in proposals}

    first = page["features"][0]
    one = client.get(f"/ogc/collections/proposals-{kind}/items/{first['id']}").json()
    assert one["geometry"] == first["geometry"]


def test_the_mixed_collection_stays_and_the_kinds_partition_it(client):
    mixed_proposals()
    mixed = client.get("/ogc/collections/proposals/items").json()
    assert mixed["numberMatched"] == sum(COUNTS.values())
    assert {f["geometry"]["type"] for f in mixed["features"]} == {
        "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
    }  # fmt: skip
    ids = set()
    for kind in COUNTS:
        page = client.get(f"/ogc/collections/proposals-{kind}/items").json()
        ids |= {f["id"] for f in page["features"]}
    assert ids == {f["id"] for f in mixed["features"]}


def test_a_feature_of_another_kind_is_not_found(client):
    proposals = mixed_proposals()
    point = proposals[0]
    response = client.get(f"/ogc/collections/proposals-areas/items/{point.pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "NotFound"


def test_bbox_and_paging_work_on_a_kind(client):
    mixed_proposals()
    page = client.get("/ogc/collections/proposals-points/items?limit=4").json()
    assert page["numberReturned"] == 4
    assert "next" in {link["rel"] for link in page["links"]}
    near = client.get("/ogc/collections/proposals-points/items?bbox=12.299,51.30,12.3015,51.32")
    assert near.json()["numberMatched"] == 2


def test_ogc_without_its_slash_is_the_landing_page(client):
    with_slash = client.get("/ogc/")
    without = client.get("/ogc")
    assert without.status_code == with_slash.status_code == 200
    assert without["Content-Type"] == "application/json"
    assert without.json() == with_slash.json()


def test_queryables_of_proposals_are_a_json_schema(client):
    response = client.get("/ogc/collections/proposals-points/queryables")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    schema = response.json()
    assert schema["type"] == "object"
    assert schema["$id"].endswith("/ogc/collections/proposals-points/queryables")
    properties = schema["properties"]
    assert properties["geometry"] == {
        "format": "geometry-multipoint",
        "x-ogc-role": "primary-geometry",
    }
    assert properties["support_count"] == {"type": "integer"}
    assert properties["created_at"] == {"type": "string", "format": "date-time"}
    assert properties["title"] == {"type": "string"}
    assert properties["zones"]["type"] == "array"
    mixed = client.get("/ogc/collections/proposals/queryables").json()
    assert mixed["properties"]["geometry"]["format"] == "geometry-any"


def test_queryables_of_a_layer_name_its_attributes(client):
    precise_layer()
    properties = client.get("/ogc/collections/parcels/queryables").json()["properties"]
    assert properties["parcel"] == {"type": "string"}
    assert properties["area"] == {"type": "number"}


def test_queryables_of_an_unknown_collection_is_a_json_404(client):
    response = client.get("/ogc/collections/nothing/queryables")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "NotFound"


def test_api_definition_describes_queryables(client):
    paths = client.get("/ogc/api").json()["paths"]
    assert "/collections/{collectionId}/queryables" in paths


def test_layer_geometry_keeps_every_decimal(client):
    layer = precise_layer()
    feature = client.get("/ogc/collections/parcels/items").json()["features"][0]
    ring = feature["geometry"]["coordinates"][0][0]
    assert tuple(ring[0]) == PRECISE
    one = client.get(f"/ogc/collections/parcels/items/{layer.features.get().pk}").json()
    assert tuple(one["geometry"]["coordinates"][0][0][0]) == PRECISE


def test_proposal_geometry_stays_at_six_decimals(client):
    ProposalFactory(geom=Point(*PRECISE, srid=4326))
    feature = client.get("/ogc/collections/proposals/items").json()["features"][0]
    assert feature["geometry"]["coordinates"] == [12.312346, 51.312346]

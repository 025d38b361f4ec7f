"""OGC API Features (Part 1 Core, GeoJSON) through Django's test client."""

import pytest

from layers.models import LayerState
from proposals.models import Status
from tests.factories import UserFactory
from tests.layers.planner_data import district_layer, proposal_at, zoning_layer

pytestmark = pytest.mark.django_db

GEOJSON = "application/geo+json"


def rels(payload) -> dict:
    return {link["rel"]: link["href"] for link in payload["links"]}


def test_landing_page_links_conformance_collections_and_api_definition(client):
    response = client.get("/ogc/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    links = rels(response.json())
    assert links["conformance"].endswith("/ogc/conformance")
    assert links["data"].endswith("/ogc/collections")
    assert links["service-desc"].endswith("/ogc/api")


def test_conformance_claims_core_and_geojson(client):
    classes = client.get("/ogc/conformance").json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in classes
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in classes
    assert not any(c.endswith(("/oas30", "/html")) for c in classes)  # not implemented


def test_api_definition_describes_every_path(client):
    response = client.get("/ogc/api")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    paths = response.json()["paths"]
    assert "/collections/{collectionId}/items/{featureId}" in paths
    items_params = {
        p["name"] for p in paths["/collections/{collectionId}/items"]["get"]["parameters"]
    }
    assert {"bbox", "limit", "offset", "datetime"} <= items_params


def test_collections_list_proposals_and_done_layers_only(client):
    zoning_layer()
    district_layer()
    zoning_layer(slug="half-imported").__class__.objects.filter(slug="half-imported").update(
        state=LayerState.RUNNING
    )
    collections = client.get("/ogc/collections").json()["collections"]
    assert [c["id"] for c in collections] == [
        "proposals",
        "proposals-points",
        "proposals-lines",
        "proposals-areas",
        "districts",
        "zoning",
    ]
    zoning = collections[5]
    assert zoning["itemType"] == "feature"
    assert zoning["crs"] == ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"]
    assert zoning["extent"]["spatial"]["bbox"] == [[12.3, 51.3, 12.45, 51.4]]
    assert rels(zoning)["items"].endswith("/ogc/collections/zoning/items")


def test_collection_extent_covers_its_proposals(client):
    proposal_at(12.31, 51.31)
    proposal_at(12.41, 51.39)
    collection = client.get("/ogc/collections/proposals").json()
    assert collection["extent"]["spatial"]["bbox"] == [[12.31, 51.31, 12.41, 51.39]]
    assert len(collection["extent"]["temporal"]["interval"][0]) == 2


def test_unknown_collection_is_a_404_with_a_message(client):
    response = client.get("/ogc/collections/nope/items")
    assert response.status_code == 404
    assert "nope" in response.json()["description"]


def test_items_are_geojson_with_counts_links_and_overlay_properties(client):
    districts = district_layer()
    westend = districts.features.get(name="Westend")
    proposal = proposal_at(
        12.31,
        51.31,
        district=westend,
        compatibility="incompatible",
        zones=[{"layer": "zoning", "zone_code": "GR", "share": 1.0, "verdict": "incompatible"}],
        title="Bolzplatz",
    )
    response = client.get("/ogc/collections/proposals/items")
    assert response.status_code == 200
    assert response["Content-Type"] == GEOJSON
    page = response.json()
    assert page["type"] == "FeatureCollection"
    assert page["numberMatched"] == page["numberReturned"] == 1
    assert page["timeStamp"].endswith("Z")
    feature = page["features"][0]
    assert feature["id"] == proposal.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [12.31, 51.31]}
    assert feature["properties"]["title"] == "Bolzplatz"
    assert feature["properties"]["district"] == "Westend"
    assert feature["properties"]["compatibility"] == "incompatible"
    assert feature["properties"]["zone_codes"] == "GR"
    assert feature["properties"]["url"] == f"http://testserver/proposals/{proposal.pk}/"
    assert rels(page)["self"].endswith("/ogc/collections/proposals/items")


def test_items_of_a_layer_carry_the_imported_attributes(client):
    zoning_layer()
    page = client.get("/ogc/collections/zoning/items").json()
    assert [f["properties"]["zone"] for f in page["features"]] == ["WA", "GR"]
    assert page["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_hidden_and_withdrawn_proposals_are_not_served(client):
    proposal_at(12.31, 51.31, status=Status.HIDDEN)
    proposal_at(12.32, 51.31, status=Status.WITHDRAWN)
    visible = proposal_at(12.33, 51.31)
    page = client.get("/ogc/collections/proposals/items").json()
    assert [f["id"] for f in page["features"]] == [visible.pk]
    assert client.get(f"/ogc/collections/proposals/items/{visible.pk - 1}").status_code == 404


def test_authors_hiding_their_name_appear_as_a_resident(client):
    shy = UserFactory(show_name_publicly=False, first_name="Greta", last_name="Geheim")
    proposal = proposal_at(12.31, 51.31, author=shy)
    feature = client.get(
        f"/ogc/collections/proposals/items/{proposal.pk}", HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    assert feature["properties"]["author_name"] == "a resident"
    assert "Greta" not in str(feature)


def test_paging_with_limit_offset_next_and_prev_links(client):
    ids = [proposal_at(12.30 + i / 100, 51.31).pk for i in range(5)]
    first = client.get("/ogc/collections/proposals/items?limit=2").json()
    assert [f["id"] for f in first["features"]] == ids[:2]
    assert first["numberMatched"] == 5 and first["numberReturned"] == 2
    assert "prev" not in rels(first)
    second = client.get(rels(first)["next"]).json()
    assert [f["id"] for f in second["features"]] == ids[2:4]
    assert "offset=0" in rels(second)["prev"]
    last = client.get(rels(second)["next"]).json()
    assert [f["id"] for f in last["features"]] == ids[4:]
    assert "next" not in rels(last)


def test_limit_above_the_maximum_is_served_as_the_maximum(client):
    proposal_at(12.31, 51.31)
    page = client.get("/ogc/collections/proposals/items?limit=999999").json()
    assert page["numberReturned"] == 1


def test_bbox_selects_the_features_it_touches(client):
    west = proposal_at(12.31, 51.31)
    proposal_at(12.44, 51.39)
    page = client.get("/ogc/collections/proposals/items?bbox=12.30,51.30,12.35,51.35").json()
    assert [f["id"] for f in page["features"]] == [west.pk]
    assert page["numberMatched"] == 1


def test_datetime_interval_filters_proposals_by_creation_time(client):
    proposal_at(12.31, 51.31)
    assert (
        client.get("/ogc/collections/proposals/items?datetime=2000-01-01/..").json()[
            "numberMatched"
        ]
        == 1
    )
    assert (
        client.get("/ogc/collections/proposals/items?datetime=../2000-01-01").json()[
            "numberMatched"
        ]
        == 0
    )


def test_single_item_with_links(client):
    zoning = zoning_layer()
    feature = zoning.features.get(zone_code="GR")
    response = client.get(f"/ogc/collections/zoning/items/{feature.pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == GEOJSON
    body = response.json()
    assert body["id"] == feature.pk and body["properties"] == {"zone": "GR"}
    assert rels(body)["collection"].endswith("/ogc/collections/zoning")


def test_feature_of_another_layer_is_not_found(client):
    zoning_layer()
    districts = district_layer()
    other = districts.features.first()
    assert client.get(f"/ogc/collections/zoning/items/{other.pk}").status_code == 404
    assert client.get("/ogc/collections/zoning/items/abc").status_code == 404
    assert client.get("/ogc/collections/zoning/items/" + "9" * 40).status_code == 404


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=12.5,51.3,12.3,51.4", "bbox"),
        ("bbox=12,51,13,nan", "bbox"),
        ("limit=ten", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("offset=99999999999999999999", "offset"),
        ("datetime=yesterday", "datetime"),
        ("datetime=2026-05-02/2026-05-01", "datetime"),
        ("colour=red", "colour"),
        ("f=xml", "f"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(client, query, names):
    response = client.get(f"/ogc/collections/proposals/items?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "InvalidParameterValue"
    assert names in body["description"]


def test_only_get_is_allowed(client):
    assert client.post("/ogc/collections/proposals/items").status_code == 405

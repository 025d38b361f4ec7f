"""OGC API Features with OWSLib's client (owslib.ogcapi.features), as Python scripts and
QGIS plugins use it: the landing page, conformance, every collection, and all features of
each per-kind proposals collection, page by page."""

import pytest
from owslib.ogcapi.features import Features

from tests.publishing.mixed_data import COUNTS, mixed_proposals, precise_layer


@pytest.fixture
def mixed(transactional_db):
    proposals = mixed_proposals()
    precise_layer()
    return proposals


def _all_items(client, collection_id: str, limit: int) -> list[dict]:
    """Every feature of a collection, following the server's paging by offset."""
    features, offset = [], 0
    while True:
        page = client.collection_items(collection_id, limit=limit, offset=offset)
        features += page["features"]
        offset += page["numberReturned"]
        if not page["numberReturned"] or offset >= page["numberMatched"]:
            return features


def test_owslib_sees_the_conformance_and_every_collection(live_server, mixed):
    client = Features(f"{live_server.url}/ogc/")

    conforms = client.conformance()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in conforms
    ids = [c["id"] for c in client.collections()["collections"]]
    assert ids[:4] == ["proposals", "proposals-points", "proposals-lines", "proposals-areas"]
    assert "parcels" in ids


@pytest.mark.parametrize("kind", ["points", "lines", "areas"])
def test_owslib_reads_every_feature_of_each_kind(live_server, mixed, kind):
    client = Features(f"{live_server.url}/ogc/")

    features = _all_items(client, f"proposals-{kind}", limit=2)  # several pages

    assert len(features) == COUNTS[kind]
    assert len({f["id"] for f in features}) == COUNTS[kind]
    multi = {"points": "MultiPoint", "lines": "MultiLineString", "areas": "MultiPolygon"}[kind]
    assert {f["geometry"]["type"] for f in features} == {multi}


def test_owslib_reads_the_mixed_collection_whole(live_server, mixed):
    client = Features(f"{live_server.url}/ogc/")

    features = _all_items(client, "proposals", limit=1000)

    assert len(features) == sum(COUNTS.values())
    assert {"title", "compatibility", "district", "url"} <= set(features[0]["properties"])

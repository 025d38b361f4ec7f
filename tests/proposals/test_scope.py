"""A claim's scope (docs/adr/0008-claim-scope.md): drawn claims are sized for a neighbourhood
and lie inside the city outline; a claim about a whole district or the city names that scope,
stores the outline as its geometry and never joins a cluster."""

import json

import pytest
from django.contrib.gis.geos import Polygon
from django.db import connection

from proposals.models import Proposal, Scope
from spatial.models import ClusterMember
from spatial.services import clusters_recompute
from tests.layers.planner_data import district_layer

from .conftest import SQUARE, database_state, feature
from .test_bad_input import assert_refused

pytestmark = pytest.mark.django_db
URL = "/api/proposals/"
# About 1.2 km by 1.1 km: 140 ha, inside the demo bounds.
CITY_WIDE = [[12.36, 51.33], [12.377, 51.33], [12.377, 51.34], [12.36, 51.34], [12.36, 51.33]]


def wide(scope, **properties):
    body = feature(scope=scope, **properties)
    del body["geometry"]
    return body


def claim_geometry_ids():
    with connection.cursor() as cur:
        cur.execute("SELECT proposal_id FROM spatial_claimgeometry ORDER BY 1")
        return [row[0] for row in cur.fetchall()]


def test_an_oversized_area_is_refused_with_the_alternative(resident_api):
    before = database_state()
    response = resident_api.post(
        URL, feature(geometry={"type": "Polygon", "coordinates": [CITY_WIDE]}), format="json"
    )
    assert_refused(
        response,
        400,
        "a drawn pin may cover at most 25 ha",
        "choose that scope instead of drawing it",
        before=before,
    )
    assert "This area covers 1" in json.dumps(response.json())


def test_a_line_longer_than_the_extent_is_refused(resident_api):
    before = database_state()
    line = {"type": "LineString", "coordinates": [[12.30, 51.34], [12.34, 51.34]]}
    response = resident_api.post(URL, feature(geometry=line), format="json")
    assert_refused(response, 400, "may span at most 2,000 m", before=before)


def test_the_limits_are_settings(resident_api, settings):
    settings.CLAIM_MAX_AREA_HA = 500
    response = resident_api.post(
        URL, feature(geometry={"type": "Polygon", "coordinates": [CITY_WIDE]}), format="json"
    )
    assert response.status_code == 201, response.content


def test_a_district_claim_stores_the_district_and_does_not_cluster(resident_api):
    layer = district_layer()
    westend = layer.features.get(name="Westend")
    response = resident_api.post(URL, wide("district", district=westend.pk), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["properties"]["scope"] == "district"
    claim = Proposal.objects.get()
    assert (claim.scope, claim.district_id) == (Scope.DISTRICT, westend.pk)
    assert claim.geom.equals(westend.geom)
    assert claim_geometry_ids() == []


def test_a_city_claim_without_districts_covers_the_bounds(resident_api, settings):
    response = resident_api.post(URL, wide("city"), format="json")
    assert response.status_code == 201, response.content
    claim = Proposal.objects.get()
    assert claim.geom.equals(Polygon.from_bbox(settings.CITY_BBOX))
    assert claim.district_id is None


def test_a_district_claim_without_a_district_layer_is_refused(resident_api):
    before = database_state()
    response = resident_api.post(URL, wide("district", district=1), format="json")
    assert_refused(response, 400, "no district layer", before=before)


def test_an_unknown_district_is_refused(resident_api):
    district_layer()
    before = database_state()
    response = resident_api.post(URL, wide("district", district=999_999), format="json")
    assert_refused(response, 400, "not one", before=before)


def test_a_district_scope_without_a_district_is_refused(resident_api):
    district_layer()
    before = database_state()
    response = resident_api.post(URL, wide("district"), format="json")
    assert_refused(response, 400, "district", before=before)


def test_a_point_inside_the_bounds_but_outside_every_district_is_refused(resident_api):
    district_layer()  # 12.30 to 12.45 east, 51.30 to 51.40 north
    before = database_state()
    point = {"type": "Point", "coordinates": [12.48, 51.41]}
    response = resident_api.post(URL, feature(geometry=point), format="json")
    assert_refused(response, 400, "outside the city", before=before)
    inside = {"type": "Point", "coordinates": [12.375, 51.35]}  # on the shared border
    assert resident_api.post(URL, feature(geometry=inside), format="json").status_code == 201


def test_the_scope_cannot_be_changed_and_a_wide_claim_has_no_shape_to_edit(resident_api):
    created = resident_api.post(URL, wide("city"), format="json").json()
    url = f"{URL}{created['id']}/"
    response = resident_api.patch(url, {"properties": {"scope": "drawn"}}, format="json")
    assert response.status_code == 400
    square = {"type": "Polygon", "coordinates": [SQUARE]}
    response = resident_api.patch(url, {"geometry": square}, format="json")
    assert response.status_code == 400
    assert "no drawn shape" in json.dumps(response.json())


def test_wide_claims_never_join_clusters(resident_api):
    near = {"type": "Point", "coordinates": [12.3700, 51.3400]}
    nearer = {"type": "Point", "coordinates": [12.37005, 51.3400]}
    for geometry in (near, nearer):
        assert resident_api.post(URL, feature(geometry=geometry), format="json").status_code == 201
    assert resident_api.post(URL, wide("city"), format="json").status_code == 201
    drawn = set(Proposal.objects.filter(scope=Scope.DRAWN).values_list("id", flat=True))
    members = set(ClusterMember.objects.values_list("proposal_id", flat=True))
    assert members == drawn
    clusters_recompute()
    assert set(ClusterMember.objects.values_list("proposal_id", flat=True)) == drawn
    assert set(claim_geometry_ids()) == drawn


def test_a_cluster_lists_the_wide_claims_it_lies_in_as_context(resident_api, api):
    for lon in (12.3700, 12.37005):
        point = {"type": "Point", "coordinates": [lon, 51.34]}
        assert resident_api.post(URL, feature(geometry=point), format="json").status_code == 201
    city = resident_api.post(URL, wide("city", title="Ganz Auenstadt"), format="json").json()
    (cluster_id,) = set(ClusterMember.objects.values_list("cluster_id", flat=True))
    body = api.get(f"/api/clusters/{cluster_id}/").json()
    members = [f["id"] for f in body["properties"]["members"]["features"]]
    context = body["properties"]["context"]["features"]
    assert city["id"] not in members and len(members) == 2
    assert [(f["id"], f["properties"]["scope"]) for f in context] == [(city["id"], "city")]

"""GET /api/clusters/, GET /api/clusters/{id}/ and the tolerance setting."""

import pytest
from django.urls import reverse

from spatial.models import AnalysisSettings, Cluster
from tests.conftest import client_for

from .claims import create

pytestmark = pytest.mark.django_db
LIST = reverse("api:cluster-list")


@pytest.fixture
def clusters(resident, other_resident):
    """A contested cluster (housing against green space, 3 claims) and a convergent pair."""
    contested = [
        create(resident, "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", category="housing"),
        create(
            other_resident, "POLYGON ((40 0, 140 0, 140 100, 40 100, 40 0))", category="green_space"
        ),
        create(other_resident, "POINT (150 50)", category="green_space", kind="conflict"),
    ]
    convergent = [create(resident, f"POINT ({x} 2000)", category="mobility") for x in (0, 5)]
    return (contested[0].cluster_membership.cluster, convergent[0].cluster_membership.cluster)


def ids(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return [f["id"] for f in response.json()["features"]]


def test_list_is_geojson_with_contested_first_and_explanations(api, clusters):
    contested, convergent = clusters
    body = api.get(LIST, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["type"] == "FeatureCollection"
    assert [f["id"] for f in body["features"]] == [contested.pk, convergent.pk]
    first = body["features"][0]
    assert first["geometry"]["type"] == "MultiPolygon"
    assert first["properties"]["claim_count"] == 3
    assert first["properties"]["explanation"].startswith("green space against housing on 0.")
    assert body["features"][1]["properties"]["explanation"] == "1 person wants mobility here"


def test_explanation_follows_the_request_language(api, clusters):
    body = api.get(LIST, HTTP_ACCEPT_LANGUAGE="de").json()
    assert body["features"][1]["properties"]["explanation"] == "1 Person will hier Mobilität"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("contested=true", [0]),
        ("contested=false", [1]),
        ("category=mobility", [1]),
        ("category=housing,mobility", [0, 1]),
        ("category=commons", []),
        ("min_size=3", [0]),
        ("bbox=12.3,51.3,12.4,51.4", [0, 1]),
        ("bbox=12.26,51.28,12.27,51.29", []),
        ("contested=false&min_size=2&category=mobility", [1]),
    ],
)
def test_filters(api, clusters, query, expected):
    assert ids(api.get(f"{LIST}?{query}")) == [clusters[i].pk for i in expected]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("contested=maybe", "contested"),
        ("min_size=1", "min_size"),
        ("min_size=lots", "min_size"),
        ("category=parks", "category"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
    ],
)
def test_bad_filters_answer_400_naming_the_parameter(api, clusters, query, parameter):
    response = api.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_list_says_when_more_than_limit_clusters_match(api, clusters):
    contested, convergent = clusters
    assert ids(api.get(f"{LIST}?limit=2")) == [contested.pk, convergent.pk]
    many = api.get(f"{LIST}?limit=1")
    assert many.status_code == 200 and many["Content-Type"] == "application/geo+json"
    assert many.json() == {"type": "FeatureCollection", "features": [], "limitExceeded": True}
    # The limit counts what the filters and the view leave.
    assert ids(api.get(f"{LIST}?limit=1&contested=false")) == [convergent.pk]
    assert ids(api.get(f"{LIST}?limit=1&bbox=12.26,51.28,12.27,51.29")) == []


@pytest.mark.parametrize("limit", ["0", "-3", "1.5", "many", "100001"])
def test_a_bad_limit_answers_400(api, clusters, limit):
    response = api.get(f"{LIST}?limit={limit}")
    assert response.status_code == 400
    assert "limit" in response.json()


def test_the_schema_documents_the_limit(api):
    schema = api.get(reverse("api:schema"), {"format": "json"}).json()
    parameters = schema["paths"][LIST]["get"]["parameters"]
    limit = next(p for p in parameters if p["name"] == "limit")
    assert limit["schema"]["type"] == "integer" and "limitExceeded" in limit["description"]


def test_detail_has_members_statistics_and_both_explanations(api, clusters):
    contested, _ = clusters
    response = api.get(
        reverse("api:cluster-detail", args=[contested.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    props = response.json()["properties"]
    assert props["conflict_count"] == 1 and props["proposal_count"] == 2
    assert props["author_count"] == 2
    assert props["explanation"] == props["explanations"]["en"]
    assert props["explanations"]["de"].startswith("Grünfläche gegen Wohnen auf 0,")
    members = props["members"]["features"]
    assert len(members) == 3
    assert {m["properties"]["category"] for m in members} == {"housing", "green_space"}
    assert all(m["properties"]["author_name"] for m in members)


def test_unknown_cluster_is_a_404(api):
    assert api.get(reverse("api:cluster-detail", args=[999999])).status_code == 404


def test_a_planner_changes_the_tolerance_and_clusters_are_recomputed(
    planner, clusters, django_capture_on_commit_callbacks
):
    _, convergent = clusters
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(planner).patch(
            reverse("api:analysis-settings"), {"cluster_tolerance_m": 2}, format="json"
        )
    assert response.status_code == 200, response.content
    assert response.json()["cluster_tolerance_m"] == 2
    # the two mobility points are 5 m apart: no longer a cluster at 2 m
    convergent.refresh_from_db()
    assert convergent.dissolved_at is not None
    assert AnalysisSettings.load().updated_by == planner


def test_a_mediator_may_change_the_tolerance(mediator):
    response = client_for(mediator).patch(
        reverse("api:analysis-settings"), {"cluster_tolerance_m": 25.5}, format="json"
    )
    assert response.status_code == 200
    assert AnalysisSettings.load().cluster_tolerance_m == 25.5


def test_a_resident_cannot_change_the_tolerance(resident_api, clusters):
    response = resident_api.patch(
        reverse("api:analysis-settings"), {"cluster_tolerance_m": 500}, format="json"
    )
    assert response.status_code == 403
    assert AnalysisSettings.load().cluster_tolerance_m == 10
    assert Cluster.objects.current().count() == 2


@pytest.mark.parametrize("value", [-1, 5000, "ten", None, "NaN"])
def test_a_bad_tolerance_is_refused_and_nothing_changes(planner, value):
    response = client_for(planner).patch(
        reverse("api:analysis-settings"), {"cluster_tolerance_m": value}, format="json"
    )
    assert response.status_code == 400
    assert "cluster_tolerance_m" in response.json()
    assert AnalysisSettings.load().cluster_tolerance_m == 10


def test_anyone_reads_the_tolerance(api):
    assert api.get(reverse("api:analysis-settings")).json()["cluster_tolerance_m"] == 10


def test_an_id_beyond_bigint_is_a_404_not_a_crash(api, client):
    huge = 10**30
    assert api.get(reverse("api:cluster-detail", args=[huge])).status_code == 404
    assert client.get(reverse("frontend:cluster-detail", args=[huge])).status_code == 404


def test_list_features_keep_their_property_order_and_number_formats(api, clusters):
    contested, convergent = clusters
    Cluster.objects.filter(pk=contested.pk).update(overlap_area_m2=12.04)
    Cluster.objects.filter(pk=convergent.pk).update(overlap_area_m2=7.0)
    response = api.get(LIST, HTTP_ACCEPT_LANGUAGE="de")
    feature = response.json()["features"][0]
    assert list(feature) == ["type", "id", "geometry", "properties"]
    assert feature["geometry"]["type"] == "MultiPolygon"
    assert list(feature["properties"]) == [
        "id", "contested", "score", "explanation", "categories", "claim_count",
        "proposal_count", "conflict_count", "incompatible_count", "author_count",
        "support_count", "overlap_area_m2", "updated_at",
    ]  # fmt: skip
    assert feature["properties"]["explanation"].startswith("Grünfläche gegen Wohnen")
    assert feature["properties"]["categories"] == ["green_space", "housing"]
    # round(x::numeric, 1): one decimal, also for whole numbers
    text = response.content.decode()
    assert '"overlap_area_m2" : 12.0,' in text and '"overlap_area_m2" : 7.0,' in text


def test_detail_members_name_authors_publicly_and_carry_the_compatibility(api, clusters, resident):
    from layers.models import ProposalOverlay

    contested, _ = clusters
    resident.show_name_publicly = False
    resident.save()
    mine = contested.members.get(proposal__author=resident).proposal
    ProposalOverlay.objects.update_or_create(
        proposal=mine, defaults={"compatibility": "incompatible", "zones": []}
    )
    response = api.get(
        reverse("api:cluster-detail", args=[contested.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    body = response.json()
    assert body["properties"]["members"]["type"] == "FeatureCollection"
    members = body["properties"]["members"]["features"]
    assert [m["id"] for m in members] == sorted(m["id"] for m in members)
    assert list(members[0]["properties"]) == [
        "id", "kind", "category", "title", "support_count", "author_name", "compatibility",
    ]  # fmt: skip
    by_id = {m["id"]: m["properties"] for m in members}
    assert by_id[mine.pk]["author_name"] == "a resident"
    assert by_id[mine.pk]["compatibility"] == "incompatible"
    others = [p for pk, p in by_id.items() if pk != mine.pk]
    assert {p["compatibility"] for p in others} == {"unknown"}
    assert all(p["author_name"] != "a resident" for p in others)
    assert body["properties"]["dissolved_at"] is None

"""The cluster pages (server-rendered parts) and the main map's cluster config."""

import json

import pytest
from django.urls import reverse

from .claims import create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def two_clusters(resident, other_resident):
    create(resident, "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", category="housing")
    c = create(
        other_resident, "POLYGON ((40 0, 140 0, 140 100, 40 100, 40 0))", category="green_space"
    )
    m = create(resident, "POINT (0 2000)", category="mobility")
    create(other_resident, "POINT (4 2000)", category="mobility")
    return c.cluster_membership.cluster, m.cluster_membership.cluster


def page_config(response):
    html = response.content.decode()
    start = html.index('<script id="page-config" type="application/json">') + 49
    return json.loads(html[start : html.index("</script>", start)])


def test_cluster_page_lists_contested_first_with_explanations(client, two_clusters):
    contested, convergent = two_clusters
    response = client.get(reverse("frontend:clusters"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(f'data-cluster-id="{contested.pk}"') < html.index(
        f'data-cluster-id="{convergent.pk}"'
    )
    assert "green space against housing on 0.6 ha" in html
    assert "2 people want mobility here" in html
    assert page_config(response)["clusters"]["urls"]["clusters"] == reverse("api:cluster-list")


def test_cluster_page_filters_the_list(client, two_clusters):
    contested, convergent = two_clusters
    html = client.get(reverse("frontend:clusters") + "?contested=false&category=mobility").content
    assert f'data-cluster-id="{convergent.pk}"'.encode() in html
    assert f'data-cluster-id="{contested.pk}"'.encode() not in html


def test_a_bad_filter_on_the_page_says_what_is_wrong(client, two_clusters):
    response = client.get(reverse("frontend:clusters") + "?min_size=1")
    assert response.status_code == 200
    assert b"min_size must be a whole number" in response.content
    assert page_config(response)["clusters"]["query"] is None


def test_cluster_detail_page_shows_members_and_explanation(client, two_clusters):
    contested, _ = two_clusters
    response = client.get(reverse("frontend:cluster-detail", args=[contested.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "green space against housing on 0.6 ha" in html
    assert html.count("data-proposal-id=") == 2
    assert page_config(response)["clusters"]["detail"] == reverse(
        "api:cluster-detail", args=[contested.pk]
    )


def test_unknown_cluster_page_is_a_404(client):
    assert client.get(reverse("frontend:cluster-detail", args=[424242])).status_code == 404


def test_main_map_config_carries_the_cluster_layer(client):
    config = page_config(client.get(reverse("frontend:map")))
    assert config["clusters"]["urls"]["clusters"] == reverse("api:cluster-list")
    assert config["clusters"]["colours"]["contested"] != config["clusters"]["colours"]["convergent"]

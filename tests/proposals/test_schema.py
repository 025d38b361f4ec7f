import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_openapi_schema_documents_the_proposals_api(api):
    response = api.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/proposals/",
        "/api/proposals/{id}/",
        "/api/proposals/{id}/support/",
        "/api/proposals/{id}/comments/",
        "/api/proposals/{id}/hide/",
    ):
        assert path in paths, path
    list_get = paths["/api/proposals/"]["get"]
    assert {p["name"] for p in list_get["parameters"]} >= {
        "bbox", "category", "kind", "q", "compatibility", "district",
    }  # fmt: skip
    properties = response.json()["components"]["schemas"]["ProposalPropertiesOutput"]
    assert {"district_name", "compatibility"} <= set(properties["properties"])


def test_api_docs_are_served_with_local_assets(api, client):
    response = api.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    asset = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert asset.status_code == 200

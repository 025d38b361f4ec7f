"""The planner page: who may open it and what its scripts are given."""

import json

import pytest

pytestmark = pytest.mark.django_db


def page_config(response) -> dict:
    html = response.content.decode()
    start = html.index(">", html.index('id="page-config"')) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/planner/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/planner/")


def test_resident_may_not_open_the_planner_page(client, resident):
    client.force_login(resident)
    assert client.get("/planner/").status_code == 403


def test_planner_sees_import_form_rules_participation_and_exports(client, planner):
    client.force_login(planner)
    response = client.get("/planner/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    for element in ('id="import-form"', 'id="rule-matrix"', 'id="participation-map"'):
        assert element in html
    assert "/api/export/proposals.gpkg" in html
    assert "http://testserver/ogc/" in html
    config = page_config(response)
    assert config["layers"]["urls"]["layers"] == "/api/layers/"
    assert config["layers"]["urls"]["participation"] == "/api/layers/{slug}/participation/"
    assert config["planner"]["urls"]["rules"] == "/api/layers/{slug}/rules/"
    assert [v["value"] for v in config["planner"]["verdicts"]] == [
        "compatible",
        "conditional",
        "incompatible",
    ]


def test_main_map_config_carries_the_layer_overlay_urls(client):
    config = page_config(client.get("/"))
    assert config["layers"]["urls"]["incompatible"] == "/api/proposals/?compatibility=incompatible"
    assert config["layers"]["urls"]["features"] == "/api/layers/{slug}/features.geojson"

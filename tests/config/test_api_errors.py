"""Project-wide: the APIs answer errors as JSON (never Django's HTML pages), and no
integer route fails with a 500 on ids beyond PostgreSQL's bigint."""

import json

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.urls.resolvers import RoutePattern

from accounts import roles
from config.api import server_error
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = ["9223372036854775808", "99999999999999999999", "2147483648"]


def _int_routes(resolver=None, prefix=""):
    """Every route (as a path template) with an <int:...> part, from the project's URLconf."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _int_routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and isinstance(entry.pattern, RoutePattern):
            converters = entry.pattern.converters
            if any(isinstance(c, IntConverter) for c in converters.values()):
                yield prefix + str(entry.pattern), list(converters)


ROUTES = sorted(_int_routes())


@pytest.fixture
def everyone_api():
    return client_for(UserFactory(roles=[roles.PLANNER, roles.MEDIATOR, roles.MODERATOR]))


def test_the_walk_finds_the_integer_routes():
    templates = [route for route, _ in ROUTES]
    assert "api/proposals/<int:pk>/" in templates
    assert "api/rounds/<int:pk>/options/<int:option_pk>/position/" in templates


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize("route,names", ROUTES, ids=[r for r, _ in ROUTES])
def test_ids_beyond_bigint_never_answer_500(everyone_api, route, names, huge):
    path = "/" + route
    for name in names:
        path = path.replace(f"<int:{name}>", huge)
    for method in ("get", "post", "put", "patch", "delete"):
        response = getattr(everyone_api, method)(path, {}, format="json")
        assert response.status_code < 500, (method, path)
        if path.startswith("/api/") and response.status_code >= 400:
            assert response["Content-Type"].startswith("application/json"), (method, path)


@pytest.mark.parametrize(
    "path", ["/api/nonexistent/", "/api/export/proposals.shp", "/api/proposals/abc/"]
)
def test_unknown_api_path_answers_404_json_pointing_to_the_docs(api, path):
    response = api.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "/api/docs/" in response.json()["detail"]


def test_unknown_ogc_path_answers_404_in_the_ogc_error_shape(api):
    response = api.get("/ogc/collections/proposals/items/")

    assert response.status_code == 404
    assert response.json()["code"] == "NotFound"
    assert "/ogc/" in response.json()["description"]


def test_unknown_page_stays_an_html_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_wrong_method_and_media_type_answer_json(resident_api):
    not_allowed = resident_api.put("/api/proposals/", {}, format="json")
    unsupported = resident_api.post("/api/proposals/", "<x/>", content_type="application/xml")

    assert not_allowed.status_code == 405
    assert not_allowed["Content-Type"].startswith("application/json")
    assert unsupported.status_code == 415
    assert "application/xml" in unsupported.json()["detail"]


def test_server_error_under_api_is_json_with_a_message():
    from django.utils import translation

    with translation.override("en"):
        response = server_error(RequestFactory().get("/api/proposals/"))

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "try again" in response.content.decode()


def test_server_error_on_a_page_stays_html():
    response = server_error(RequestFactory().get("/proposals/"))

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("handler,status", [("bad_request", 400), ("permission_denied", 403)])
def test_django_level_refusals_under_api_are_json(handler, status):
    from config import api as handlers

    response = getattr(handlers, handler)(RequestFactory().get("/api/proposals/"), Exception())

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["detail"]

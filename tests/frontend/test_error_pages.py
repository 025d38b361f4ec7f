"""Error pages of the site (not the API): branded, translated, with the header and nav; and
the nav shows only what the signed-in role may use."""

import pytest
from django.test import Client
from django.urls import reverse

from config import api as config_api
from tests.factories import ProposalFactory


def client_as(user=None, language="en") -> Client:
    client = Client(headers={"accept-language": language})
    if user is not None:
        client.force_login(user)
    return client


def nav_labels(html: str) -> list[str]:
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return [part.split("<", 1)[0] for part in nav.split('">')[1:] if part.split("<", 1)[0].strip()]


@pytest.mark.django_db
def test_a_resident_on_the_planner_page_gets_a_403_page_that_names_the_role(resident):
    response = client_as(resident).get(reverse("frontend:planner"))
    html = response.content.decode()
    assert response.status_code == 403
    assert 'class="site-header"' in html
    assert "The planner page is for planners." in html
    assert "ask an administrator" in html


@pytest.mark.django_db
def test_the_403_page_speaks_german(resident):
    html = client_as(resident, "de").get(reverse("frontend:review")).content.decode()
    assert 'lang="de"' in html
    assert "Diese Seite ist für Sie nicht zugänglich" in html


@pytest.mark.django_db
def test_an_unknown_page_gets_the_branded_404_but_the_api_keeps_json():
    response = client_as().get("/no-such-page/")
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()
    api = client_as().get("/api/no-such-endpoint/")
    assert api.status_code == 404
    assert api["content-type"] == "application/json"
    assert "detail" in api.json()


@pytest.mark.django_db
def test_a_withdrawn_pin_is_a_branded_404():
    proposal = ProposalFactory(status="withdrawn")
    response = client_as().get(reverse("frontend:proposal-detail", args=[proposal.pk]))
    assert response.status_code == 404
    assert "There is nothing here" in response.content.decode()


@pytest.mark.django_db
def test_the_500_page_has_the_header_and_the_api_500_stays_json(rf, resident):
    request = rf.get("/")
    request.user = resident
    response = config_api.server_error(request)
    assert response.status_code == 500
    assert 'class="site-header"' in response.content.decode()
    api = config_api.server_error(rf.get("/api/proposals/"))
    assert api.status_code == 500
    assert api["content-type"] == "application/json"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, ["Map", "List", "Clusters"]),
        ("resident", ["Map", "List", "Clusters"]),
        ("planner", ["Map", "List", "Planner", "Clusters", "Review"]),
        ("mediator", ["Map", "List", "Clusters", "Review"]),
    ],
)
def test_the_nav_shows_what_the_role_may_use(role, expected, request):
    user = request.getfixturevalue(role) if role else None
    assert nav_labels(client_as(user).get("/").content.decode()) == expected

"""Project-wide guards (config/middleware.py, config/api.py): NUL characters in the address,
admin changelist filters the database cannot use, and DataError in the API, all answer 400
with a message instead of a 500."""

import json

import pytest
from django.db import DataError
from django.urls import reverse

from config.api import exception_handler
from proposals.models import Proposal
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:proposals_proposal_changelist",
    "admin:proposals_comment_changelist",
    "admin:layers_layer_changelist",
    "admin:negotiations_round_changelist",
    "admin:negotiations_historyentry_changelist",
    "admin:spatial_cluster_changelist",
]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.mark.parametrize("name", CHANGELISTS)
@pytest.mark.parametrize(
    "query",
    ["kind__exact=%00", "action__exact=%00", "q=%00", "created_at__year=99999999999999999999"],
)
def test_admin_changelist_filter_the_database_cannot_use_answers_400(admin_client, name, query):
    ProposalFactory()
    before = list(Proposal.objects.values())

    response = admin_client.get(reverse(name) + "?" + query)

    assert response.status_code in (302, 400), response.status_code  # 302: Django's ?e=1
    if response.status_code == 400:
        assert "address" in response.content.decode()
    assert list(Proposal.objects.values()) == before


def test_admin_year_beyond_datetime_names_the_problem(admin_client):
    response = admin_client.get(
        reverse("admin:proposals_proposal_changelist") + "?created_at__year=99999999999999999999"
    )

    assert response.status_code == 400
    assert "cannot use" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/api/proposals/?zone=%00", "/api/clusters/?x%00=1", "/ogc/collections?f=%00"]
)
def test_nul_in_an_api_query_answers_400_json_naming_the_parameter(client, path):
    response = client.get(path)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "NUL" in response.content.decode()


def test_nul_in_a_page_query_answers_400_text(client):
    response = client.get("/proposals/?q=%00")

    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert "q" in response.content.decode()


def test_data_error_in_the_api_is_a_400_with_the_reason():
    response = exception_handler(DataError("integer out of range\nDETAIL: x"), {})

    assert response.status_code == 400
    assert response.data["detail"].endswith("integer out of range")
    assert json.dumps(response.data)

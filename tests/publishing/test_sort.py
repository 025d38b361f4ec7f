"""The `sort` parameter of the proposals list: newest (default), most supported, most
discussed; shared by the API, the list page and the exports, and described in the schema."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from proposals.models import Proposal
from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pins():
    now = timezone.now()
    for title, age, supports, comments in [
        ("old", 30, 12, 1),
        ("talked", 20, 2, 40),
        ("new", 1, 0, 0),
    ]:
        pin = ProposalFactory(title=title, support_count=supports, comment_count=comments)
        Proposal.objects.filter(pk=pin.pk).update(created_at=now - timedelta(days=age))


def titles(query: str) -> list[str]:
    response = Client().get(f"/api/proposals/{query}")
    assert response.status_code == 200, response.content
    return [f["properties"]["title"] for f in response.json()["features"]]


@pytest.mark.usefixtures("pins")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["new", "talked", "old"]),
        ("?sort=newest", ["new", "talked", "old"]),
        ("?sort=supported", ["old", "talked", "new"]),
        ("?sort=discussed", ["talked", "old", "new"]),
    ],
)
def test_the_api_lists_in_the_order_asked_for(query, expected):
    assert titles(query) == expected


@pytest.mark.usefixtures("pins")
def test_the_csv_export_keeps_the_order():
    response = Client().get("/api/export/proposals.csv?sort=supported")
    body = b"".join(response.streaming_content).decode()
    assert body.index(",old,") < body.index(",talked,") < body.index(",new,")


def test_an_unknown_order_is_a_400_naming_the_parameter():
    response = Client().get("/api/proposals/?sort=loudest")
    assert response.status_code == 400
    assert "newest, supported, discussed" in response.json()["sort"][0]


def test_the_schema_lists_the_orders():
    schema = Client().get("/api/schema/?format=json").json()
    parameters = schema["paths"]["/api/proposals/"]["get"]["parameters"]
    sort = next(p for p in parameters if p["name"] == "sort")
    assert sorted(sort["schema"]["enum"]) == ["discussed", "newest", "supported"]

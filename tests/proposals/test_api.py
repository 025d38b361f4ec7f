import json

import pytest
from django.urls import reverse

from proposals.models import Proposal, Status
from tests.conftest import client_for
from tests.factories import ProposalFactory, UserFactory

from .conftest import SQUARE, feature

pytestmark = pytest.mark.django_db
LIST = reverse("api:proposal-list")


def test_post_feature_creates_a_pin_and_answers_the_detail_feature(resident, resident_api):
    response = resident_api.post(LIST, feature(description="Green for all"), format="json")
    assert response.status_code == 201
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    proposal = Proposal.objects.get()
    assert data["type"] == "Feature"
    assert data["id"] == proposal.pk
    assert data["geometry"] == {"type": "Polygon", "coordinates": [SQUARE]}
    props = data["properties"]
    assert props["title"] == "A park here"
    assert props["description"] == "Green for all"
    assert props["author_name"] == resident.username
    assert (props["is_mine"], props["can_edit"], props["supported_by_me"]) == (True, True, False)
    assert proposal.author == resident


def test_geojson_media_type_is_accepted(resident_api):
    response = resident_api.post(LIST, json.dumps(feature()), content_type="application/geo+json")
    assert response.status_code == 201


def test_read_only_fields_sent_by_a_client_are_ignored(resident, resident_api, other_resident):
    body = feature()
    body["id"] = 4242
    body["properties"].update(
        id=4242,
        author=other_resident.pk,
        author_name="Mayor",
        status="hidden",
        support_count=999,
        comment_count=7,
        created_at="2000-01-01T00:00:00Z",
        hidden_reason="x",
    )
    response = resident_api.post(LIST, body, format="json")
    assert response.status_code == 201
    proposal = Proposal.objects.get()
    assert proposal.pk != 4242
    assert proposal.author == resident
    assert (proposal.status, proposal.support_count, proposal.comment_count) == ("active", 0, 0)
    assert proposal.created_at.year > 2000
    assert proposal.hidden_reason == ""


def test_read_only_fields_in_an_edit_are_ignored(resident, resident_api):
    proposal = ProposalFactory(author=resident)
    response = resident_api.patch(
        reverse("api:proposal-detail", args=[proposal.pk]),
        {"properties": {"status": "hidden", "support_count": 5, "title": "Renamed"}},
        format="json",
    )
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert (proposal.title, proposal.status, proposal.support_count) == ("Renamed", "active", 0)


def test_patch_geometry_only(resident, resident_api):
    proposal = ProposalFactory(author=resident, title="Keep me")
    geometry = {"type": "LineString", "coordinates": [[12.30, 51.30], [12.31, 51.31]]}
    response = resident_api.patch(
        reverse("api:proposal-detail", args=[proposal.pk]), {"geometry": geometry}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["geometry"] == geometry
    proposal.refresh_from_db()
    assert (proposal.geom.geom_type, proposal.title) == ("LineString", "Keep me")


def test_xss_title_is_stored_verbatim_and_served_as_json(resident_api, api):
    title = "<img src=x onerror=alert(1)>"
    response = resident_api.post(LIST, feature(title=title), format="json")
    assert response.status_code == 201
    assert Proposal.objects.get().title == title
    listed = api.get(LIST)
    assert listed["Content-Type"] == "application/geo+json"
    assert listed.json()["features"][0]["properties"]["title"] == title
    detail = api.get(reverse("api:proposal-detail", args=[Proposal.objects.get().pk]))
    assert detail.json()["properties"]["title"] == title


def test_list_filters_through_the_api(api):
    wanted = ProposalFactory(category="mobility", kind="conflict", title="Parking mess")
    ProposalFactory(category="mobility", kind="proposal")
    ProposalFactory(category="housing", kind="conflict")
    response = api.get(
        LIST,
        {"bbox": "12.25,51.27,12.5,51.42", "category": "mobility", "kind": "conflict", "q": "park"},
    )
    assert [f["id"] for f in response.json()["features"]] == [wanted.pk]


def test_author_me_lists_my_pins(resident, resident_api):
    mine = ProposalFactory(author=resident)
    ProposalFactory()
    response = resident_api.get(LIST, {"author": "me"})
    assert [f["id"] for f in response.json()["features"]] == [mine.pk]


def test_list_coordinates_have_at_most_6_decimals(api):
    from django.contrib.gis.geos import Point

    ProposalFactory(geom=Point(12.3456789123, 51.3456789123, srid=4326))
    coordinates = api.get(LIST).json()["features"][0]["geometry"]["coordinates"]
    assert coordinates == [12.345679, 51.345679]


def test_unknown_proposal_is_404_json(api):
    response = api.get(reverse("api:proposal-detail", args=[999_999]))
    assert response.status_code == 404
    assert "No such proposal" in response.json()["detail"]


def test_comments_list_and_post(resident_api):
    proposal = ProposalFactory()
    hidden_name = UserFactory(show_name_publicly=False)
    client_for(hidden_name).post(
        reverse("api:proposal-comments", args=[proposal.pk]), {"body": "First"}, format="json"
    )
    response = resident_api.post(
        reverse("api:proposal-comments", args=[proposal.pk]), {"body": "Second"}, format="json"
    )
    assert response.status_code == 201
    listed = resident_api.get(reverse("api:proposal-comments", args=[proposal.pk])).json()
    assert [(c["author_name"], c["body"]) for c in listed][0] == ("a resident", "First")
    assert [c["body"] for c in listed] == ["First", "Second"]
    assert set(listed[0]) == {"id", "author_name", "body", "created_at", "is_hidden"}
    proposal.refresh_from_db()
    assert proposal.comment_count == 2


def test_comments_on_a_withdrawn_pin_are_not_found(resident_api):
    proposal = ProposalFactory(status=Status.WITHDRAWN)
    response = resident_api.get(reverse("api:proposal-comments", args=[proposal.pk]))
    assert response.status_code == 404


def test_clients_asking_for_geojson_get_it(resident_api, api):
    proposal = ProposalFactory()
    accept = {"HTTP_ACCEPT": "application/geo+json"}
    listed = api.get(LIST, **accept)
    assert listed.status_code == 200
    assert listed["Content-Type"] == "application/geo+json"
    detail = api.get(reverse("api:proposal-detail", args=[proposal.pk]), **accept)
    assert detail.status_code == 200
    assert detail.json()["id"] == proposal.pk
    created = resident_api.post(LIST, feature(), format="json", **accept)
    assert created.status_code == 201
    refused = resident_api.post(LIST, feature(title=""), format="json", **accept)
    assert refused.status_code == 400
    assert "title" in refused.json()["properties"]

import json

import pytest
from django.contrib.gis.geos import LineString, Point, Polygon
from django.db import connection
from django.test.utils import CaptureQueriesContext

from proposals import selectors
from proposals.models import Category, Kind, Status
from publishing.selectors import map_feature, map_feature_collection, map_proposal_list
from tests.factories import ProposalFactory, UserFactory
from tests.proposals.factories import SupportFactory

pytestmark = pytest.mark.django_db


def collection(**filters) -> dict:
    return json.loads(map_feature_collection(map_proposal_list(**filters)))


def ids(**filters) -> list[int]:
    return [f["id"] for f in collection(**filters)["features"]]


def test_feature_collection_has_the_contract_shape():
    proposal = ProposalFactory(geom=Point(12.123456789, 51.987654321, srid=4326))
    # (outside the city is fine here: the selector does not validate)
    data = collection()
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["type"] == "Feature"
    assert feature["id"] == proposal.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [12.123457, 51.987654]}
    assert set(feature["properties"]) == {
        "id",
        "kind",
        "category",
        "title",
        "author_name",
        "support_count",
        "comment_count",
        "created_at",
        "status",
        "scope",
        "district_name",
        "compatibility",
    }
    assert feature["properties"]["title"] == proposal.title
    assert feature["properties"]["status"] == "active"
    # No overlay row yet (no layer has been imported): no district, compatibility unknown.
    assert feature["properties"]["district_name"] == ""
    assert feature["properties"]["compatibility"] == "unknown"


def test_empty_result_is_an_empty_feature_collection():
    assert collection() == {"type": "FeatureCollection", "features": []}


def test_feature_collection_is_one_query():
    ProposalFactory.create_batch(5)
    with CaptureQueriesContext(connection) as queries:
        collection()
    assert len(queries) == 1


def test_newest_first():
    first, second = ProposalFactory(), ProposalFactory()
    assert ids() == [second.pk, first.pk]
    assert list(selectors.proposal_list()) == [second, first]


def test_only_active_proposals_are_listed():
    active = ProposalFactory()
    ProposalFactory(status=Status.WITHDRAWN)
    ProposalFactory(status=Status.HIDDEN, hidden_reason="spam")
    assert ids() == [active.pk]


def test_bbox_keeps_geometries_that_intersect_the_box():
    inside = ProposalFactory(geom=Point(12.30, 51.30, srid=4326))
    crossing = ProposalFactory(geom=LineString((12.29, 51.30), (12.40, 51.30), srid=4326))
    ProposalFactory(geom=Point(12.45, 51.40, srid=4326))
    assert set(ids(bbox=(12.28, 51.29, 12.31, 51.31))) == {inside.pk, crossing.pk}


def test_polygon_around_the_box_is_in_the_box():
    around = ProposalFactory(geom=Polygon.from_bbox((12.26, 51.28, 12.49, 51.41)))
    around.geom.srid = 4326
    assert ids(bbox=(12.30, 51.30, 12.31, 51.31)) == [around.pk]


def test_category_and_kind_filters_combine():
    wanted = ProposalFactory(category=Category.MOBILITY, kind=Kind.CONFLICT)
    ProposalFactory(category=Category.MOBILITY, kind=Kind.PROPOSAL)
    ProposalFactory(category=Category.HOUSING, kind=Kind.CONFLICT)
    assert ids(categories=["mobility", "commons"], kinds=["conflict"]) == [wanted.pk]


def test_q_searches_title_and_description_case_insensitively():
    by_title = ProposalFactory(title="Bike LANE on Main Street")
    by_text = ProposalFactory(description="we need a bike lane")
    ProposalFactory(title="Park", description="trees")
    assert set(ids(q="bike lane")) == {by_title.pk, by_text.pk}


def test_q_treats_like_wildcards_as_text():
    percent = ProposalFactory(title="100% green")
    ProposalFactory(title="100 trees")
    assert ids(q="100%") == [percent.pk]


def test_author_me_lists_only_my_pins():
    me = UserFactory()
    mine = ProposalFactory(author=me)
    ProposalFactory()
    assert ids(author="me", user=me) == [mine.pk]


def test_author_me_for_anonymous_user_is_empty():
    from django.contrib.auth.models import AnonymousUser

    ProposalFactory()
    assert ids(author="me", user=AnonymousUser()) == []
    assert ids(author="me") == []


def test_author_name_follows_public_name():
    ProposalFactory(author=UserFactory(username="ann", first_name="Ann", last_name="Lee"))
    ProposalFactory(author=UserFactory(username="bob"))
    ProposalFactory(author=UserFactory(username="cat", show_name_publicly=False))
    names = [f["properties"]["author_name"] for f in collection()["features"]]
    assert names == ["a resident", "bob", "Ann Lee"]


def test_detail_feature_adds_detail_properties_for_the_author():
    author = UserFactory()
    proposal = ProposalFactory(author=author, description="Why: because.")
    SupportFactory(proposal=proposal, user=author)
    props = map_feature(proposal=proposal, user=author)["properties"]
    assert props["description"] == "Why: because."
    assert props["is_mine"] is True
    assert props["can_edit"] is True
    assert props["supported_by_me"] is True
    assert "hidden_reason" not in props


def test_detail_feature_for_anonymous_user():
    from django.contrib.auth.models import AnonymousUser

    props = map_feature(proposal=ProposalFactory(), user=AnonymousUser())["properties"]
    assert (props["is_mine"], props["can_edit"], props["supported_by_me"]) == (False, False, False)


def test_hidden_proposal_is_visible_only_to_author_and_moderators(moderator, other_resident):
    proposal = ProposalFactory(status=Status.HIDDEN, hidden_reason="insults")
    assert selectors.proposal_get(proposal_id=proposal.pk, user=other_resident) is None
    assert selectors.proposal_get(proposal_id=proposal.pk, user=proposal.author) == proposal
    assert selectors.proposal_get(proposal_id=proposal.pk, user=moderator) == proposal
    props = map_feature(proposal=proposal, user=moderator)["properties"]
    assert props["hidden_reason"] == "insults"


# --- a view's statement, compiled once per set of filters ----------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"categories": ["housing", "mobility"]},
        {"kinds": ["conflict"], "q": "tree"},
        {"compatibility": ["unknown"], "sort": "newest"},
        {"categories": []},
    ],
)
def test_a_view_in_a_box_answers_what_the_orm_statement_answers(filters, settings):
    from django.utils import translation

    from publishing.selectors import map_feature_collection_in_box

    gone = UserFactory()
    ProposalFactory(category="housing", title="Trees", geom=Point(12.30, 51.30, srid=4326))
    ProposalFactory(category="mobility", kind="conflict", title="tree lane", author=gone,
                    geom=LineString((12.31, 51.31), (12.32, 51.31), srid=4326))  # fmt: skip
    ProposalFactory(category="housing", geom=Point(12.50, 51.50, srid=4326))  # outside the box
    gone.deleted_at = "2026-01-01T00:00:00Z"
    gone.save()
    for box in [(12.29, 51.29, 12.33, 51.32), (12.0, 51.0, 13.0, 52.0), (1.0, 1.0, 2.0, 2.0)]:
        for language in ("de", "en"):
            with translation.override(language):
                expected = map_feature_collection(map_proposal_list(bbox=box, **filters))
                assert map_feature_collection_in_box(bbox=box, **filters) == expected


def test_a_view_in_a_box_compiles_its_statement_once_per_filters_and_language():
    from publishing import selectors as map_selectors

    map_selectors._box_statement.cache_clear()
    ProposalFactory(geom=Point(12.30, 51.30, srid=4326))
    for lon in (12.2, 12.25, 12.29):
        map_selectors.map_feature_collection_in_box(bbox=(lon, 51.29, 12.33, 51.32))
    map_selectors.map_feature_collection_in_box(bbox=(12.2, 51.29, 12.33, 51.32), kinds=["idea"])
    info = map_selectors._box_statement.cache_info()
    assert (info.misses, info.hits) == (2, 2)

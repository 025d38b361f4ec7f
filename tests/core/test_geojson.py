"""The one GeoJSON builder: FeatureCollections built by PostgreSQL from querysets."""

import json

import pytest
from django.db import connection
from django.db.models import F, OuterRef, Value
from django.db.models.functions import Upper
from django.test.utils import CaptureQueriesContext

from core.geojson import EMPTY, FeatureCollection, feature_collection, feature_text
from proposals.models import Proposal
from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def test_a_collection_keeps_the_querysets_order_and_the_key_order_in_one_statement():
    older = ProposalFactory(title="older")
    newer = ProposalFactory(title="newer")
    qs = Proposal.objects.filter(pk__in=[older.pk, newer.pk]).order_by("-id")
    with CaptureQueriesContext(connection) as queries:
        text = feature_collection(
            qs, properties={"title": Upper("title"), "id": "id", "fixed": Value(3)}
        )
    assert len(queries) == 1
    assert text.index('"type"') < text.index('"features"')
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == [newer.pk, older.pk]
    first = collection["features"][0]
    assert list(first) == ["type", "id", "geometry", "properties"]
    assert list(first["properties"]) == ["title", "id", "fixed"]
    assert first["properties"] == {"title": "NEWER", "id": newer.pk, "fixed": 3}
    assert first["geometry"]["type"] == newer.geom.geom_type
    lon, lat = newer.geom.coords  # the factory pins points
    assert first["geometry"]["coordinates"] == [round(lon, 6), round(lat, 6)]


def test_an_empty_queryset_is_an_empty_collection_with_its_name():
    assert json.loads(feature_collection(Proposal.objects.none(), properties={})) == json.loads(
        EMPTY
    )
    named = json.loads(feature_collection(Proposal.objects.none(), properties={}, name="p"))
    assert named == {"type": "FeatureCollection", "name": "p", "features": []}
    nothing = Proposal.objects.filter(pk=-1)
    assert json.loads(feature_collection(nothing, properties={"id": "id"}, name="p")) == named


def test_a_nested_collection_is_a_correlated_subquery():
    a = ProposalFactory(title="a")
    b = ProposalFactory(title="b")
    same_author = Proposal.objects.filter(author=OuterRef("author")).order_by("id")
    qs = Proposal.objects.filter(pk__in=[a.pk, b.pk]).order_by("id")
    text = feature_collection(
        qs,
        properties={
            "title": "title",
            "mine": FeatureCollection(same_author, properties={"title": F("title")}),
        },
    )
    features = json.loads(text)["features"]
    assert [f["properties"]["mine"]["type"] for f in features] == ["FeatureCollection"] * 2
    assert [f["properties"]["mine"]["features"][0]["properties"] for f in features] == [
        {"title": "a"},
        {"title": "b"},
    ]


def test_one_feature_or_none():
    p = ProposalFactory(title="one")
    text = feature_text(Proposal.objects.filter(pk=p.pk), properties={"title": "title"})
    assert json.loads(text)["properties"] == {"title": "one"}
    assert feature_text(Proposal.objects.filter(pk=-1), properties={}) is None
    assert feature_text(Proposal.objects.none(), properties={}) is None

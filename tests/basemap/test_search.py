"""Place search (GET /api/places/?q=): prefix, typos, German spellings, numbers, ranking."""

import pytest
from django.urls import reverse

from basemap.selectors import place_search

pytestmark = pytest.mark.django_db


def names(q):
    return [place["name"] for place in place_search(q=q)]


def test_a_street_is_found_by_its_beginning_before_its_addresses(kirchberg):
    assert names("goethe") == [
        "Goethestraße",
        "Goethestraße 11",
        "Goethestraße 13",
        "Goethestraße 15",
        "Goethestraße 9",
    ]


@pytest.mark.parametrize("typed", ["Goehtestraße", "Goethestrase", "goethe str", "GOETHESTR."])
def test_typos_and_spellings_find_the_street(kirchberg, typed):
    assert names(typed)[0] == "Goethestraße"


def test_a_word_inside_a_name_is_found(kirchberg):
    assert names("Wagner") == ["Richard-Wagner-Straße"]


def test_an_address_with_its_number_comes_first(kirchberg):
    assert names("Haydnstrasse 5")[0] == "Haydnstraße 5"
    assert names("Hadynstr. 5")[0] == "Haydnstraße 5"  # a typo in the street, the number exact
    assert names("Goethestraße 1") == ["Goethestraße 11", "Goethestraße 13", "Goethestraße 15"]


def test_nothing_like_it_finds_nothing(kirchberg):
    assert names("Schillerplatz") == []
    assert names("g") == []


def test_the_api_answers_places_with_lon_lat(kirchberg, api):
    response = api.get(reverse("api:place-search"), {"q": "Haydnstr 5"})
    assert response.status_code == 200
    first = response.json()[0]
    assert first["kind"] == "address"
    assert first["name"] == "Haydnstraße 5"
    assert first["lon"] == pytest.approx(10.0695, abs=0.0005)
    assert first["lat"] == pytest.approx(48.1357, abs=0.0005)


@pytest.mark.parametrize(
    ("params", "message"),
    [({}, "q"), ({"q": "x" * 101}, "100")],
)
def test_a_bad_query_is_a_400_that_says_why(api, params, message):
    response = api.get(reverse("api:place-search"), params)
    assert response.status_code == 400
    assert message in response.json()["q"][0]


def test_a_nul_character_is_refused(api):
    assert api.get(reverse("api:place-search"), {"q": "a\x00b"}).status_code == 400


@pytest.mark.django_db(transaction=True)
def test_the_search_threshold_is_set_once_per_server_connection_not_per_request():
    """With the pool, every request takes a connection anew (connection_created each time);
    the threshold is a session setting, so only a new server connection needs it."""
    from django.db import connection

    from basemap.selectors import WORD_SIMILARITY

    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    connection.close()
    with connection.execute_wrapper(record):
        for _ in range(3):  # three requests' worth of taking and giving back a connection
            connection.ensure_connection()
            with connection.cursor() as cursor:
                cursor.execute("SELECT current_setting('pg_trgm.word_similarity_threshold')")
                assert float(cursor.fetchone()[0]) == WORD_SIMILARITY
            connection.close()
    settings_made = [sql for sql in statements if "word_similarity_threshold', %s" in sql]
    assert len(settings_made) <= 1  # at most once: the pool may hand back the same connection

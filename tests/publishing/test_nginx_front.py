"""The documented front (config/nginx/stadtmacher.conf) run by a real nginx in front of the
live server: public tiles are shared for TILES_MAX_AGE seconds, a `fresh` stamp goes past
the shared copy to the current tile, and tiles only planners may see are never shared;
anonymous readers' public pages are shared for PAGES_MAX_AGE seconds, per language, and a
signed-in reader always gets the current page."""

import time

import mapbox_vector_tile
import pytest
import requests
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from proposals.services import proposal_hide
from tests import nginx
from tests.factories import ProposalFactory
from tests.publishing.test_tiles import LAT, LON, at, tile_of, url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def front(live_server, tmp_path, settings):
    settings.TILES_MAX_AGE = 30
    settings.PAGES_MAX_AGE = 30
    cache.clear()
    port = nginx.free_port()
    with open(tmp_path / "nginx.log", "ab") as log:
        process = nginx.start(
            tmp_path / "nginx", port=port, upstream=int(live_server.url.rsplit(":", 1)[1]), log=log
        )
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


def pins_in(response) -> set[int]:
    layers = mapbox_vector_tile.decode(response.content)
    return {f["id"] for f in layers.get("proposals", {}).get("features", [])}


def test_a_public_tile_is_shared_and_a_fresh_stamp_gets_the_current_one(front):
    first_pin = ProposalFactory(geom=at())
    place = front + url(*tile_of(LON, LAT, 15))
    miss = requests.get(place, timeout=10)
    assert miss.headers["X-Cache"] == "MISS" and pins_in(miss) == {first_pin.pk}
    assert miss.headers["Cache-Control"] == "public, max-age=30, stale-while-revalidate=30"
    hit = requests.get(place, timeout=10)
    assert hit.headers["X-Cache"] == "HIT" and hit.content == miss.content

    second_pin = ProposalFactory(geom=at(0.0001))
    # Anonymous readers get the shared copy for up to TILES_MAX_AGE seconds ...
    shared = requests.get(place, timeout=10)
    assert shared.headers["X-Cache"] == "HIT" and pins_in(shared) == {first_pin.pk}
    # ... a signed-in reader's map asks with its own stamp and gets the current tile.
    fresh = requests.get(place + "?fresh=1764470000000", timeout=10)
    assert fresh.headers["X-Cache"] == "MISS"
    assert pins_in(fresh) == {first_pin.pk, second_pin.pk}


def test_an_expired_copy_is_served_at_once_and_renewed_in_the_background(front, settings):
    settings.TILES_MAX_AGE = 2
    first_pin = ProposalFactory(geom=at())
    place = front + url(*tile_of(LON, LAT, 15))
    miss = requests.get(place, timeout=10)
    assert miss.headers["X-Cache"] == "MISS", miss.headers
    assert miss.headers["Cache-Control"] == "public, max-age=2, stale-while-revalidate=2"
    second_pin = ProposalFactory(geom=at(0.0001))
    time.sleep(2.5)  # expired, within stale-while-revalidate
    expired = requests.get(place, timeout=10)
    assert expired.headers["X-Cache"] in ("STALE", "UPDATING")  # no wait for the app
    assert pins_in(expired) == {first_pin.pk}
    deadline = time.monotonic() + 10
    while True:  # the update nginx started in the background lands
        renewed = requests.get(place, timeout=10)
        if pins_in(renewed) == {first_pin.pk, second_pin.pk} or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert pins_in(renewed) == {first_pin.pk, second_pin.pk}
    assert renewed.headers["X-Cache"] == "HIT"


def test_the_browser_revalidates_its_copy_at_the_front(front):
    ProposalFactory(geom=at())
    place = front + url(*tile_of(LON, LAT, 15))
    etag = requests.get(place, timeout=10).headers["ETag"]
    again = requests.get(place, headers={"If-None-Match": etag}, timeout=10)
    assert again.status_code == 304 and again.headers["X-Cache"] == "HIT"


def test_a_tile_only_planners_may_see_is_never_shared(front, planner, city):
    zoning = city["nord"].layer.__class__.objects.get(kind="zoning")
    place = front + f"/api/layers/{zoning.slug}/tiles/" + "/".join(
        str(v) for v in tile_of(*city["homes"].geom.centroid.coords, 14)
    ) + ".pbf"  # fmt: skip
    public = [requests.get(place + "?a", timeout=10).headers["X-Cache"] for _ in range(2)]
    assert public == ["MISS", "HIT"]  # a layer in effect is everybody's: shared
    zoning.__class__.objects.filter(pk=zoning.pk).update(in_effect=False)
    client = Client()
    client.force_login(planner)
    session = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    for _ in range(2):
        seen = requests.get(place, cookies=session, timeout=10)
        assert seen.status_code == 200 and seen.headers["X-Cache"] == "MISS"
    assert requests.get(place, timeout=10).status_code == 404  # nothing shared for others


def test_an_anonymous_page_is_shared_per_language_and_a_session_goes_past_it(front, resident):
    first = ProposalFactory(geom=at(), title="Erster Pin am Platz")
    page = front + "/proposals/"
    german = [requests.get(page, headers={"Accept-Language": "de"}, timeout=10) for _ in "ab"]
    assert [r.headers["X-Cache"] for r in german] == ["MISS", "HIT"]
    assert first.title in german[1].text and 'lang="de"' in german[1].text
    english = requests.get(page, headers={"Accept-Language": "en"}, timeout=10)
    assert 'lang="en"' in english.text  # Vary: Accept-Language: not the German copy

    second = ProposalFactory(geom=at(0.0001), title="Zweiter Pin am Platz")
    shared = requests.get(page, headers={"Accept-Language": "de"}, timeout=10)
    assert shared.headers["X-Cache"] == "HIT" and second.title not in shared.text
    client = Client()
    client.force_login(resident)
    session = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    for _ in range(2):
        mine = requests.get(page, cookies=session, timeout=10)
        assert mine.headers["X-Cache"] == "BYPASS" and second.title in mine.text
        assert mine.headers["Cache-Control"] == "private, no-cache"
    assert requests.get(page, headers={"Accept-Language": "de"}, timeout=10).text == shared.text


def test_an_answer_that_sets_a_cookie_is_never_shared(front):
    login = [requests.get(front + "/accounts/login/", timeout=10) for _ in range(2)]
    assert all("csrftoken" in r.cookies for r in login)
    assert [r.headers["X-Cache"] for r in login] == ["MISS", "MISS"]
    assert login[0].cookies["csrftoken"] != login[1].cookies["csrftoken"]


def test_a_page_that_is_gone_is_not_served_from_an_old_copy(front, settings, moderator):
    """A pin hidden by a moderator: anonymous readers may get its old page until
    PAGES_MAX_AGE and stale-while-revalidate have run out, never after (nginx would serve
    a copy whose renewal is a 404 for as long as readers ask, if allowed to)."""
    settings.PAGES_MAX_AGE = 1
    pin = ProposalFactory(geom=at(), title="Bald versteckt")
    page = front + f"/proposals/{pin.pk}/"
    assert [requests.get(page, timeout=10).headers["X-Cache"] for _ in "ab"] == ["MISS", "HIT"]
    proposal_hide(proposal=pin, moderator=moderator, reason="Beleidigend")
    time.sleep(1.5)  # expired, within stale-while-revalidate: the old copy, renewed behind it
    assert requests.get(page, timeout=10).status_code in (200, 404)
    time.sleep(2.5)  # past both
    for _ in range(3):
        gone = requests.get(page, timeout=10)
        assert gone.status_code == 404 and "Bald versteckt" not in gone.text


def test_a_tile_that_turns_private_is_not_served_from_an_old_copy(front, settings, city):
    settings.TILES_MAX_AGE = 1
    zoning = city["nord"].layer.__class__.objects.get(kind="zoning")
    place = front + f"/api/layers/{zoning.slug}/tiles/" + "/".join(
        str(v) for v in tile_of(*city["homes"].geom.centroid.coords, 14)
    ) + ".pbf"  # fmt: skip
    assert [requests.get(place, timeout=10).headers["X-Cache"] for _ in "ab"] == ["MISS", "HIT"]
    zoning.__class__.objects.filter(pk=zoning.pk).update(in_effect=False)
    time.sleep(4.5)  # past max-age and stale-while-revalidate
    assert [requests.get(place, timeout=10).status_code for _ in "ab"] == [404, 404]

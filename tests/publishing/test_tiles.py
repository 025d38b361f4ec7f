"""Vector tiles of proposals and clusters: decoded with mapbox-vector-tile, filtered like the
map, aggregated at low zoom, cached by version, and invalidated only where a write lands."""

import math

import mapbox_vector_tile
import pytest
from django.contrib.gis.geos import Point, Polygon
from django.core.cache import cache
from django.db import connection

from proposals.models import Proposal
from proposals.services import proposal_update, support_add
from publishing.models import TileChange
from publishing.tile_versions import FLUSH_FUNCTION, invalidate_layer, tile_version
from tests.conftest import client_for
from tests.factories import CITY_CENTRE, ProposalFactory

pytestmark = pytest.mark.django_db

LON, LAT = CITY_CENTRE


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int, int]:
    n = 2**z
    x = int((lon + 180) / 360 * n)
    rad = math.radians(lat)
    y = int((1 - math.log(math.tan(rad) + 1 / math.cos(rad)) / math.pi) / 2 * n)
    return z, x, y


def url(z, x, y, layer="proposals", **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/api/tiles/{layer}/{z}/{x}/{y}.pbf" + (f"?{query}" if query else "")


def decoded(api, z, x, y, layer="proposals", **params) -> dict:
    response = api.get(url(z, x, y, layer, **params))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/vnd.mapbox-vector-tile"
    return mapbox_vector_tile.decode(response.content)


def pin_ids(api, z, x, y, **params) -> set[int]:
    tile = decoded(api, z, x, y, **params)
    return {f["id"] for f in tile.get("proposals", {}).get("features", [])}


def at(dx=0.0, dy=0.0) -> Point:
    return Point(LON + dx, LAT + dy, srid=4326)


def box(width: float, height: float) -> Polygon:
    square = Polygon.from_bbox((LON, LAT, LON + width, LAT + height))
    square.srid = 4326
    return square


def test_a_pin_tile_holds_each_pin_with_its_kind_and_category(api):
    housing = ProposalFactory(category="housing", geom=at())
    conflict = ProposalFactory(kind="conflict", category="mobility", geom=at(0.001))
    area = ProposalFactory(geom=box(0.0005, 0.0005))
    tile = decoded(api, *tile_of(LON, LAT, 15))
    features = {f["id"]: f for f in tile["proposals"]["features"]}
    assert set(features) == {housing.id, conflict.id, area.id}
    assert features[conflict.id]["properties"] == {"kind": "conflict", "category": "mobility"}
    assert features[housing.id]["geometry"]["type"] == "Point"
    assert features[area.id]["geometry"]["type"] == "Polygon"


def test_a_tile_elsewhere_is_empty(api):
    ProposalFactory(geom=at())
    z, x, y = tile_of(LON, LAT, 15)
    assert decoded(api, z, x + 3, y) == {}


def test_only_active_drawn_pins_are_in_tiles(api):
    shown = ProposalFactory(geom=at())
    ProposalFactory(geom=at(), status="hidden")
    ProposalFactory(geom=at(), status="withdrawn")
    assert pin_ids(api, *tile_of(LON, LAT, 16)) == {shown.id}


def test_low_zoom_tiles_carry_counts_per_cell_not_pins(api):
    for i in range(30):
        ProposalFactory(
            geom=at(0.0001 * i), category="housing" if i < 20 else "mobility", kind="proposal"
        )
    for i in range(5):
        ProposalFactory(geom=at(-0.0001 * i), kind="conflict", category="other")
    tile = decoded(api, *tile_of(LON, LAT, 12))
    assert "proposals" not in tile
    cells = tile["proposal_cells"]["features"]
    assert sum(c["properties"]["count"] for c in cells) == 35
    assert sum(c["properties"]["housing"] for c in cells) == 20
    assert sum(c["properties"]["mobility"] for c in cells) == 10
    assert sum(c["properties"]["conflicts"] for c in cells) == 5
    for cell in cells:
        props = cell["properties"]
        categories = ("housing", "mobility", "green_space", "public_space", "commons", "other")
        assert sum(props[c] for c in categories) == props["count"]


def test_a_low_zoom_tile_stays_small_whatever_the_number_of_pins(api):
    with connection.cursor() as cursor:
        author = ProposalFactory().author_id
        cursor.execute(
            """INSERT INTO proposals_proposal (author_id, kind, category, title, description,
                   geom, scope, status, hidden_reason, support_count, comment_count,
                   created_at, updated_at)
               SELECT %s, 'proposal', 'housing', 'p' || i, '',
                      ST_SetSRID(ST_MakePoint(%s + (i %% 97) * 0.0005, %s + (i / 97) * 0.0005),
                                 4326), 'drawn', 'active', '', 0, 0, now(), now()
               FROM generate_series(1, 5000) i""",
            [author, LON - 0.02, LAT - 0.02],
        )
    response = api.get(url(*tile_of(LON, LAT, 11)))
    cells = mapbox_vector_tile.decode(response.content)["proposal_cells"]["features"]
    assert sum(c["properties"]["count"] for c in cells) == 5001
    assert len(cells) <= 64
    assert len(response.content) < 5_000


def test_filters_apply_to_tiles(api):
    housing = ProposalFactory(category="housing", geom=at())
    mobility = ProposalFactory(category="mobility", geom=at(0.0002))
    conflict = ProposalFactory(kind="conflict", category="mobility", geom=at(0.0004))
    place = tile_of(LON, LAT, 16)
    assert pin_ids(api, *place, category="mobility") == {mobility.id, conflict.id}
    assert pin_ids(api, *place, kind="conflict") == {conflict.id}
    assert pin_ids(api, *place, category="housing,mobility", kind="proposal") == {
        housing.id,
        mobility.id,
    }
    cells = decoded(api, *tile_of(LON, LAT, 10), category="mobility")["proposal_cells"]
    assert sum(c["properties"]["count"] for c in cells["features"]) == 2


def test_the_overlay_filters_apply_to_tiles(api, city):
    z, x, y = tile_of(*city["homes"].geom.centroid.coords, 13)
    cells = decoded(api, z, x, y, compatibility="incompatible")["proposal_cells"]["features"]
    assert sum(c["properties"]["count"] for c in cells) == 1
    cells = decoded(api, z, x, y, district=city["nord"].id)["proposal_cells"]["features"]
    assert sum(c["properties"]["count"] for c in cells) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/api/tiles/proposals/3/8/0.pbf",  # x beyond 2^z - 1
        "/api/tiles/proposals/3/0/8.pbf",
        "/api/tiles/proposals/23/0/0.pbf",  # deeper than any tile
        "/api/tiles/proposals/-1/0/0.pbf",
        "/api/tiles/proposals/a/0/0.pbf",
        "/api/tiles/clusters/2/4/0.pbf",
        "/api/tiles/proposals/99999999999999999999/0/0.pbf",
    ],
)
def test_no_such_tile_is_a_404(api, path):
    response = api.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "params, parameter",
    [
        ("kind=idea", "kind"),
        ("category=parks", "category"),
        ("compatibility=maybe", "compatibility"),
        ("district=north", "district"),
        ("author=me", "author"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(api, params, parameter):
    response = api.get(f"/api/tiles/proposals/14/8755/5459.pbf?{params}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_bad_cluster_filters_are_a_400(api):
    response = api.get("/api/tiles/clusters/14/8755/5459.pbf?contested=maybe")
    assert response.status_code == 400
    assert "contested" in response.json()


def test_a_tile_has_an_etag_and_answers_304_while_unchanged(api):
    ProposalFactory(geom=at())
    place = url(*tile_of(LON, LAT, 14))
    first = api.get(place)
    assert first["ETag"].startswith('"proposals-')
    assert "no-cache" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = api.get(place, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    filtered = api.get(place + "?category=housing")
    assert filtered["ETag"] != first["ETag"]  # one URL, one ETag


def test_a_cached_tile_costs_one_query(api, django_assert_num_queries):
    ProposalFactory(geom=at())
    place = url(*tile_of(LON, LAT, 14))
    body = api.get(place).content
    with django_assert_num_queries(1):  # the version; the bytes come from the cache
        assert api.get(place).content == body


def etags(api, places) -> list[str]:
    return [api.get(url(*place))["ETag"] for place in places]


def test_a_change_invalidates_only_the_tiles_it_touches(api, resident):
    here = ProposalFactory(author=resident, geom=at())
    ProposalFactory(geom=at(0.05, 0.03))
    places = [
        tile_of(LON, LAT, 15),
        tile_of(LON + 0.05, LAT + 0.03, 15),
        tile_of(LON, LAT, 10),
        tile_of(LON - 0.04, LAT - 0.02, 15),
    ]
    before = etags(api, places)
    proposal_update(proposal=here, user=resident, category="mobility")
    after = etags(api, places)
    assert after[0] != before[0]  # its tile
    assert after[2] != before[2]  # and the coarser one holding it
    assert after[1] == before[1] and after[3] == before[3]  # not elsewhere
    # A move changes the tile it left and the one it went to.
    proposal_update(proposal=here, user=resident, geom=at(-0.04, -0.02))
    moved = etags(api, places)
    assert moved[0] != after[0] and moved[3] != after[3]
    assert moved[1] == before[1]
    assert pin_ids(api, *places[3]) == {here.id}
    assert pin_ids(api, *places[0]) == set()


def test_a_support_changes_no_tile_but_the_map_geojson(api, resident):
    pin = ProposalFactory(geom=at())
    place = tile_of(LON, LAT, 15)
    tile_etag = etags(api, [place])[0]
    geojson = api.get("/api/proposals/")
    support_add(proposal=pin, user=resident)
    assert etags(api, [place])[0] == tile_etag
    again = api.get("/api/proposals/", HTTP_IF_NONE_MATCH=geojson["ETag"])
    assert again.status_code == 200
    assert again.json()["features"][0]["properties"]["support_count"] == 1


def test_a_resident_sees_their_new_pin_in_the_tile_at_once(resident_api):
    place = tile_of(LON, LAT, 14)
    seen = resident_api.get(url(*place))
    assert mapbox_vector_tile.decode(seen.content) == {}
    posted = resident_api.post(
        "/api/proposals/",
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [LON, LAT]},
            "properties": {"kind": "proposal", "category": "housing", "title": "Bench"},
        },
        format="json",
    )
    assert posted.status_code == 201, posted.content
    fresh = resident_api.get(url(*place), HTTP_IF_NONE_MATCH=seen["ETag"])
    assert fresh.status_code == 200
    ids = {f["id"] for f in mapbox_vector_tile.decode(fresh.content)["proposals"]["features"]}
    assert ids == {posted.json()["id"]}


def test_writes_by_sql_are_seen_too(api):
    pin = ProposalFactory(geom=at())
    place = tile_of(LON, LAT, 16)
    assert pin_ids(api, *place) == {pin.id}
    Proposal.objects.filter(pk=pin.pk).update(status="hidden")  # no service, no hook
    assert pin_ids(api, *place) == set()


def test_a_bulk_statement_records_one_change_of_the_whole_layer(api):
    author = ProposalFactory().author
    TileChange.objects.all().delete()
    Proposal.objects.bulk_create(
        [
            Proposal(author=author, kind="proposal", category="other", title=f"q{i}", geom=at())
            for i in range(600)
        ]
    )
    changes = list(TileChange.objects.values_list("layer", "everything"))
    assert changes == [("proposals", True)]
    far = tile_of(LON + 0.05, LAT + 0.05, 16)
    before = tile_version("proposals", *far)
    invalidate_layer("proposals")
    assert tile_version("proposals", *far) != before


def test_a_zoning_change_gives_every_proposal_tile_a_new_version(city):
    from layers.services import zoning_rules_set

    place = tile_of(LON + 0.1, LAT + 0.1, 16)  # no pin there
    before = tile_version("proposals", *place)
    zoning = city["nord"].layer.__class__.objects.get(kind="zoning")
    zoning_rules_set(layer=zoning, matrix={"WA": {"housing": "incompatible"}})
    assert tile_version("proposals", *place) != before


def test_cluster_tiles_show_outlines_and_counts_below(api, resident):
    from proposals.services import proposal_create

    for category in ("housing", "green_space"):
        proposal_create(
            author=resident,
            kind="proposal",
            category=category,
            title=category,
            geom=box(0.0004, 0.0003),
        )
    outlines = decoded(api, *tile_of(LON, LAT, 15), layer="clusters")["clusters"]["features"]
    assert len(outlines) == 1
    assert outlines[0]["properties"]["contested"] is True
    assert outlines[0]["properties"]["claim_count"] == 2
    assert decoded(api, *tile_of(LON, LAT, 15), layer="clusters", contested="false") == {}
    cells = decoded(api, *tile_of(LON, LAT, 10), layer="clusters")["cluster_cells"]["features"]
    assert [(c["properties"]["count"], c["properties"]["contested"]) for c in cells] == [(1, 1)]


def test_the_map_geojson_has_an_etag_and_answers_304(api):
    ProposalFactory(geom=at())
    first = api.get("/api/proposals/")
    assert first["ETag"] and "no-cache" in first["Cache-Control"]
    assert api.get("/api/proposals/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get("/api/proposals/?kind=conflict")["ETag"] != first["ETag"]


def test_the_map_geojson_says_when_more_than_limit_pins_match(api):
    for i in range(3):
        ProposalFactory(geom=at(0.0001 * i))
    few = api.get("/api/proposals/?limit=3").json()
    assert len(few["features"]) == 3 and "limitExceeded" not in few
    many = api.get("/api/proposals/?limit=2").json()
    assert many == {"type": "FeatureCollection", "features": [], "limitExceeded": True}
    assert api.get("/api/proposals/?limit=0").status_code == 400


def test_own_pins_are_answered_to_each_user_apart(resident_api, api, resident):
    ProposalFactory(author=resident, geom=at())
    mine = resident_api.get("/api/proposals/?author=me")
    assert len(mine.json()["features"]) == 1
    assert mine["Cache-Control"].startswith("private")
    assert api.get("/api/proposals/?author=me").json()["features"] == []


def test_a_reference_layer_tile_answers_304_while_the_layer_is_unchanged(api, city):
    zoning = city["nord"].layer.__class__.objects.get(kind="zoning")
    z, x, y = tile_of(*city["homes"].geom.centroid.coords, 14)
    first = api.get(f"/api/layers/{zoning.slug}/tiles/{z}/{x}/{y}.pbf")
    assert first.status_code == 200
    assert mapbox_vector_tile.decode(first.content)
    etag = first["ETag"]
    same = api.get(f"/api/layers/{zoning.slug}/tiles/{z}/{x}/{y}.pbf", HTTP_IF_NONE_MATCH=etag)
    assert same.status_code == 304


def test_a_layer_tile_only_planners_see_is_kept_out_of_shared_caches(api, planner, city):
    planner_api = client_for(planner)
    zoning = city["nord"].layer.__class__.objects.get(kind="zoning")
    z, x, y = tile_of(*city["homes"].geom.centroid.coords, 14)
    place = f"/api/layers/{zoning.slug}/tiles/{z}/{x}/{y}.pbf"
    assert api.get(place)["Cache-Control"].startswith("public")
    zoning.__class__.objects.filter(pk=zoning.pk).update(in_effect=False)
    assert api.get(place).status_code == 404  # residents do not see it at all
    waiting = planner_api.get(place)
    assert waiting.status_code == 200
    assert waiting["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("max_age", [0, 30])
def test_caches_may_use_a_tile_tiles_max_age_seconds_unasked(api, settings, max_age):
    settings.TILES_MAX_AGE = max_age
    ProposalFactory(geom=at())
    control = api.get(url(*tile_of(LON, LAT, 14)))["Cache-Control"]
    if max_age:  # browsers and shared caches use it unasked for max_age seconds
        assert control == "public, max-age=30, stale-while-revalidate=30"
    else:
        assert control == "public, no-cache"


def test_a_fresh_stamp_is_another_url_for_the_same_tile(api):
    """The signed-in reader's map adds `fresh` (map/tiles.js) to go past shared caches: the
    app answers the same current tile, with the same ETag."""
    ProposalFactory(geom=at())
    place = url(*tile_of(LON, LAT, 14))
    plain, stamped = api.get(place), api.get(place + "?fresh=1764470000000")
    assert stamped.status_code == 200
    assert stamped["ETag"] == plain["ETag"] and stamped.content == plain.content


# --- count tiles: the map's choice between markers and tiles ---------------------------


def counts(api, z, x, y, **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    response = api.get(
        f"/api/tiles/proposals/counts/{z}/{x}/{y}.json" + (f"?{query}" * bool(query))
    )
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def count_at(answer: dict, lon: float, lat: float) -> int:
    _, x, y = tile_of(lon, lat, answer["zoom"])
    return answer["counts"][y - answer["y"]][x - answer["x"]]


def test_a_count_tile_counts_the_pins_of_each_descendant_three_zooms_deeper(api):
    ProposalFactory(geom=at())
    ProposalFactory(geom=at(0.0001))
    ProposalFactory(kind="conflict", geom=at(0.0002))
    z, x, y = tile_of(LON, LAT, 12)
    # Another z15 tile in the same z12 tile.
    dx = next(d for d in (0.02, -0.02) if tile_of(LON + d, LAT, 12) == (z, x, y))
    far = at(dx)
    ProposalFactory(geom=far)
    ProposalFactory(status="withdrawn", geom=far)
    answer = counts(api, z, x, y)
    assert (answer["zoom"], answer["x"], answer["y"]) == (15, 8 * x, 8 * y)
    assert len(answer["counts"]) == 8 and {len(row) for row in answer["counts"]} == {8}
    assert count_at(answer, LON, LAT) == 3
    assert count_at(answer, LON + dx, LAT) == 1
    assert sum(map(sum, answer["counts"])) == 4
    assert count_at(counts(api, z, x, y, kind="conflict"), LON, LAT) == 1


def test_a_count_stops_at_the_marker_limit_plus_one(api, settings):
    settings.MAP_MARKER_LIMIT = 3
    ProposalFactory.create_batch(6, geom=at())
    answer = counts(api, *tile_of(LON, LAT, 11))
    assert answer["cap"] == 4
    assert count_at(answer, LON, LAT) == 4


def test_a_count_tile_is_cached_shared_and_changes_with_a_write_in_it(api, resident):
    pin = ProposalFactory(author=resident, geom=at())
    place = "/api/tiles/proposals/counts/{}/{}/{}.json".format(*tile_of(LON, LAT, 12))
    first = api.get(place)
    assert first["ETag"].startswith('"proposal-counts-')
    assert "public" in first["Cache-Control"]
    assert api.get(place, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    pin_tile = api.get(url(*tile_of(LON, LAT, 12)))
    assert pin_tile["ETag"] != first["ETag"]  # the same place, another kind of answer
    proposal_update(proposal=pin, user=resident, geom=at(0.0003))
    assert api.get(place, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/api/tiles/proposals/counts/14/8755/5459.json", "/api/tiles/proposals/counts/2/4/0.json"],
)
def test_a_count_tile_deeper_than_zoom_13_or_outside_the_pyramid_is_a_404(api, path):
    assert api.get(path).status_code == 404


def test_a_count_tile_refuses_bad_filters_and_own_pins(api):
    for params, parameter in (("kind=idea", "kind"), ("author=me", "author")):
        response = api.get(f"/api/tiles/proposals/counts/12/2188/1364.json?{params}")
        assert response.status_code == 400
        assert parameter in response.json()


# --- the flush while another is under way -----------------------------------------------


def _statements_of_flush() -> tuple[int, list[str]]:
    """flush() on this connection: (the version it leaves at the centre's z15 tile, the
    statements it ran)."""
    from publishing.tile_versions import flush

    ran = []

    def record(execute, sql, params, many, context):
        if FLUSH_FUNCTION in sql:
            ran.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        flush()
    return tile_version("proposals", *tile_of(LON, LAT, 15)), ran


@pytest.mark.django_db(transaction=True)
def test_a_reader_waits_for_the_flush_under_way_and_then_flushes_what_it_left():
    """Another connection holds the flush lock (a flush under way) and commits without taking
    a change committed before this reader began: the reader waits, then flushes it itself."""
    import threading

    import psycopg

    from publishing.tile_versions import _FLUSH_LOCK

    before = tile_version("proposals", *tile_of(LON, LAT, 15))
    params = connection.get_connection_params()
    other = psycopg.connect(**{k: v for k, v in params.items() if k != "context"})
    other.execute("SELECT pg_advisory_xact_lock(%s)", [_FLUSH_LOCK])  # a flush under way
    ProposalFactory(geom=at())  # committed: its change is pending
    result = {}

    def read():
        try:
            result["v"] = _statements_of_flush()
        finally:
            connection.close()  # this thread's own

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(1.0)
    assert reader.is_alive()  # it waits for the flush under way
    other.commit()  # that flush ends, and took nothing
    other.close()
    reader.join(10)
    version, ran = result["v"]
    assert version != before  # the reader's own change has its version
    assert ran == [f"SELECT {FLUSH_FUNCTION}(false)", f"SELECT {FLUSH_FUNCTION}(true)"]


@pytest.mark.django_db(transaction=True)
def test_a_flush_with_nothing_under_way_is_one_statement():
    before = tile_version("proposals", *tile_of(LON, LAT, 15))
    ProposalFactory(geom=at())
    version, ran = _statements_of_flush()
    assert version != before
    assert ran == [f"SELECT {FLUSH_FUNCTION}(false)"]


# --- the fast lane (publishing/middleware.py) ---------------------------------------------


def test_a_tile_does_not_vary_by_language_so_shared_caches_keep_one_copy(api):
    ProposalFactory(geom=at())
    place = url(*tile_of(LON, LAT, 15))
    built = api.get(place, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")  # built
    cached = api.get(place, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")  # from the lane
    again = api.get(place, HTTP_IF_NONE_MATCH=built["ETag"], HTTP_ACCEPT_LANGUAGE="fr")
    assert built.content == cached.content and built["ETag"] == cached["ETag"]
    assert again.status_code == 304
    for response in (built, cached, again):
        assert not response.has_header("Vary")
        assert response["X-Content-Type-Options"] == "nosniff"
    counts_place = "/api/tiles/proposals/counts/{}/{}/{}.json".format(*tile_of(LON, LAT, 12))
    assert not api.get(counts_place).has_header("Vary")


def test_the_lane_answers_cached_tiles_without_sessions_and_bad_input_the_usual_way(
    api, monkeypatch
):
    from django.contrib.sessions.middleware import SessionMiddleware

    ProposalFactory(geom=at())
    place = url(*tile_of(LON, LAT, 15))
    api.get(place)  # built and cached
    seen = []
    original = SessionMiddleware.process_request

    def spy(self, request):
        seen.append(request.path)
        return original(self, request)

    monkeypatch.setattr(SessionMiddleware, "process_request", spy)
    assert api.get(place).status_code == 200
    assert seen == []  # the lane answered: no session middleware
    bad = api.get(place + "?kind=idea", HTTP_ACCEPT_LANGUAGE="de")
    assert bad.status_code == 400 and "kind" in bad.json()
    assert seen  # the usual way said what was wrong, in the reader's language
    assert bad.has_header("Vary")


def test_the_previous_release_flush_still_works_during_a_rolling_deploy():
    """App servers of the release before migration publishing/0003 call the function without
    arguments: it still turns pending changes into versions."""
    before = tile_version("proposals", *tile_of(LON, LAT, 15))
    ProposalFactory(geom=at())
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {FLUSH_FUNCTION}()")
        cursor.execute(
            "SELECT coalesce(max(version), 0) FROM publishing_tileversion WHERE layer = %s"
            " AND (z, x, y) IN ((-1, 0, 0), (%s, %s, %s))",
            ["proposals", *tile_of(LON, LAT, 15)],
        )
        assert cursor.fetchone()[0] != before
        cursor.execute("SELECT count(*) FROM publishing_tilechange")
        assert cursor.fetchone()[0] == 0

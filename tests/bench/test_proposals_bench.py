"""GET /api/proposals/?bbox=... (FeatureCollection built in PostGIS) against the same
collection through djangorestframework-gis's GeoFeatureModelSerializer, and against the bare
SQL statement run by a cursor, in one run.

    make bench                                  # or:
    BENCH_PROPOSALS=10000 BENCH_REPEAT=7 .venv/bin/python -m pytest -q -s tests/bench \\
        -o norecursedirs= -m bench -k proposals
"""

import json
import os

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from publishing import selectors
from tests.factories import UserFactory

from .timing import interleaved_medians, report

N_PROPOSALS = int(os.environ.get("BENCH_PROPOSALS", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "7"))


def insert_proposals(n: int, author_id: int) -> None:
    """n active pins (mostly points, some small polygons and lines) spread over the city,
    inserted by one SQL statement; deterministic (setseed)."""
    minlon, minlat, maxlon, maxlat = settings.CITY_BBOX
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(
            """
            INSERT INTO proposals_proposal (author_id, kind, category, title, description,
                geom, status, hidden_reason, support_count, comment_count, created_at, updated_at)
            SELECT %(author)s,
                   (ARRAY['proposal', 'conflict'])[1 + i %% 2],
                   (ARRAY['housing', 'mobility', 'green_space', 'public_space', 'commons',
                          'other'])[1 + i %% 6],
                   'Bench pin ' || i, 'Because of reason ' || i,
                   CASE WHEN i %% 10 = 0 THEN ST_Buffer(pt, 0.0005, 2)
                        WHEN i %% 10 = 1 THEN ST_MakeLine(pt, ST_Translate(pt, 0.001, 0.0007))
                        ELSE pt END,
                   'active', '', i %% 17, i %% 5, now() - i * interval '1 minute', now()
            FROM (
                SELECT i, ST_SetSRID(ST_MakePoint(
                           %(minlon)s + 0.002 + random() * (%(maxlon)s - %(minlon)s - 0.004),
                           %(minlat)s + 0.002 + random() * (%(maxlat)s - %(minlat)s - 0.004)),
                       4326) AS pt
                FROM generate_series(1, %(n)s) AS i
            ) AS points
            """,
            {"author": author_id, "n": n, "minlon": minlon, "minlat": minlat,
             "maxlon": maxlon, "maxlat": maxlat},
        )  # fmt: skip
        cursor.execute("ANALYZE proposals_proposal")


def insert_overlays() -> None:
    """An overlay row (district name, compatibility) for every pin, as the layers app
    keeps them, so the LEFT JOIN of the map query meets real rows."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO layers_proposaloverlay
                (proposal_id, district_id, district_name, compatibility, zones, computed_at)
            SELECT id, NULL, 'District ' || (id % 12),
                   (ARRAY['compatible', 'conditional', 'incompatible', 'unknown'])[1 + id % 4],
                   '[]'::jsonb, now()
            FROM proposals_proposal
            """
        )
        cursor.execute("ANALYZE layers_proposaloverlay")


@pytest.mark.bench
@pytest.mark.urls("tests.bench.proposals_urls")
@pytest.mark.django_db
def test_proposals_bbox_feature_collection(client):
    insert_proposals(N_PROPOSALS, UserFactory().pk)
    insert_overlays()
    bbox = ",".join(str(v) for v in settings.CITY_BBOX)
    ours_url = f"{reverse('api:proposal-list')}?bbox={bbox}"
    peer_url = f"{reverse('bench-serializer')}?bbox={bbox}"
    # The bare SQL peer is the very statement the API runs (with the overlay LEFT JOIN).
    sql, params = selectors.map_feature_collection_sql(
        selectors.map_proposal_list(bbox=settings.CITY_BBOX)
    )

    def ours():
        response = client.get(ours_url)
        assert response.status_code == 200
        return response.content

    def serializer():
        response = client.get(peer_url)
        assert response.status_code == 200
        return response.content

    def bare_sql():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    # Same features both ways (the bench compares like with like).
    ours_features = json.loads(ours())["features"]
    peer_features = json.loads(serializer())["features"]
    assert len(ours_features) == len(peer_features) == N_PROPOSALS
    assert [f["id"] for f in ours_features] == [f["id"] for f in peer_features]
    assert ours_features[0]["geometry"] == json.loads(json.dumps(peer_features[0]["geometry"]))
    overlay = [
        (f["properties"]["district_name"], f["properties"]["compatibility"]) for f in ours_features
    ]
    assert overlay == [
        (f["properties"]["district_name"], f["properties"]["compatibility"]) for f in peer_features
    ]
    print(f"\nproposals-bbox: {N_PROPOSALS} proposals in the box, {len(ours())} bytes, "
          f"median of {REPEAT} runs")  # fmt: skip

    # Rounds of (ours, bare SQL, serializer): load from others on the machine hits all alike.
    times = interleaved_medians(
        {"ours": ours, "bare_SQL": bare_sql, "serializer": serializer}, repeat=REPEAT
    )
    report("proposals-bbox", **times)

"""Layer benchmarks (make bench): import vs ogr2ogr, overlay vs a hand-written PostGIS join.

BENCH_LAYER_FEATURES=100000      polygons in the generated GeoPackage
BENCH_LAYER_SRID=25833           CRS of the generated file (ours reprojects to 4326)
BENCH_OVERLAY_PROPOSALS=100000   proposals (60% points, 20% lines, 20% areas)
BENCH_OVERLAY_ZONES=20000        zone polygons (each with ~40 vertices)
BENCH_LAYER_REPEAT=3             interleaved timed rounds (after one warm-up round); medians
"""

import os
import statistics
import subprocess
import time

import numpy as np
import pyogrio.raw
import pyproj
import pytest
import shapely
from django.conf import settings
from django.db import connection, transaction

from layers.models import Layer
from layers.overlay import PIECES_SQL, overlay_refresh
from layers.services import layer_delete, layer_import
from tests.bench.timing import report
from tests.factories import UserFactory

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True)]

FEATURES = int(os.environ.get("BENCH_LAYER_FEATURES", 100_000))
SRID = int(os.environ.get("BENCH_LAYER_SRID", 25833))
PROPOSALS = int(os.environ.get("BENCH_OVERLAY_PROPOSALS", 100_000))
ZONES = int(os.environ.get("BENCH_OVERLAY_ZONES", 20_000))
REPEAT = int(os.environ.get("BENCH_LAYER_REPEAT", 3))
CODES = np.array(["WA", "WR", "MI", "MU", "GE", "GI", "SO", "GR", "F", "V"], dtype=object)


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def zone_polygons(n: int, srid: int, vertices_per_side: int = 10) -> np.ndarray:
    """n irregular-free grid cells covering the city, edges densified, in `srid`."""
    minlon, minlat, maxlon, maxlat = settings.CITY_BBOX
    to = pyproj.Transformer.from_crs(4326, srid, always_xy=True)
    x0, y0 = to.transform(minlon, minlat)
    x1, y1 = to.transform(maxlon, maxlat)
    cols = int(np.ceil(np.sqrt(n * (x1 - x0) / (y1 - y0))))
    rows = int(np.ceil(n / cols))
    w, h = (x1 - x0) / cols, (y1 - y0) / rows
    i = np.arange(n)
    left, bottom = x0 + (i % cols) * w, y0 + (i // cols) * h
    boxes = shapely.box(left, bottom, left + w, bottom + h)
    return shapely.segmentize(boxes, max(w, h) / vertices_per_side)


def write_zones(path, n: int, srid: int):
    geoms = zone_polygons(n, srid)
    rng = np.random.default_rng(7)
    pyogrio.raw.write(
        path,
        geometry=shapely.to_wkb(geoms),
        field_data=[CODES[rng.integers(0, len(CODES), n)], rng.integers(0, 5000, n)],
        fields=["zone", "pop"],
        layer="zones",
        driver="GPKG",
        geometry_type="Polygon",
        crs=f"EPSG:{srid}",
    )
    return path


def _ogr2ogr(path, *extra) -> float:
    db = connection.settings_dict
    pg = f"PG:dbname={db['NAME']} host={db['HOST'] or '127.0.0.1'} user={db['USER']}"
    command = [
        "ogr2ogr", "-f", "PostgreSQL", pg, str(path), "-nln", "bench_ogr",
        "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=id", "-nlt", "PROMOTE_TO_MULTI",
        "-overwrite", *extra,
    ]  # fmt: skip
    return _seconds(lambda: subprocess.run(command, check=True, capture_output=True))


def _ogr2ogr_clean() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM bench_ogr")
        assert cursor.fetchone()[0] == FEATURES
        cursor.execute("DROP TABLE bench_ogr")
        cursor.execute("DROP TABLE IF EXISTS bench_ogr_parts")


# The peer's equivalent of our parts: the same transform + ST_Subdivide as importing.PARTS_SQL,
# into a fresh table whose GiST index is built after the load (the cheapest order).
PEER_PARTS_SQL = """
CREATE TABLE bench_ogr_parts AS
SELECT id, ST_Transform(geom, %(srid)s) AS geom FROM bench_ogr
WHERE ST_NPoints(geom) <= %(max)s
UNION ALL
SELECT id, ST_Subdivide(ST_Transform(geom, %(srid)s), %(max)s) FROM bench_ogr
WHERE ST_NPoints(geom) > %(max)s
"""


def _ogr2ogr_then_parts(path) -> float:
    def parts():
        with connection.cursor() as cursor:
            cursor.execute(PEER_PARTS_SQL, {"srid": settings.ANALYSIS_SRID, "max": 256})
            cursor.execute("CREATE INDEX ON bench_ogr_parts USING gist (geom)")

    return _ogr2ogr(path) + _seconds(parts)


STEPS: dict[str, list[dict]] = {}  # kind -> the importer's own step times of each run


def _ours(path, kind="other") -> float:
    name = f"bench {kind} {path.stem}"
    seconds = _seconds(lambda: layer_import(path=path, name=name, kind=kind, zone_field="zone"))
    layer = Layer.objects.get(name=name)
    assert layer.feature_count == FEATURES
    STEPS.setdefault(f"{kind} {path.stem}", []).append(layer.report.get("seconds") or {})
    return seconds


def _ours_clean() -> None:
    for layer in Layer.objects.filter(name__startswith="bench "):
        layer_delete(layer=layer)
    with connection.cursor() as cursor:
        # The next run starts from the same table (no dead rows, no bloated indexes), as
        # ogr2ogr starts from a fresh one.
        cursor.execute("VACUUM layers_feature, layers_featurepart")


def _interleaved(runs: dict) -> dict:
    """Median seconds of each (timed, clean-up) pair, run in rounds a, b, c, a, b, c, ...
    after one untimed warm-up round, so load from other processes falls on all alike.
    The clean-up (dropping the table, deleting the layer) is not timed."""
    times = {name: [] for name in runs}
    for round_ in range(REPEAT + 1):
        for name, (timed, clean) in runs.items():
            seconds = timed()
            clean()
            if round_:
                times[name].append(seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def _step_medians(key: str) -> str:
    runs = STEPS[key][1:]  # without the warm-up
    steps = [step for step in ("features", "parts", "overlay") if step in runs[0]] or ["-"]
    if steps == ["-"]:
        return "not recorded"
    return ", ".join(
        f"{step} {statistics.median(r[step] for r in runs) * 1000:.0f} ms" for step in steps
    )


def test_import_100k_polygons_vs_ogr2ogr(tmp_path):
    lonlat = write_zones(tmp_path / "bench-4326.gpkg", FEATURES, 4326)
    projected = write_zones(tmp_path / f"bench-{SRID}.gpkg", FEATURES, SRID)

    plain = _interleaved(
        {
            "ogr2ogr": (lambda: _ogr2ogr(lonlat), _ogr2ogr_clean),
            "ours": (lambda: _ours(lonlat), _ours_clean),
        }
    )
    zoning = _interleaved(
        {
            "ogr2ogr_then_subdivide": (lambda: _ogr2ogr_then_parts(lonlat), _ogr2ogr_clean),
            "ours": (lambda: _ours(lonlat, kind="zoning"), _ours_clean),
        }
    )
    reprojecting = _interleaved(
        {
            "ogr2ogr_t_srs_4326": (
                lambda: _ogr2ogr(projected, "-t_srs", "EPSG:4326"),
                _ogr2ogr_clean,
            ),
            "ours": (lambda: _ours(projected), _ours_clean),
            "ogr2ogr_no_reprojection": (lambda: _ogr2ogr(projected), _ogr2ogr_clean),
        }
    )

    print(
        f"\nBENCH layer-import: {FEATURES} polygons (~41 vertices), GeoPackage -> PostGIS, "
        f"median of {REPEAT} interleaved runs after a warm-up. Ours = layer_import(): read, "
        "validate/repair, reproject to 4326, COPY, one transaction, progress updates; "
        "ogr2ogr -f PostgreSQL into a fresh table (GiST index, no validity check)."
    )
    report("layer-import plain layer (file in EPSG:4326)", **plain)
    print(f"BENCH   ours, steps: {_step_medians('other bench-4326')}")
    report(f"layer-import plain layer (file in EPSG:{SRID}, both reproject)", **reprojecting)
    print(f"BENCH   ours, steps: {_step_medians(f'other bench-{SRID}')}")
    report(
        "layer-import zoning layer (features + ST_Subdivide parts in ANALYSIS_SRID + overlay; "
        "peer: ogr2ogr, then the same ST_Subdivide statement into a GiST-indexed table)",
        **zoning,
    )
    print(f"BENCH   ours, steps: {_step_medians('zoning bench-4326')} (overlay: no proposals)")
    ratios = {
        "plain": plain["ours"] / plain["ogr2ogr"],
        "reprojecting": reprojecting["ours"] / reprojecting["ogr2ogr_t_srs_4326"],
        "zoning": zoning["ours"] / zoning["ogr2ogr_then_subdivide"],
    }
    print(
        f"BENCH layer-import ratio ours/peer (target <= 1.5x): {ratios['plain']:.2f}x plain "
        f"(EPSG:4326 file), {ratios['reprojecting']:.2f}x (EPSG:{SRID} file, both reproject), "
        f"{ratios['zoning']:.2f}x zoning layer with parts vs ogr2ogr + the same ST_Subdivide"
    )


PROPOSALS_SQL = """
INSERT INTO proposals_proposal (author_id, kind, category, title, description, geom, status,
    hidden_reason, support_count, comment_count, created_at, updated_at)
SELECT %(author)s, 'proposal',
       (ARRAY['housing','mobility','green_space','public_space','commons','other'])[1 + i %% 6],
       'bench ' || i, '', g, 'active', '', 0, 0, now(), now()
FROM (
    SELECT i, CASE
        WHEN i %% 5 < 3 THEN ST_SetSRID(ST_MakePoint(x, y), 4326)
        WHEN i %% 5 = 3 THEN ST_SetSRID(ST_MakeLine(ST_MakePoint(x, y),
                                                    ST_MakePoint(x + 0.004, y + 0.001)), 4326)
        ELSE ST_SetSRID(ST_MakeEnvelope(x, y, x + 0.002, y + 0.0015), 4326) END AS g
    FROM (SELECT i, %(x0)s + random() * (%(x1)s - %(x0)s - 0.005) AS x,
                    %(y0)s + random() * (%(y1)s - %(y0)s - 0.002) AS y
          FROM generate_series(1, %(n)s) AS i) r
) p
"""

PEER_SQL = """
CREATE TEMP TABLE peer_shares AS
SELECT p.id AS proposal_id, f.id AS feature_id, f.zone_code,
       CASE ST_Dimension(p.geom)
           WHEN 0 THEN 1.0
           WHEN 1 THEN ST_Length(ST_Intersection(ST_Transform(p.geom, %(srid)s),
                                                 ST_Transform(f.geom, %(srid)s)))
                       / ST_Length(ST_Transform(p.geom, %(srid)s))
           ELSE ST_Area(ST_Intersection(ST_Transform(p.geom, %(srid)s),
                                        ST_Transform(f.geom, %(srid)s)))
                / ST_Area(ST_Transform(p.geom, %(srid)s)) END AS share
FROM proposals_proposal p
JOIN layers_feature f ON ST_Intersects(p.geom, f.geom)
WHERE f.layer_id = %(layer)s
"""


AGREEMENT_SQL = """
WITH ours AS (
    SELECT o.proposal_id, COALESCE(sum((z->>'share')::float), 0) AS share
    FROM layers_proposaloverlay o LEFT JOIN LATERAL jsonb_array_elements(o.zones) z ON true
    GROUP BY o.proposal_id
),
peer AS (SELECT proposal_id, sum(share) AS share FROM peer_shares WHERE share > 0 GROUP BY 1)
SELECT count(*) FROM ours LEFT JOIN peer USING (proposal_id)
WHERE abs(ours.share - COALESCE(peer.share, 0)) > 0.01
"""


def test_overlay_100k_proposals_on_20k_zones_vs_plain_join(tmp_path):
    path = write_zones(tmp_path / "zones.gpkg", ZONES, 25833)
    layer = layer_import(path=path, name="bench zones", kind="zoning", zone_field="zone")
    author = UserFactory()
    minlon, minlat, maxlon, maxlat = settings.CITY_BBOX
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(
            PROPOSALS_SQL,
            {
                "author": author.pk,
                "n": PROPOSALS,
                "x0": minlon,
                "y0": minlat,
                "x1": maxlon,
                "y1": maxlat,
            },
        )
        cursor.execute("ANALYZE proposals_proposal")
        cursor.execute("SELECT count(*) FROM layers_featurepart WHERE layer_id = %s", [layer.id])
        parts = cursor.fetchone()[0]

    written = []
    ours = _seconds(lambda: written.append(overlay_refresh()))

    def pieces_only():  # our share computation alone: what the plain join computes
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            scope = "p.status = 'active'"
            sql = PIECES_SQL.format(srid=int(settings.ANALYSIS_SRID), scope=scope)
            cursor.execute(f"CREATE TEMP TABLE bench_pieces ON COMMIT DROP AS {sql}")

    def peer():
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS peer_shares")
            cursor.execute("SET jit = off")  # the same setting as ours, fair to the peer
            cursor.execute(PEER_SQL, {"srid": settings.ANALYSIS_SRID, "layer": layer.id})
            cursor.execute("RESET jit")

    ours_shares = _seconds(pieces_only)
    plain_join = _seconds(peer)

    with connection.cursor() as cursor:
        # Same answer: total share per proposal agrees with the peer's (to rounding).
        cursor.execute(AGREEMENT_SQL)
        disagreements = cursor.fetchone()[0]
    assert written == [PROPOSALS]
    print(
        f"\nBENCH layer-overlay: {PROPOSALS} proposals on {ZONES} zones ({parts} parts), "
        f"shares + verdicts + district written to layers_proposaloverlay; "
        f"{disagreements} proposals whose total share differs from the plain join by > 0.01"
    )
    report("layer-overlay shares", ours=ours_shares, plain_st_intersects_join=plain_join)
    report(
        "layer-overlay full refresh (shares + verdicts + district + JSON + write)",
        ours=ours,
        plain_st_intersects_join_shares_only=plain_join,
    )


def test_coordinate_check_costs_at_most_a_tenth_of_the_import(tmp_path):
    """layers.location.check (run by prepare() before every import) against the import of
    the same file: its sample is fixed in size, so its share shrinks as the file grows."""
    from layers import location

    path = write_zones(tmp_path / f"check_{SRID}.gpkg", FEATURES, SRID)

    def check():
        where = location.check(dataset=path, layer="zones", count=FEATURES, crs=f"EPSG:{SRID}")
        assert where["outside_share"] < location.MOSTLY

    medians = _interleaved(
        {
            "check": (lambda: _seconds(check), lambda: None),
            "import": (lambda: _ours(path), _ours_clean),
        }
    )
    share = medians["check"] / medians["import"]
    report(
        f"coordinate check on {FEATURES:,} polygons ({share:.1%} of the import, which includes it)",
        medians["check"],
        whole_import=medians["import"],
    )
    assert share <= 0.10

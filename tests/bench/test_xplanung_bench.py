"""XPlanGML import benchmark (make bench): a real Flächennutzungsplan of the xplanbox project
(tests/layers/data/xplanbox/FNP_031545401000_Zusammenzeichnung.gml, XPlanGML 5.1) imported
class by class, against `ogr2ogr -f PostgreSQL` of the same classes (GML driver, reprojected
to EPSG:4326 like ours). Target: ours at most 1.5x.

BENCH_XPLAN_REPEAT=3   interleaved timed rounds (after one warm-up round); medians
"""

import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection

from layers import xplanung
from layers.models import Layer
from layers.services import layer_delete, layer_import
from tests.bench.timing import report

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True)]

PLAN = (
    Path(__file__).parent.parent
    / "layers"
    / "data"
    / "xplanbox"
    / "FNP_031545401000_Zusammenzeichnung.gml"
)
CLASSES = ("FP_BebauungsFlaeche", "FP_Gruen", "FP_Landwirtschaft", "FP_Gewaesser")
REPEAT = int(os.environ.get("BENCH_XPLAN_REPEAT", 3))


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _ours(path: Path) -> float:
    def run():
        for name in CLASSES:
            layer_import(
                path=path,
                name=f"bench xplan {name}",
                kind="zoning" if name == "FP_BebauungsFlaeche" else "other",
                zone_field=xplanung.ZONE_FIELD if name == "FP_BebauungsFlaeche" else None,
                layer_name=name,
                confirm_outside=True,  # the plan lies outside the test city
            )

    return _seconds(run)


def _ours_clean() -> dict:
    counts = {}
    for layer in Layer.objects.filter(name__startswith="bench xplan "):
        counts[layer.name.removeprefix("bench xplan ")] = layer.feature_count
        layer_delete(layer=layer)
    return counts


def _peer(path: Path) -> float:
    db = connection.settings_dict
    pg = f"PG:dbname={db['NAME']} host={db['HOST'] or '127.0.0.1'} user={db['USER']}"

    def run():
        for name in CLASSES:
            command = [
                "ogr2ogr", "-f", "PostgreSQL", pg, str(path), name,
                "-nln", f"bench_ogr_{name.lower()}", "-lco", "GEOMETRY_NAME=geom",
                "-nlt", "PROMOTE_TO_MULTI", "-t_srs", "EPSG:4326", "-overwrite",
                "--config", "GML_SKIP_RESOLVE_ELEMS", "ALL",
                "--config", "GML_DOWNLOAD_WFS_SCHEMA", "NO",
            ]  # fmt: skip
            subprocess.run(command, check=True, capture_output=True)

    return _seconds(run)


def _peer_clean() -> dict:
    counts = {}
    with connection.cursor() as cursor:
        for name in CLASSES:
            cursor.execute(f"SELECT count(*) FROM bench_ogr_{name.lower()}")
            counts[name] = cursor.fetchone()[0]
            cursor.execute(f"DROP TABLE bench_ogr_{name.lower()}")
    return counts


def test_xplangml_fnp_import_vs_ogr2ogr(tmp_path):
    # Each side reads its own copy: GDAL writes a .gfs next to the file it reads.
    ours_path = Path(shutil.copy(PLAN, tmp_path / "ours.gml"))
    peer_dir = tmp_path / "peer"
    peer_dir.mkdir()
    peer_path = Path(shutil.copy(PLAN, peer_dir / "peer.gml"))

    times = {"ours": [], "ogr2ogr": []}
    for round_ in range(REPEAT + 1):
        ours, peer = _ours(ours_path), _peer(peer_path)
        ours_counts, peer_counts = _ours_clean(), _peer_clean()
        assert ours_counts == peer_counts, (ours_counts, peer_counts)
        if round_:
            times["ours"].append(ours)
            times["ogr2ogr"].append(peer)

    features = sum(ours_counts.values())
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"\nBENCH xplangml-import: {features} areas of {len(CLASSES)} classes of a real FNP "
        f"(XPlanGML 5.1, {PLAN.stat().st_size // 1024} KiB), median of {REPEAT} interleaved "
        "runs after a warm-up; ogr2ogr -f PostgreSQL -t_srs EPSG:4326 per class"
    )
    report("xplangml-import", **medians)
    print(f"BENCH xplangml-import ratio ours/ogr2ogr (target <= 1.5x): "
          f"{medians['ours'] / medians['ogr2ogr']:.2f}x")  # fmt: skip

"""QGIS itself as the client: headless QGIS (Debian's python3-qgis, installed by
`scripts/bootstrap --dev`) opens every OGC API Features collection of proposals and every
layer of the GeoPackage exports, and draws exactly the features the database holds.

QGIS types an OGC API layer from its first feature and shows only features of that type,
so a mixed collection is where it used to draw a third of the proposals: the per-kind
collections and GeoPackage layers must each be complete. QGIS runs under the system Python
in a child process (its bindings are built for it), with QT_QPA_PLATFORM=offscreen. Skipped
where python3-qgis is not installed.
"""

import json
import os
import subprocess

import pytest

from tests.publishing.mixed_data import COUNTS, mixed_proposals, precise_layer

from .test_export import download

SYSTEM_PYTHON = "/usr/bin/python3"


def _qgis_installed() -> bool:
    try:
        probe = [SYSTEM_PYTHON, "-c", "import qgis.core"]
        return subprocess.run(probe, capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


pytestmark = pytest.mark.skipif(not _qgis_installed(), reason="python3-qgis is not installed")

# Prints {layer name: [valid, geometry type name, feature count]} for each (name, uri,
# provider) given as JSON; a layer QGIS cannot open is reported as not valid.
_QGIS_COUNT = """
import json, os, sys
from qgis.core import QgsApplication, QgsVectorLayer, QgsWkbTypes
app = QgsApplication([], False)
app.initQgis()
found = {}
for name, uri, provider in json.loads(sys.argv[1]):
    layer = QgsVectorLayer(uri, name, provider)
    count = sum(1 for _ in layer.getFeatures()) if layer.isValid() else -1
    kind = QgsWkbTypes.displayString(layer.wkbType()) if layer.isValid() else ""
    found[name] = [layer.isValid(), kind, count]
print(json.dumps(found), flush=True)
os._exit(0)  # QGIS 3.22 may crash while tearing down offscreen; the answer is out
"""


def qgis_counts(layers: list[tuple[str, str, str]]) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NO_PROXY": "*", "no_proxy": "*"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [SYSTEM_PYTHON, "-c", _QGIS_COUNT, json.dumps(layers)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def mixed(transactional_db):
    proposals = mixed_proposals()
    precise_layer()
    return proposals


EXPECTED_TYPES = {"points": "MultiPoint", "lines": "MultiLineString", "areas": "MultiPolygon"}


def test_qgis_draws_every_proposal_of_each_ogc_collection(live_server, mixed):
    base = f"{live_server.url}/ogc"
    layers = [
        (f"proposals-{kind}", f"url='{base}' typename='proposals-{kind}'", "OAPIF")
        for kind in COUNTS
    ]

    found = qgis_counts(layers)

    for kind, expected in COUNTS.items():
        valid, geometry_type, count = found[f"proposals-{kind}"]
        assert valid, found
        assert count == expected, found
        assert geometry_type == EXPECTED_TYPES[kind], found


def test_qgis_draws_every_proposal_of_each_geopackage_layer(client, mixed, tmp_path):
    path = download(client, "/api/export/proposals.gpkg", tmp_path)
    layers = [(f"proposals_{kind}", f"{path}|layername=proposals_{kind}", "ogr") for kind in COUNTS]

    found = qgis_counts(layers)

    for kind, expected in COUNTS.items():
        valid, geometry_type, count = found[f"proposals_{kind}"]
        assert valid and count == expected, found
        assert geometry_type == EXPECTED_TYPES[kind], found

"""OGC API Features round trip with GDAL's own OAPIF driver as the client (as QGIS would)."""

import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from django.db.models import F

from proposals.models import Proposal, Status
from publishing.geometry_kinds import Dimension
from tests.layers.planner_data import proposal_at, zoning_layer
from tests.publishing.mixed_data import COUNTS, PRECISE, mixed_proposals, precise_layer

# GDAL must talk to the live server directly, never through a proxy or the network.
GDAL_ENV = {**os.environ, "NO_PROXY": "*", "no_proxy": "*", "GDAL_HTTP_TIMEOUT": "20"}


TYPES = {"points": "MultiPoint", "lines": "MultiLineString", "areas": "MultiPolygon"}
GDAL_TYPES = {"points": "Multi Point", "lines": "Multi Line String", "areas": "Multi Polygon"}


# pyogrio's bundled GDAL (newer than the system's), in a child process: inside the test
# process its blocking reads would starve the live server's thread.
_PYOGRIO_READ = """
import json, sys
import pyogrio, pyogrio.raw, shapely
source, layer = sys.argv[1:]
info = pyogrio.read_info(source, layer=layer)
geometries = pyogrio.raw.read(source, layer=layer)[2]
first = shapely.from_wkb(geometries[0]) if len(geometries) else None
coordinates = shapely.get_coordinates(first).tolist()[0] if first is not None else None
print(json.dumps({"type": info["geometry_type"], "count": len(geometries), "first": coordinates}))
"""


def pyogrio_read(source: str, layer: str) -> dict:
    """{"type", "count", "first": the first vertex of the first feature} as GDAL read them."""
    result = subprocess.run(
        [sys.executable, "-c", _PYOGRIO_READ, source, layer],
        capture_output=True,
        text=True,
        env=GDAL_ENV,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ogrinfo(*args: str) -> str:
    result = subprocess.run(
        ["ogrinfo", "-ro", *args], capture_output=True, text=True, env=GDAL_ENV, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def published(transactional_db):
    zoning_layer()
    return [proposal_at(12.30 + i / 1000, 51.31, title=f"Idee {i}") for i in range(7)]


def test_ogrinfo_lists_the_collections(live_server, published):
    listing = ogrinfo("-so", f"OAPIF:{live_server.url}/ogc/")
    assert "1: proposals" in listing
    assert "5: zoning" in listing  # after proposals-points, -lines, -areas


def test_ogrinfo_reads_every_proposal_across_pages(live_server, published):
    # PAGE_SIZE=3 makes GDAL follow the `next` links twice.
    out = ogrinfo("-oo", "PAGE_SIZE=3", f"OAPIF:{live_server.url}/ogc/", "proposals")
    assert out.count("OGRFeature(proposals)") == 7
    assert "Feature Count: 7" in out
    assert "title (String) = Idee 6" in out
    assert "compatibility (String) = unknown" in out
    assert f"OGRFeature(proposals):{published[0].pk}" in out


def test_ogrinfo_reads_a_layer_with_its_attributes_and_extent(live_server, published):
    out = ogrinfo("-so", f"OAPIF:{live_server.url}/ogc/", "zoning")
    assert "Feature Count: 2" in out
    assert "Extent: (12.300000, 51.300000) - (12.450000, 51.400000)" in out
    assert "zone: String" in out


def test_ogrinfo_spatial_filter_is_answered_by_the_server(live_server, published):
    out = ogrinfo(
        f"OAPIF:{live_server.url}/ogc/", "proposals", "-spat", "12.299", "51.30", "12.3015", "51.32"
    )
    assert out.count("OGRFeature(proposals)") == 2


@pytest.fixture
def mixed(transactional_db):
    proposals = mixed_proposals()
    precise_layer()
    return proposals


def _count_by_kind() -> dict:
    """The database's active proposals per geometry kind (ST_Dimension 0, 1, 2)."""
    rows = Proposal.objects.filter(status=Status.ACTIVE).annotate(d=Dimension(F("geom")))
    found = Counter(rows.values_list("d", flat=True))
    return {"points": found[0], "lines": found[1], "areas": found[2]}


@pytest.mark.parametrize("kind", ["points", "lines", "areas"])
def test_ogrinfo_reads_every_feature_of_each_kind(live_server, mixed, kind):
    expected = _count_by_kind()[kind]
    assert expected == COUNTS[kind]
    # The system GDAL (3.6, as Debian 12 ships), with its default page size, through /ogc.
    out = ogrinfo(f"OAPIF:{live_server.url}/ogc", f"proposals-{kind}")
    assert out.count(f"OGRFeature(proposals-{kind})") == expected
    assert f"Feature Count: {expected}" in out
    assert f"Geometry: {GDAL_TYPES[kind]}" in out


@pytest.mark.parametrize("kind", ["points", "lines", "areas"])
def test_pyogrio_reads_every_feature_of_each_kind(live_server, mixed, kind):
    found = pyogrio_read(f"OAPIF:{live_server.url}/ogc/", f"proposals-{kind}")
    assert found["type"] == TYPES[kind]
    assert found["count"] == _count_by_kind()[kind]


def test_ogrinfo_opens_ogc_without_its_slash(live_server, mixed):
    listing = ogrinfo("-so", f"OAPIF:{live_server.url}/ogc")
    for line in ("1: proposals", "2: proposals-points", "3: proposals-lines", "4: proposals-areas"):
        assert line in listing


def test_gdal_reads_layer_vertices_at_full_precision(live_server, mixed):
    found = pyogrio_read(f"OAPIF:{live_server.url}/ogc/", "parcels")
    assert tuple(found["first"]) == PRECISE


def _fetched(command: list[str]) -> list[str]:
    """The URLs GDAL fetched (from its debug output)."""
    env = {**GDAL_ENV, "CPL_DEBUG": "ON"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if "Fetch(" in line and "/items" in line]


def test_gdal_pages_by_a_thousand(live_server, published):
    source = f"OAPIF:{live_server.url}/ogc/"
    # GDAL 3.6 asks for 10 unless told: the README's -oo PAGE_SIZE=1000.
    told = _fetched(["ogrinfo", "-ro", "-oo", "PAGE_SIZE=1000", source, "proposals"])
    assert told and all("limit=1000" in line for line in told)
    # Newer GDAL (pyogrio's) reads the limit advertised in /ogc/api by itself.
    code = "import sys, pyogrio.raw; pyogrio.raw.read(sys.argv[1], layer='proposals')"
    by_itself = _fetched([sys.executable, "-c", code, source])
    assert any("limit=1000" in line for line in by_itself)

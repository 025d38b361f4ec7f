"""OGC API Features round trip with GDAL's own OAPIF driver as the client (as QGIS would)."""

import os
import subprocess

import pytest

from tests.layers.planner_data import proposal_at, zoning_layer

# GDAL must talk to the live server directly, never through a proxy or the network.
GDAL_ENV = {**os.environ, "NO_PROXY": "*", "no_proxy": "*", "GDAL_HTTP_TIMEOUT": "20"}


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

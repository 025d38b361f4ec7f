"""Builders of small GIS files for the layer tests (real files, written with pyogrio).

Coordinates are in EPSG:25833 (metres) around the demo city's centre, so shares and
areas can be computed by hand: `square(0, 0, 100)` is a 100 m square at the origin.
"""

import io
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyproj
import shapely

from tests.factories import CITY_CENTRE

UTM = 25833
_to_utm = pyproj.Transformer.from_crs(4326, UTM, always_xy=True)
_to_lonlat = pyproj.Transformer.from_crs(UTM, 4326, always_xy=True)
ORIGIN = tuple(round(v) for v in _to_utm.transform(*CITY_CENTRE))  # (x, y) metres


def square(x: float, y: float, size: float) -> shapely.Polygon:
    """A square with its lower-left corner at (x, y) metres from ORIGIN."""
    x0, y0 = ORIGIN[0] + x, ORIGIN[1] + y
    return shapely.box(x0, y0, x0 + size, y0 + size)


def at(x: float, y: float) -> tuple[float, float]:
    return (ORIGIN[0] + x, ORIGIN[1] + y)


def to_lonlat(geom):
    """A shapely geometry in EPSG:25833 as a GEOS geometry in EPSG:4326."""
    from django.contrib.gis.geos import GEOSGeometry

    lonlat = shapely.transform(
        geom, lambda c: np.column_stack(_to_lonlat.transform(c[:, 0], c[:, 1]))
    )
    return GEOSGeometry(lonlat.wkt, srid=4326)


def frame(rows: list[dict], crs=UTM) -> gpd.GeoDataFrame:
    geometry = [row.pop("geometry") for row in rows]
    return gpd.GeoDataFrame(rows, geometry=geometry, crs=crs)


def zones_frame() -> gpd.GeoDataFrame:
    """Two zones side by side: WA on [0,100]x[0,100], GE on [100,200]x[0,100]."""
    return frame(
        [
            {"zone": "WA", "label": "Residential", "geometry": square(0, 0, 100)},
            {"zone": "GE", "label": "Commercial", "geometry": square(100, 0, 100)},
        ]
    )


def write_gpkg(path: Path, frames: dict[str, gpd.GeoDataFrame]) -> Path:
    for layer, gdf in frames.items():
        gdf.to_file(path, layer=layer, driver="GPKG")
    return path


def write_geojson(path: Path, gdf: gpd.GeoDataFrame) -> Path:
    gdf.to_crs(4326).to_file(path, driver="GeoJSON")
    return path


def shapefile_parts(tmp: Path, gdf: gpd.GeoDataFrame, stem: str = "zones") -> dict[str, bytes]:
    """{file name: bytes} of a Shapefile written by GDAL."""
    folder = tmp / f"shp-{stem}"
    folder.mkdir(exist_ok=True)
    gdf.to_file(folder / f"{stem}.shp", driver="ESRI Shapefile")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def write_zip(path: Path, entries: dict[str, bytes], **kwargs) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, **kwargs) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()

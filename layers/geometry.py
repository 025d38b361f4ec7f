"""Pure geometry work of the importer: arrays of WKB in, arrays of clean geometries out.

No Django here. `clean_batch` reprojects to EPSG:4326 (lon/lat), repairs invalid
geometries with make_valid, keeps the part of the expected dimension, promotes to the
multi form and says, per feature, what it did or why it refused the feature.
"""

from dataclasses import dataclass, field

import numpy as np
import pyproj
import shapely
from pyproj.network import set_network_enabled

set_network_enabled(False)  # PROJ must never fetch grids from the network

POLYGONAL = 2
_MULTI = {0: shapely.MultiPoint, 1: shapely.MultiLineString, 2: shapely.MultiPolygon}
_DIMENSION_NAME = {0: "a point", 1: "a line", 2: "an area"}


@dataclass
class CleanBatch:
    geoms: np.ndarray  # shapely geometries (multi form, EPSG:4326) of the kept features
    kept: np.ndarray  # indexes into the batch of the kept features
    repaired: list[tuple[int, str]] = field(default_factory=list)  # (index, reason)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (index, reason)


def transformer_to_wgs84(source_crs: str) -> pyproj.Transformer | None:
    """A lon/lat transformer from the source CRS, or None when it already is WGS 84."""
    crs = pyproj.CRS.from_user_input(source_crs)
    if crs.equals(pyproj.CRS.from_epsg(4326), ignore_axis_order=True):
        return None
    return pyproj.Transformer.from_crs(crs, 4326, always_xy=True)


def _reproject(geoms: np.ndarray, transformer: pyproj.Transformer | None) -> np.ndarray:
    if transformer is None:
        return geoms

    def forward(coords):
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, forward)


def _part_of_dimension(geom, dimension: int):
    """The part of geom with the given dimension (make_valid may return collections)."""
    if geom is None or geom.is_empty:
        return None
    if shapely.get_dimensions(geom) == dimension and geom.geom_type != "GeometryCollection":
        return geom
    parts = [
        part
        for part in shapely.get_parts(geom)
        if shapely.get_dimensions(part) == dimension and not part.is_empty
    ]
    parts = [p for sub in parts for p in shapely.get_parts(sub)]  # flatten multi parts
    return _MULTI[dimension](parts) if parts else None


def _to_multi(geoms: np.ndarray) -> np.ndarray:
    types = shapely.get_type_id(geoms)
    out = geoms.copy()
    for single, multi in ((0, shapely.multipoints), (1, shapely.multilinestrings)):
        mask = types == single
        if mask.any():
            out[mask] = [multi([g]) for g in geoms[mask]]
    mask = types == 3  # Polygon
    if mask.any():
        out[mask] = [shapely.MultiPolygon([g]) for g in geoms[mask]]
    return out


def clean_batch(
    wkb: np.ndarray, *, transformer: pyproj.Transformer | None, polygons_only: bool
) -> CleanBatch:
    """Read, reproject, repair and promote one batch of WKB geometries."""
    geoms = shapely.from_wkb(wkb, on_invalid="ignore")
    refused: dict[int, str] = {}
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    for i in np.flatnonzero(missing):
        refused[int(i)] = "no geometry (empty or unreadable)"

    present = np.flatnonzero(~missing)
    geoms = geoms.copy()
    geoms[present] = _reproject(geoms[present], transformer)

    coords, index = shapely.get_coordinates(geoms[present], return_index=True)
    bad = np.unique(index[~np.isfinite(coords).all(axis=1)])
    for i in present[bad]:
        refused[int(i)] = "coordinates that are not finite numbers (or outside the CRS)"

    ok = np.ones(len(geoms), dtype=bool)
    ok[list(refused)] = False
    dims = np.full(len(geoms), -1)
    dims[ok] = shapely.get_dimensions(geoms[ok])
    types = shapely.get_type_id(geoms)
    for i in np.flatnonzero(ok & (types == 7)):
        refused[int(i)] = "a geometry collection (mixed types)"
    if polygons_only:
        for i in np.flatnonzero(ok & (types != 7) & (dims != POLYGONAL)):
            refused[int(i)] = f"{_DIMENSION_NAME.get(int(dims[i]), 'a geometry')}, not an area"
    ok[list(refused)] = False

    repaired: list[tuple[int, str]] = []
    invalid = np.flatnonzero(ok)[~shapely.is_valid(geoms[ok])]
    for i in invalid.tolist():
        reason = shapely.is_valid_reason(geoms[i])
        fixed = _part_of_dimension(shapely.make_valid(geoms[i]), int(dims[i]))
        if fixed is None:
            refused[i] = f"invalid ({reason}) and nothing is left after repair"
            ok[i] = False
            continue
        geoms[i] = fixed
        repaired.append((i, reason))

    kept = np.flatnonzero(ok)
    out = _to_multi(geoms[kept]) if len(kept) else np.array([], dtype=object)
    return CleanBatch(
        geoms=out, kept=kept, repaired=repaired, refused=sorted(refused.items(), key=lambda r: r[0])
    )

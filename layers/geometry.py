"""Pure geometry work of the importer: arrays of WKB in, arrays of clean geometries out.

No Django here. `clean_batch` reprojects to EPSG:4326 (lon/lat), repairs invalid
geometries with make_valid, keeps the part of the expected dimension, promotes to the
multi form and says, per feature, what it did or why it refused the feature.
"""

import functools
from dataclasses import dataclass, field

import numpy as np
import pyproj
import shapely
from pyproj.network import set_network_enabled

set_network_enabled(False)  # PROJ must never fetch grids from the network

POLYGONAL = 2
_MULTI = {0: shapely.MultiPoint, 1: shapely.MultiLineString, 2: shapely.MultiPolygon}
_DIMENSION_NAME = {0: "a point", 1: "a line", 2: "an area"}


NOT_FINITE = "coordinates that are not finite numbers (or outside the CRS)"
OUTSIDE_WORLD = "coordinates outside longitude -180..180 / latitude -90..90 (is the CRS right?)"


@dataclass
class CleanBatch:
    geoms: np.ndarray  # shapely geometries of the kept features
    ewkb: list[bytes]  # their EWKB with SRID, in multi form
    kept: np.ndarray  # indexes into the batch of the kept features
    repaired: list[tuple[int, str]] = field(default_factory=list)  # (index, reason)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (index, reason)


def transformer_to_wgs84(source_crs: str) -> pyproj.Transformer | None:
    """A lon/lat transformer from the source CRS, or None when it already is WGS 84."""
    crs = pyproj.CRS.from_user_input(source_crs)
    if crs.equals(pyproj.CRS.from_epsg(4326), ignore_axis_order=True):
        return None
    return pyproj.Transformer.from_crs(crs, 4326, always_xy=True)


def _reproject(geoms: np.ndarray, transformer: pyproj.Transformer) -> tuple[np.ndarray, np.ndarray]:
    """Reprojected geometries, and a mask of those whose coordinates are all finite."""
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    x, y = transformer.transform(coords[:, 0], coords[:, 1])
    moved = np.column_stack([x, y])
    finite = np.ones(len(geoms), dtype=bool)
    finite[np.unique(index[~np.isfinite(moved).all(axis=1)])] = False
    return shapely.set_coordinates(geoms.copy(), moved), finite


@functools.lru_cache(maxsize=16)
def _epsg_to_wgs84(srid: int) -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(srid, 4326, always_xy=True)


def _off_the_globe(geoms: np.ndarray, srid: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the geometries whose bounding box, in lon/lat, is not finite or reaches
    beyond -180..180 / -90..90. `srid` None or 4326: the geometries are lon/lat already;
    another EPSG code: only the four corners of each box are reprojected (cheap)."""
    minx, miny, maxx, maxy = shapely.bounds(geoms).T
    if srid not in (None, 4326):
        xs = np.concatenate([minx, minx, maxx, maxx])
        ys = np.concatenate([miny, maxy, miny, maxy])
        with np.errstate(invalid="ignore"):
            lon, lat = (
                np.asarray(v).reshape(4, -1) for v in _epsg_to_wgs84(srid).transform(xs, ys)
            )
        finite = np.isfinite(lon).all(axis=0) & np.isfinite(lat).all(axis=0)
        with np.errstate(invalid="ignore"):
            minx, maxx, miny, maxy = lon.min(0), lon.max(0), lat.min(0), lat.max(0)
        not_finite = ~finite
    else:  # NaN in lon/lat is left to the validity check below (NOT_FINITE)
        not_finite = np.zeros(len(geoms), dtype=bool)
    with np.errstate(invalid="ignore"):
        off = (minx < -180) | (maxx > 180) | (miny < -90) | (maxy > 90)
    return not_finite, off & ~not_finite


def _ewkb_head(head: bytes, srid: int) -> tuple[bytes, int] | None:
    """For a WKB header (byte order + type), the EWKB prefix in multi form with the SRID
    and how many bytes of the WKB it replaces; None when it cannot be rewritten."""
    if head[0] != 1:
        return None
    kind = int.from_bytes(head[1:5], "little")
    if kind not in (1, 2, 3, 4, 5, 6):
        return None
    prefix = b"\x01" + (0x20000000 | (kind + 3 if kind <= 3 else kind)).to_bytes(4, "little")
    prefix += srid.to_bytes(4, "little")
    if kind <= 3:
        return prefix + b"\x01\x00\x00\x00", 0  # a multi of one, around the whole WKB
    return prefix, 5


def ewkb_multi(wkbs: list[bytes], srid: int = 4326) -> list[bytes | None]:
    """The EWKB (with SRID, multi form) of unchanged little-endian 2D WKB geometries, by
    rewriting their headers (one rewrite per distinct header): much cheaper than decoding
    and encoding them again. None for those that need re-encoding."""
    heads: dict[bytes, tuple[bytes, int] | None] = {}
    out = []
    for wkb in wkbs:
        key = wkb[:5]
        if key not in heads:
            heads[key] = _ewkb_head(key, srid) if len(key) == 5 else None
        head = heads[key]
        if head is None:
            out.append(None)
        elif head[1]:
            out.append(head[0] + wkb[5:])
        else:
            out.append(head[0] + wkb)
    return out


def count_outside(geoms: np.ndarray, bbox: tuple[float, float, float, float]) -> int:
    """How many geometries' bounding boxes do not reach into bbox (minx, miny, maxx, maxy)."""
    if len(geoms) == 0:
        return 0
    minx, miny, maxx, maxy = shapely.bounds(geoms).T
    outside = (maxx < bbox[0]) | (minx > bbox[2]) | (maxy < bbox[1]) | (miny > bbox[3])
    return int(outside.sum())


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
    """Each single geometry wrapped in its multi form (vectorised: one GEOS call per type)."""
    types = shapely.get_type_id(geoms)
    out = geoms.copy()
    for single, multi in ((0, shapely.multipoints), (1, shapely.multilinestrings)):
        mask = types == single
        if mask.any():
            out[mask] = multi(geoms[mask], indices=np.arange(mask.sum()))
    mask = types == 3  # Polygon
    if mask.any():
        out[mask] = shapely.multipolygons(geoms[mask], indices=np.arange(mask.sum()))
    return out


def _refuse_at(refused: dict[int, str], indexes, reason: str, *, first: bool = False) -> None:
    """Record `reason` for each index; with `first`, keep a reason already recorded."""
    for i in np.asarray(indexes).tolist():
        if first:
            refused.setdefault(i, reason)
        else:
            refused[i] = reason


def _reproject_ok(geoms, ok, transformer, refused) -> np.ndarray:
    """The batch with the readable geometries reprojected to lon/lat; those whose
    coordinates do not survive are refused."""
    geoms = geoms.copy()
    geoms[ok], finite = _reproject(geoms[ok], transformer)
    _refuse_at(refused, np.flatnonzero(ok)[~finite], NOT_FINITE)
    return geoms


def _refuse_off_globe(geoms, ok, srid: int | None, refused) -> None:
    """Refuse what lies off the globe: PostGIS would store it (EPSG:4326) or fail the
    whole import in ST_Transform ("Point outside of projection domain")."""
    not_finite, off_globe = _off_the_globe(geoms[ok], srid)
    _refuse_at(refused, np.flatnonzero(ok)[not_finite], NOT_FINITE, first=True)
    _refuse_at(refused, np.flatnonzero(ok)[off_globe], OUTSIDE_WORLD, first=True)


def _refuse_wrong_type(geoms, ok, polygons_only: bool, refused) -> np.ndarray:
    """Refuse collections of mixed types, and what is not an area in a polygon layer;
    return the dimension of each geometry (-1 for those not ok)."""
    dims = np.full(len(geoms), -1)
    dims[ok] = shapely.get_dimensions(geoms[ok])
    types = shapely.get_type_id(geoms)
    _refuse_at(refused, np.flatnonzero(ok & (types == 7)), "a geometry collection (mixed types)")
    if polygons_only:
        for i in np.flatnonzero(ok & (types != 7) & (dims != POLYGONAL)).tolist():
            refused[i] = f"{_DIMENSION_NAME.get(int(dims[i]), 'a geometry')}, not an area"
    return dims


def _repair_invalid(geoms, ok, dims, changed, refused) -> list[tuple[int, str]]:
    """Repair invalid geometries in place with make_valid, keeping the part of their
    dimension; refuse those with bad coordinates or nothing left. Returns the repairs."""
    repaired: list[tuple[int, str]] = []
    invalid = np.flatnonzero(ok)[~shapely.is_valid(geoms[ok])]
    for i in invalid.tolist():
        reason = shapely.is_valid_reason(geoms[i])
        if reason.startswith("Invalid Coordinate"):
            refused[i], ok[i] = NOT_FINITE, False
            continue
        fixed = _part_of_dimension(shapely.make_valid(geoms[i]), int(dims[i]))
        if fixed is None:
            refused[i] = f"invalid ({reason}) and nothing is left after repair"
            ok[i] = False
            continue
        geoms[i], changed[i] = fixed, True
        repaired.append((i, reason))
    return repaired


def _encode_kept(wkb, geoms, kept, changed, srid: int) -> list[bytes]:
    """EWKB in multi form of the kept geometries: unchanged ones by rewriting the header
    of their WKB as read, the others (and those it cannot rewrite) encoded by GEOS."""
    ewkb: list[bytes | None] = [None] * len(kept)
    same = np.flatnonzero(~changed[kept])
    for j, value in zip(same.tolist(), ewkb_multi(wkb[kept[same]].tolist(), srid), strict=True):
        ewkb[j] = value
    redo = [j for j, value in enumerate(ewkb) if value is None]
    if redo:
        multi = _to_multi(geoms[kept[redo]])
        encoded = shapely.to_wkb(shapely.set_srid(multi, srid), include_srid=True)
        for j, value in zip(redo, encoded, strict=True):
            ewkb[j] = value
    return ewkb


def clean_batch(
    wkb: np.ndarray,
    *,
    transformer: pyproj.Transformer | None,
    polygons_only: bool,
    srid: int = 4326,
) -> CleanBatch:
    """Read, reproject, repair and promote one batch of WKB geometries.

    Returns the kept geometries (shapely) and their EWKB in multi form, in EPSG:4326 when
    a transformer is given, else as read, tagged with `srid` (PostGIS reprojects them).
    Each step refuses features (index -> reason) and later steps see only those left.
    """
    geoms = shapely.from_wkb(wkb, on_invalid="ignore")
    refused: dict[int, str] = {}
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    _refuse_at(refused, np.flatnonzero(missing), "no geometry (empty or unreadable)")
    ok = ~missing
    changed = np.full(len(geoms), transformer is not None)
    if transformer is not None:
        geoms = _reproject_ok(geoms, ok, transformer, refused)
    _refuse_off_globe(geoms, ok, None if transformer is not None else srid, refused)
    ok[list(refused)] = False
    dims = _refuse_wrong_type(geoms, ok, polygons_only, refused)
    ok[list(refused)] = False
    repaired = _repair_invalid(geoms, ok, dims, changed, refused)
    kept = np.flatnonzero(ok)
    return CleanBatch(
        geoms=geoms[kept],
        ewkb=_encode_kept(wkb, geoms, kept, changed, srid),
        kept=kept,
        repaired=repaired,
        refused=sorted(refused.items(), key=lambda r: r[0]),
    )

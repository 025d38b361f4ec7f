"""Where a layer lands against the city, checked before anything is written.

A file in the wrong CRS imports without a single error: its features just lie hundreds of
kilometres away (a UTM 33 Shapefile read as UTM 32 lands about 400 km west). So before the
import, a sample of the layer's features is reprojected and compared with the city's
outline: the union of the authoritative district layer's areas, or CITY_BBOX when there is none.
When most of the sample lies outside, the usual mix-ups are tried on the same sample
(the neighbouring UTM zone, Gauss-Krüger zones 2-5, lon/lat, and x and y swapped) and
the ones that land in the city are named.

The sample is at most SAMPLE features read without attributes from a few places spread
over the file, so the check costs the same for 100 or 100,000 features.
"""

import functools
import math
from dataclasses import dataclass

import numpy as np
import pyogrio.raw
import pyproj
import shapely
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from .reading import gdal_path

SAMPLE = 2000
CHUNKS = 4  # places in the file the sample is read from
MOSTLY = 0.5  # a larger share outside the city refuses the layer unless confirmed
# Features this close to the outline count as inside: the check is after CRS mix-ups, which
# put data 200 km (neighbouring Gauss-Krüger zones) to thousands of km away, not after a
# district layer that reaches a little further than the previous one.
MARGIN_M = 5000
# The CRSs German offices deliver in; each is tried in place of the one given.
CANDIDATES = (25832, 25833, 31466, 31467, 31468, 31469, 4326, 3857)


@dataclass
class Outline:
    geom: shapely.Geometry  # in ANALYSIS_SRID
    source: str  # what the outline is: a district layer's name or the city bounds


def city_outline() -> Outline:
    """The city's outline in ANALYSIS_SRID: the union of the authoritative district layer
    (else the oldest done one: a new upload never takes over by itself), else CITY_BBOX."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT l.name, ST_AsBinary(ST_UnaryUnion(ST_Collect(
                   ST_Transform(f.geom, %s))))
               FROM layers_layer l JOIN layers_feature f ON f.layer_id = l.id
               WHERE l.id = (SELECT id FROM layers_layer WHERE kind = 'district'
                             AND state = 'done'
                             ORDER BY authoritative DESC, finished_at NULLS LAST, id
                             LIMIT 1)
               GROUP BY l.name""",
            [settings.ANALYSIS_SRID],
        )
        row = cursor.fetchone()
    if row and row[1]:
        return Outline(shapely.from_wkb(bytes(row[1])), row[0])
    to_analysis = pyproj.Transformer.from_crs(4326, settings.ANALYSIS_SRID, always_xy=True)
    bbox = shapely.box(*settings.CITY_BBOX).segmentize(0.01)
    return Outline(
        shapely.transform(bbox, lambda c: np.column_stack(to_analysis.transform(c[:, 0], c[:, 1]))),
        "",
    )


def sample_points(dataset, layer: str, count: int, driver: str | None = None) -> np.ndarray:
    """The centres of the bounding boxes of at most SAMPLE features, as an (n, 2) array in
    the file's coordinates."""
    size = max(SAMPLE // CHUNKS, 1)
    starts = sorted({int(i * max(count - size, 0) / max(CHUNKS - 1, 1)) for i in range(CHUNKS)})
    centres = []
    for skip in starts:
        _meta, _fids, wkb, _fields = pyogrio.raw.read(
            gdal_path(dataset, driver),
            layer=layer,
            columns=[],
            skip_features=skip,
            max_features=size,
        )
        if wkb is None or not len(wkb):
            continue
        bounds = shapely.bounds(shapely.from_wkb(wkb))
        half = bounds / 2  # halves first: the sum of two huge coordinates may overflow
        centres.append(np.column_stack([half[:, 0] + half[:, 2], half[:, 1] + half[:, 3]]))
        if count <= size:
            break
    if not centres:
        return np.empty((0, 2))
    points = np.concatenate(centres)
    return points[np.isfinite(points).all(axis=1)]


@functools.lru_cache(maxsize=64)
def _to_analysis(crs_text: str, analysis_srid: int) -> pyproj.Transformer:
    """Transformers by CRS: building one costs ~15 ms, and the mix-up search tries about 18."""
    return pyproj.Transformer.from_crs(crs_text, analysis_srid, always_xy=True)


def _in_analysis(points: np.ndarray, crs, swap: bool = False) -> np.ndarray:
    x, y = (points[:, 1], points[:, 0]) if swap else (points[:, 0], points[:, 1])
    crs_text = crs.to_wkt() if isinstance(crs, pyproj.CRS) else str(crs)
    to_analysis = _to_analysis(crs_text, settings.ANALYSIS_SRID)
    with np.errstate(all="ignore"):
        ax, ay = to_analysis.transform(x, y, errcheck=False)
    return np.column_stack([ax, ay])


def _share_outside(projected: np.ndarray, outline: shapely.Geometry) -> float:
    if not len(projected):
        return 0.0
    finite = np.isfinite(projected).all(axis=1)
    inside = np.zeros(len(projected), dtype=bool)
    if finite.any():
        inside[finite] = shapely.contains_xy(outline, projected[finite, 0], projected[finite, 1])
    return float(1 - inside.mean())


DIRECTIONS = (
    "east",
    "north-east",
    "north",
    "north-west",
    "west",
    "south-west",
    "south",
    "south-east",
)


def _where(projected: np.ndarray, outline: shapely.Geometry) -> tuple[float | None, str]:
    """Distance (km) from the outline to the sample's median point, and its direction."""
    finite = projected[np.isfinite(projected).all(axis=1)]
    if not len(finite):
        return None, ""
    x, y = np.median(finite, axis=0)
    distance = outline.distance(shapely.Point(x, y)) / 1000
    centre = outline.centroid
    angle = math.degrees(math.atan2(y - centre.y, x - centre.x)) % 360
    return round(distance), DIRECTIONS[int((angle + 22.5) // 45) % 8]


def _label(epsg: int) -> str:
    return f"EPSG:{epsg}"


def fitting_alternatives(points: np.ndarray, crs: str, outline: shapely.Geometry) -> list[dict]:
    """The usual mix-ups that would put most of the sample inside the city."""
    given = pyproj.CRS.from_user_input(crs)
    tries = [{"srid": None, "swap": True, "crs": given}]
    tries += [
        {"srid": epsg, "swap": swap, "crs": pyproj.CRS.from_epsg(epsg)}
        for swap in (False, True)
        for epsg in CANDIDATES
        if epsg != given.to_epsg()
    ]
    fits = []
    for attempt in tries:
        try:
            projected = _in_analysis(points, attempt["crs"], swap=attempt["swap"])
        except pyproj.exceptions.ProjError:
            continue
        if _share_outside(projected, outline) < MOSTLY:
            fits.append({"srid": attempt["srid"], "swap_axes": attempt["swap"]})
    return fits


def check(*, dataset, layer: str, count: int, crs: str, driver: str | None = None) -> dict:
    """Where the layer lands: the sampled share outside the city, how far and which way,
    and (when most lies outside) the CRS mix-ups that would fit."""
    points = sample_points(dataset, layer, count, driver)
    outline = city_outline()
    area = shapely.buffer(outline.geom, MARGIN_M, quad_segs=2)
    shapely.prepare(area)
    projected = _in_analysis(points, crs)
    # Coordinates the CRS cannot reproject at all are refused feature by feature by the
    # import (with that reason); the check is about the ones that land somewhere.
    finite = np.isfinite(projected).all(axis=1)
    points, projected = points[finite], projected[finite]
    share = _share_outside(projected, area)
    result = {
        "sampled": len(points),
        "outside_share": round(share, 3),
        "outline": outline.source,
        "distance_km": None,
        "direction": "",
        "fits": [],
    }
    if share > MOSTLY:
        result["distance_km"], result["direction"] = _where(projected, outline.geom)
        result["fits"] = fitting_alternatives(points, crs, area)
    return result


def mostly_outside(result: dict) -> bool:
    return result["sampled"] > 0 and result["outside_share"] > MOSTLY


def _direction_word(direction: str) -> str:
    words = {
        "east": _("east"),
        "north-east": _("north-east"),
        "north": _("north"),
        "north-west": _("north-west"),
        "west": _("west"),
        "south-west": _("south-west"),
        "south": _("south"),
        "south-east": _("south-east"),
    }
    return words.get(direction, direction)


def _hint(fit: dict) -> str:
    if fit["srid"] is None:
        return _("the coordinates fit if x and y are swapped — check the axis order of the file")
    if fit["swap_axes"]:
        return _(
            "the coordinates fit EPSG:%(srid)s with x and y swapped — check the axis order "
            "and the CRS of the file"
        ) % {"srid": fit["srid"]}
    return _("the coordinates fit EPSG:%(srid)s — did you mean source_srid=%(srid)s?") % {
        "srid": fit["srid"]
    }


def describe(result: dict) -> str:
    """The sentence a planner can act on, e.g. "92% of the features lie outside Leipzig,
    about 430 km west; the coordinates fit EPSG:25833 — did you mean source_srid=25833?"."""
    where = _("%(share)d%% of the features lie outside %(city)s") % {
        "share": round(result["outside_share"] * 100),
        "city": settings.CITY_NAME,
    }
    if result["distance_km"] is not None:
        where += ", " + _("about %(km)s km %(direction)s") % {
            "km": result["distance_km"],
            "direction": _direction_word(result["direction"]),
        }
    if result["fits"]:
        return f"{where}; {_hint(result['fits'][0])}"
    return where + "; " + _("check the coordinate reference system of the file (source_srid)")

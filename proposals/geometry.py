"""Validation of user-sent GeoJSON geometry at the boundary.

`geometry_from_geojson(obj)` turns a parsed GeoJSON geometry (a dict) into a GEOSGeometry
in EPSG:4326 (lon/lat) or raises django's ValidationError with a message a person can act on.
Every geometry a user sends goes through it: proposals, negotiation options.
"""

import math
import re
import threading
from numbers import Real

import shapely
import shapely.geometry
from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from shapely.errors import GEOSException

from . import hooks

ALLOWED_TYPES = (
    "Point",
    "LineString",
    "Polygon",
    "MultiPoint",
    "MultiLineString",
    "MultiPolygon",
)
# Nesting depth of "coordinates" for each type: 0 = a position, 1 = a list of positions...
DEPTH = {
    "Point": 0,
    "LineString": 1,
    "MultiPoint": 1,
    "Polygon": 2,
    "MultiLineString": 2,
    "MultiPolygon": 3,
}
# Names of WGS 84 in lon/lat order a client may put in a (pre-RFC 7946) `crs` member.
WGS84_NAMES = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "urn:ogc:def:crs:ogc::crs84",
    "http://www.opengis.net/def/crs/ogc/1.3/crs84",
    "epsg:4326",
    "urn:ogc:def:crs:epsg::4326",
    "http://www.opengis.net/def/crs/epsg/0/4326",
}
_REASON_LOCATION = re.compile(r"^(?P<reason>[^\[]+)\[(?P<x>\S+) (?P<y>\S+)(?: \S+)?\]$")


def geometry_from_geojson(obj) -> GEOSGeometry:
    """Validated GEOSGeometry (srid 4326, 2D) from a parsed GeoJSON geometry object."""
    geom_type = _check_type(obj)
    _check_crs(obj.get("crs"))
    coordinates = obj.get("coordinates")
    if coordinates is None or coordinates == []:
        raise _error(_("The geometry is empty: it has no coordinates."), "empty")
    counter = _VertexCounter()
    _check_coordinates(geom_type, coordinates, counter)
    try:
        shape = shapely.geometry.shape({"type": geom_type, "coordinates": coordinates})
    except (ValueError, TypeError, GEOSException) as exc:
        raise _error(
            _("The coordinates do not form a %(type)s: %(problem)s.")
            % {"type": geom_type, "problem": exc},
            "malformed",
        ) from exc
    shape = shapely.force_2d(shape)
    if shape.is_empty:
        raise _error(_("The geometry is empty: it has no coordinates."), "empty")
    _check_valid(shape)
    _check_in_city(shape)
    return GEOSGeometry(memoryview(shapely.to_wkb(shape)), srid=4326)


def _error(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _check_type(obj) -> str:
    if not isinstance(obj, dict):
        raise _error(_("The geometry must be a GeoJSON geometry object."), "not_an_object")
    geom_type = obj.get("type")
    if geom_type == "GeometryCollection":
        raise _error(
            _(
                "GeometryCollection is not accepted: send one Point, LineString or Polygon "
                "(or a MultiPoint, MultiLineString or MultiPolygon)."
            ),
            "geometry_collection",
        )
    if geom_type in ("Feature", "FeatureCollection"):
        raise _error(
            _("Expected a GeoJSON geometry, got a %(type)s.") % {"type": geom_type},
            "wrong_type",
        )
    if geom_type not in ALLOWED_TYPES:
        raise _error(
            _("Geometry type %(type)s is not accepted; use one of %(allowed)s.")
            % {"type": _describe(geom_type), "allowed": ", ".join(ALLOWED_TYPES)},
            "wrong_type",
        )
    return geom_type


def _describe(value) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "..."


def _check_crs(crs) -> None:
    if crs is None:
        return
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    name = name if isinstance(name, str) else ""
    if name.lower() not in WGS84_NAMES:
        raise _error(
            _(
                "The coordinate reference system %(crs)s is not accepted: send longitude/"
                "latitude in WGS 84 (EPSG:4326) and leave out the crs member."
            )
            % {"crs": _describe(name or crs)},
            "crs",
        )


class _VertexCounter:
    def __init__(self):
        self.count = 0
        self.limit = settings.GEOMETRY_MAX_VERTICES

    def add(self, n: int) -> None:
        self.count += n
        if self.count > self.limit:
            raise _error(
                _("The geometry has more than %(limit)s vertices; simplify it and try again.")
                % {"limit": f"{self.limit:,}"},
                "too_many_vertices",
            )


def _check_coordinates(geom_type: str, coordinates, counter: _VertexCounter) -> None:
    depth = DEPTH[geom_type]
    if depth == 0:
        _check_position(coordinates, _("the point"))
        counter.add(1)
    elif geom_type in ("LineString", "MultiPoint"):
        _check_positions(coordinates, geom_type, _("the geometry"), counter)
    elif geom_type == "Polygon":
        _check_polygon(coordinates, _("the polygon"), counter)
    elif geom_type == "MultiLineString":
        for i, line in enumerate(_as_list(coordinates, _("the geometry")), start=1):
            _check_positions(line, "LineString", _("line %(n)s") % {"n": i}, counter)
    else:  # MultiPolygon
        for i, polygon in enumerate(_as_list(coordinates, _("the geometry")), start=1):
            _check_polygon(polygon, _("polygon %(n)s") % {"n": i}, counter)


def _as_list(value, where: str) -> list:
    if not isinstance(value, list) or not value:
        raise _error(
            _("The coordinates of %(where)s must be a non-empty array.") % {"where": where},
            "malformed",
        )
    return value


def _check_positions(positions, geom_type: str, where: str, counter: _VertexCounter) -> None:
    positions = _as_list(positions, where)
    counter.add(len(positions))
    for position in positions:
        _check_position(position, where)
    if geom_type == "LineString" and len(positions) < 2:
        raise _error(
            _("A line needs at least 2 positions; %(where)s has %(n)s.")
            % {"where": where, "n": len(positions)},
            "too_few_positions",
        )


def _check_polygon(rings, where: str, counter: _VertexCounter) -> None:
    rings = _as_list(rings, where)
    for i, ring in enumerate(rings):
        if i == 0:
            ring_name = _("the outer ring of %(where)s") % {"where": where}
        else:
            ring_name = _("hole %(n)s of %(where)s") % {"n": i, "where": where}
        ring = _as_list(ring, ring_name)
        counter.add(len(ring))
        for position in ring:
            _check_position(position, ring_name)
        if len(ring) < 4:
            raise _error(
                _(
                    "A polygon ring needs at least 4 positions (the last repeating the first); "
                    "%(ring)s has %(n)s."
                )
                % {"ring": ring_name, "n": len(ring)},
                "too_few_positions",
            )
        if ring[0] != ring[-1]:
            raise _error(
                _(
                    "%(ring)s is not closed: its last position %(last)s must repeat its first "
                    "%(first)s."
                )
                % {"ring": _capitalise(ring_name), "first": ring[0], "last": ring[-1]},
                "ring_not_closed",
            )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check_position(position, where: str) -> None:
    if not isinstance(position, list) or len(position) not in (2, 3):
        raise _error(
            _(
                "Each position in %(where)s must be [longitude, latitude] "
                "(optionally with a height); got %(value)s."
            )
            % {"where": where, "value": _describe(position)},
            "malformed",
        )
    for number in position:
        if isinstance(number, bool) or not isinstance(number, Real):
            raise _error(
                _("Coordinates must be numbers; %(where)s contains %(value)s.")
                % {"where": where, "value": _describe(number)},
                "not_a_number",
            )
        try:
            finite = math.isfinite(number)
        except OverflowError:  # an integer too large for a float
            finite = False
        if not finite:
            raise _error(
                _(
                    "Coordinates must be finite numbers; %(where)s contains %(value)s "
                    "(NaN, Infinity or a number too large)."
                )
                % {"where": where, "value": number},
                "not_finite",
            )


def _check_valid(shape) -> None:
    reason = shapely.is_valid_reason(shape)
    if reason == "Valid Geometry":
        return
    match = _REASON_LOCATION.match(reason)
    if match:
        message = _(
            "The geometry is not valid: %(reason)s near longitude %(x)s, latitude %(y)s. "
            "Redraw it so that its edges do not cross or touch."
        ) % {
            "reason": match["reason"].strip().lower(),
            "x": _round(match["x"]),
            "y": _round(match["y"]),
        }
    else:
        message = _("The geometry is not valid: %(reason)s.") % {"reason": reason}
    raise _error(message, "invalid")


def claim_place_check(geom: GEOSGeometry) -> None:
    """A drawn claim lies inside the city outline (the union of the districts, when a district
    layer tells it: proposals.hooks.city_outline) and is no larger than a neighbourhood.
    Apart from geometry_from_geojson, which stays pure, because the outline is in the database."""
    outline = hooks.city_outline()
    if outline is not None and not _prepared(outline).covers(geom):
        message = _("It must lie inside one of the city's districts.")
        raise _error(f"{outside_city(geom.dims)} {message}", "outside_city")
    _check_size(geom)


def outside_city(dims: int) -> str:
    """The plain sentence for a drawing (of `dims` dimensions: 0 point, 1 line, 2 area)
    that leaves the city, naming the city."""
    city = {"city": settings.CITY_NAME}
    if dims == 0:
        return _("This point lies outside the city of %(city)s.") % city
    if dims == 1:
        return _("This line runs partly outside the city of %(city)s.") % city
    return _("This area reaches outside the city of %(city)s.") % city


_PREPARED: dict = {}


def _prepared(outline: GEOSGeometry):
    """The outline prepared for repeated tests, once per outline object: the provider keeps
    the same object while the district layers do not change, and preparing a city's
    outline costs more than the test itself."""
    cached = _PREPARED.get("outline")
    if cached is None or cached[0] is not outline:
        cached = _PREPARED["outline"] = (outline, outline.prepared)
    return cached[1]


_TRANSFORMS = threading.local()


def _to_analysis(source_srid: int, analysis_srid: int) -> CoordTransform:
    """GeoDjango builds a GDAL transformation per transform(srid) call (about 4 ms); this
    one is built once per pair of CRS and thread (a GDAL transformation is not shared
    between threads)."""
    built = _TRANSFORMS.__dict__.setdefault("built", {})
    key = (source_srid, analysis_srid)
    if key not in built:
        built[key] = CoordTransform(SpatialReference(source_srid), SpatialReference(analysis_srid))
    return built[key]


def _check_size(geom: GEOSGeometry) -> None:
    """Refuse a drawn claim larger than a neighbourhood (CLAIM_MAX_AREA_HA, CLAIM_MAX_EXTENT_M,
    measured in ANALYSIS_SRID), naming the district and city scopes as the alternative."""
    if geom.dims == 0:  # points have no size
        return
    projected = geom.transform(_to_analysis(geom.srid, settings.ANALYSIS_SRID), clone=True)
    area_ha = projected.area / 10_000
    x0, y0, x1, y1 = projected.extent
    extent_m = max(x1 - x0, y1 - y0)
    alternative = _(
        "If your proposal is about a whole district or the whole city, choose that scope "
        "instead of drawing it."
    )
    if area_ha > settings.CLAIM_MAX_AREA_HA:
        message = _("This area covers %(area)s ha; a drawn pin may cover at most %(limit)s ha.") % {
            "area": _number(area_ha),
            "limit": _number(settings.CLAIM_MAX_AREA_HA),
        }
    elif extent_m > settings.CLAIM_MAX_EXTENT_M:
        message = _(
            "This shape stretches over %(extent)s m; a drawn pin may span at most %(limit)s m."
        ) % {"extent": _number(extent_m), "limit": _number(settings.CLAIM_MAX_EXTENT_M)}
    else:
        return
    raise _error(f"{message} {alternative}", "too_large")


def _number(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")


def _round(number: str) -> str:
    try:
        return f"{float(number):.6f}".rstrip("0").rstrip(".")
    except ValueError:
        return number


def _check_in_city(shape) -> None:
    minlon, minlat, maxlon, maxlat = settings.CITY_BBOX
    x0, y0, x1, y1 = shape.bounds
    if minlon <= x0 and x1 <= maxlon and minlat <= y0 and y1 <= maxlat:
        return
    dims = {"Point": 0, "LineString": 1}.get(shape.geom_type.removeprefix("Multi"), 2)
    ranges = _(
        "Coordinates must be longitude %(minlon)s to %(maxlon)s and latitude %(minlat)s to "
        "%(maxlat)s (WGS 84)."
    ) % {"minlon": minlon, "maxlon": maxlon, "minlat": minlat, "maxlat": maxlat}
    message = f"{outside_city(dims)} {ranges}"
    if minlon <= y0 and y1 <= maxlon and minlat <= x0 and x1 <= maxlat:
        message += " " + _(
            "Did you swap latitude and longitude? GeoJSON positions are [longitude, latitude]."
        )
    elif max(abs(x0), abs(x1)) > 180 or max(abs(y0), abs(y1)) > 90:
        message += " " + _(
            "These look like projected coordinates (metres); send longitude/latitude in degrees."
        )
    raise _error(message, "outside_city")

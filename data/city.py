"""The shape of Auenstadt in metres (EPSG:25833): boundary, river, streets, districts, zones.

Pure geometry (shapely), no Django. Every function takes a `random.Random` where it needs
chance, so the city is the same on every run. Coordinates are UTM zone 33N, centred on
CENTRE_LONLAT (Leipzig's area, inside settings.CITY_BBOX).
"""

import math
import random
from dataclasses import dataclass

import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPoint, Point, Polygon
from shapely.ops import unary_union

from . import texts

SRID = 25833
CENTRE_LONLAT = (12.375, 51.345)
_to_utm = Transformer.from_crs(4326, SRID, always_xy=True)
_to_lonlat = Transformer.from_crs(SRID, 4326, always_xy=True)
CX, CY = _to_utm.transform(*CENTRE_LONLAT)


def at(dx: float, dy: float) -> tuple[float, float]:
    """A point dx metres east and dy metres north of the centre."""
    return (CX + dx, CY + dy)


def polar(angle_deg: float, r: float) -> tuple[float, float]:
    a = math.radians(angle_deg)
    return at(r * math.cos(a), r * math.sin(a))


def to_lonlat(geom):
    """The geometry in EPSG:4326 (lon, lat), rounded to 6 decimals (about 0.1 m)."""
    geom = shapely.transform(geom, lambda xy: _xy_to_lonlat(xy))
    return shapely.set_precision(geom, 1e-6)


def _xy_to_lonlat(xy):
    lon, lat = _to_lonlat.transform(xy[:, 0], xy[:, 1])
    xy = xy.copy()
    xy[:, 0], xy[:, 1] = lon, lat
    return xy


def boundary() -> Polygon:
    """An irregular, roughly round city about 13 km across."""
    pts = []
    for k in range(96):
        t = 2 * math.pi * k / 96
        r = 6200 + 600 * math.sin(2 * t + 0.7) + 350 * math.sin(3 * t + 1.9)
        r += 200 * math.sin(5 * t + 0.3)
        pts.append(at(r * math.cos(t), r * math.sin(t)))
    return Polygon(pts)


def river() -> LineString:
    """The Elster: enters in the south-west, passes west of the old town, leaves to the north."""
    pts = []
    for k in range(81):
        y = -9000 + 18000 * k / 80
        x = -1500 + 700 * math.sin(y / 1700) + 350 * math.sin(y / 610 + 1.1) - 0.12 * y
        pts.append(at(x, y))
    return LineString(pts)


def harbour() -> LineString:
    """The Nordhafen basin, branching east off the river."""
    rx = river().interpolate(river().project(Point(at(0, 4300)))).x - CX
    return LineString([at(rx, 4300), at(rx + 1500, 4350), at(rx + 3000, 4250)])


@dataclass(frozen=True)
class Street:
    name: str
    line: LineString


def streets() -> list[Street]:
    """Main streets: the old-town ring, a middle ring and radials out to the boundary.

    Radials run counter-clockwise from 22 degrees (east-north-east) in steps of 45 degrees.
    """
    ring = [polar(360 * k / 48, 950) for k in range(49)]
    middle = [polar(360 * k / 72 + 3, 3300 + 150 * math.sin(k / 3)) for k in range(73)]
    radial_names = [
        "Kanalstraße",
        "Bahnhofstraße",
        "Hafenstraße",
        "Lindenallee",
        "Auenstraße",
        "Spinnereistraße",
        "Kirchberger Straße",
        "Heidestraße",
    ]
    result = [
        Street("Promenadenring", LineString(ring)),
        Street("Weidenring", LineString(middle)),
    ]
    for i, name in enumerate(radial_names):
        angle = 22 + 45 * i
        pts = [polar(angle + 6 * math.sin(r / 900), r) for r in range(950, 7600, 400)]
        result.append(Street(name, LineString(pts)))
    outline = boundary()
    return [Street(s.name, s.line.intersection(outline)) for s in result]


@dataclass(frozen=True)
class District:
    name: str
    geom: Polygon
    population: int


def districts() -> list[District]:
    """Voronoi cells around named seeds, clipped to the boundary; population from density."""
    outline = boundary()
    seeds = [Point(polar(angle, r)) for _, angle, r, _ in texts.DISTRICTS]
    cells = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=outline).geoms
    result = []
    for (name, _, _, density), seed in zip(texts.DISTRICTS, seeds, strict=True):
        cell = next(c for c in cells if c.contains(seed))
        geom = shapely.set_precision(cell.intersection(outline), 0.01)
        population = round(geom.area / 1e6 * density, -1)
        result.append(District(name, geom, int(population)))
    return result


@dataclass(frozen=True)
class Zone:
    code: str
    geom: Polygon
    plan: str


def _cells(rng: random.Random, outline: Polygon, n: int) -> list[Polygon]:
    minx, miny, maxx, maxy = outline.bounds
    seeds = []
    while len(seeds) < n:
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if outline.contains(p):
            seeds.append(p)
    cells = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=outline).geoms
    return sorted(cells, key=lambda c: (c.centroid.x, c.centroid.y))


def zones(rng: random.Random) -> list[Zone]:
    """A zoning plan: quarters with one prevailing zone code by location, dotted with local
    exceptions (a park, a school), the river's floodplain green; minus the street space.

    Built from small Voronoi blocks that take the code of their quarter (a coarser Voronoi
    tessellation) and are then merged per quarter and code; each quarter is one plan (BP-nn).
    """
    outline = boundary()
    quarters = _cells(rng, outline, 70)
    floodplain = river().buffer(320)
    port = harbour().buffer(500)
    quarter_codes = [_zone_code(q.centroid, floodplain, port, rng) for q in quarters]
    pieces: dict[tuple[int, str], list[Polygon]] = {}
    for block in _cells(rng, outline, 700):
        c = block.centroid
        q = next((i for i, quarter in enumerate(quarters) if quarter.contains(c)), 0)
        code = quarter_codes[q]
        if floodplain.contains(c):
            code = "GR" if rng.random() < 0.9 else code
        elif rng.random() < 0.1:
            code = rng.choice(["GR", "SO"])  # a park; a school, hospital or church
        pieces.setdefault((q, code), []).append(block)
    cut = unary_union([river().buffer(25), *(s.line.buffer(14) for s in streets())])
    result = []
    for (q, code), blocks in sorted(pieces.items()):
        area = unary_union(blocks).intersection(outline).difference(cut)
        for part in getattr(area, "geoms", [area]):
            if part.geom_type == "Polygon" and part.area > 400:
                result.append(Zone(code, shapely.set_precision(part, 0.01), f"BP-{q + 1:02d}"))
    taken = Polygon()
    for street in streets():  # crossings belong to the street listed first
        space = street.line.buffer(14).intersection(outline).difference(taken)
        taken = taken.union(space)
        space = shapely.set_precision(space, 0.01)
        for part in getattr(space, "geoms", [space]):
            if part.geom_type == "Polygon":
                result.append(Zone("V", part, "BP-00"))
    return result


def _zone_code(c: Point, floodplain, port, rng: random.Random) -> str:
    dx, dy = c.x - CX, c.y - CY
    r = math.hypot(dx, dy)
    angle = math.degrees(math.atan2(dy, dx)) % 360

    def pick(options):
        codes, weights = zip(*options, strict=True)
        return rng.choices(codes, weights=weights)[0]

    if floodplain.contains(c):
        return pick([("GR", 8), ("SO", 1), ("MI", 1)])
    if port.contains(c):
        return pick([("GE", 5), ("MI", 3), ("MU", 2)])
    if r < 1300:
        return pick([("MU", 6), ("MI", 3), ("SO", 1)])
    if 15 < angle < 75 and r > 2600:
        return pick([("GE", 7), ("MI", 2), ("GR", 1)])
    if r < 3400:
        return pick([("WA", 9), ("MI", 6), ("MU", 2), ("GR", 1)])
    return pick([("WA", 8), ("WR", 6), ("GR", 2), ("GE", 2)])

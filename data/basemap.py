"""Auenstadt's base map as an OpenStreetMap extract (basemap.osm, OSM XML): the main streets
of city.py, a grid of named residential streets inside the Weidenring with house numbers,
building blocks in the old town, the river Elster and its meadows, the harbour, and parks.

Pure: shapely and the city's geometry in metres (EPSG:25833), written in lon/lat with 7
decimals as OSM has them. Loaded by `manage.py demo_city` through the same import as a
real extract (basemap/services.py).
"""

import math
from xml.sax.saxutils import quoteattr

from shapely.geometry import LineString, Point, box
from shapely.ops import unary_union

from . import city

GRID_M = 320  # distance between the residential streets
GRID_RADIUS_M = 3150  # inside the Weidenring
SEGMENT_CROSSINGS = 3  # a street name runs over this many blocks
HOUSE_SPACING_M = 70
BUILDING_RADIUS_M = 2200  # building blocks in the inner city
TREES = [
    "Ahorn",
    "Birken",
    "Buchen",
    "Eichen",
    "Erlen",
    "Eschen",
    "Pappel",
    "Ulmen",
    "Kastanien",
    "Holunder",
    "Flieder",
    "Rosen",
    "Tulpen",
    "Nelken",
    "Lilien",
    "Veilchen",
    "Efeu",
    "Fichten",
]
PEOPLE = [
    "Goethe",
    "Schiller",
    "Lessing",
    "Herder",
    "Heine",
    "Fontane",
    "Mozart",
    "Bach",
    "Händel",
    "Schubert",
    "Brahms",
    "Bebel",
    "Humboldt",
    "Kant",
    "Leibniz",
    "Gutenberg",
    "Kepler",
    "Clara-Zetkin",
    "Käthe-Kollwitz",
    "Luise-Otto-Peters",
    "Robert-Schumann",
    "Max-Klinger",
]
WORDS = ["Mühlen", "Garten", "Feld", "Wiesen", "Berg", "Brunnen", "Kirch", "Schul", "Post", "Markt"]
SUFFIXES = ["straße", "weg", "gasse", "allee", "ring", "steig", "pfad"]
PARKS = [("Stadtpark", (900, -1500)), ("Rosengarten", (-300, 1700)), ("Schlosspark", (1700, 700))]


def street_names():
    """Distinct names in a fixed order: every stem with "straße", then with "weg", …"""
    for suffix in SUFFIXES:
        for stem in TREES + PEOPLE + WORDS:
            yield f"{stem}-{suffix.capitalize()}" if "-" in stem else f"{stem}{suffix}"


def _pieces(geom):
    return [g for g in getattr(geom, "geoms", [geom]) if g.length > 60]


def minor_streets(main_names: set[str]):
    """(name, line in metres) of the residential grid, cut at the river and the city's
    inner area, each grid line named in runs of SEGMENT_CROSSINGS blocks."""
    area = Point(city.at(0, 0)).buffer(GRID_RADIUS_M, 64).intersection(city.boundary())
    area = area.difference(city.river().buffer(60))
    names = (n for n in street_names() if n not in main_names)
    result = []
    steps = range(-GRID_RADIUS_M // GRID_M, GRID_RADIUS_M // GRID_M + 1)
    run = GRID_M * SEGMENT_CROSSINGS
    for vertical in (False, True):
        for k in steps:
            offset = k * GRID_M + GRID_M / 2
            for start in range(-GRID_RADIUS_M, GRID_RADIUS_M, run):
                ends = [(start, offset), (start + run, offset)]
                if vertical:
                    ends = [(y, x) for x, y in ends]
                line = LineString([city.at(*ends[0]), city.at(*ends[1])]).intersection(area)
                for piece in _pieces(line):
                    result.append((next(names), piece))
    return result


def addresses(streets):
    """(street, number, point) every HOUSE_SPACING_M metres on both sides, odd numbers left."""
    result = []
    for name, line in streets:
        parts = _pieces(line)
        n = 0
        for part in parts:
            for d in range(20, int(part.length) - 10, HOUSE_SPACING_M):
                p, q = part.interpolate(d), part.interpolate(min(d + 1, part.length))
                dx, dy = q.x - p.x, q.y - p.y
                norm = math.hypot(dx, dy) or 1
                n += 1
                for side, number in ((1, 2 * n - 1), (-1, 2 * n)):
                    x, y = p.x - side * 14 * dy / norm, p.y + side * 14 * dx / norm
                    result.append((name, str(number), Point(x, y)))
    return result


def buildings(streets):
    """Block buildings along the inner grid's blocks: a strip on each side of each cell."""
    inner = Point(city.at(0, 0)).buffer(BUILDING_RADIUS_M)
    occupied = unary_union([line.buffer(12) for _, line in streets] + [city.river().buffer(80)])
    result = []
    steps = range(-BUILDING_RADIUS_M // GRID_M, BUILDING_RADIUS_M // GRID_M + 1)
    for i in steps:
        for j in steps:
            x0, y0 = city.at(i * GRID_M + GRID_M / 2, j * GRID_M + GRID_M / 2)
            cell = box(x0 + 18, y0 + 18, x0 + GRID_M - 18, y0 + GRID_M - 18)
            if not inner.contains(cell) or cell.intersects(occupied):
                continue
            d = 16
            for strip in (
                box(cell.bounds[0], cell.bounds[1], cell.bounds[2], cell.bounds[1] + d),
                box(cell.bounds[0], cell.bounds[3] - d, cell.bounds[2], cell.bounds[3]),
                box(
                    cell.bounds[0],
                    cell.bounds[1] + d + 8,
                    cell.bounds[0] + d,
                    cell.bounds[3] - d - 8,
                ),
                box(
                    cell.bounds[2] - d,
                    cell.bounds[1] + d + 8,
                    cell.bounds[2],
                    cell.bounds[3] - d - 8,
                ),
            ):
                result.append(strip)
    return result


class OsmWriter:
    """OSM XML, nodes first (ids count from 1: the file is not from the OSM database)."""

    def __init__(self):
        self.nodes: list[str] = []
        self.ways: list[str] = []

    def _node(self, lonlat, tags=()) -> int:
        ident = len(self.nodes) + 1
        lon, lat = lonlat
        body = "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags)
        end = f">{body}</node>" if body else "/>"
        self.nodes.append(f'<node id="{ident}" lat="{lat:.7f}" lon="{lon:.7f}"{end}')
        return ident

    def point(self, geom, tags) -> None:
        self._node(city.to_lonlat(geom).coords[0], tags)

    def way(self, geom, tags) -> None:
        coords = list(city.to_lonlat(geom).coords)
        refs = [self._node(xy) for xy in coords]
        if geom.geom_type == "LinearRing":
            refs[-1] = refs[0]
            self.nodes.pop()
        ident = len(self.ways) + 1
        nd = "".join(f'<nd ref="{r}"/>' for r in refs)
        body = "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags)
        self.ways.append(f'<way id="{ident}">{nd}{body}</way>')

    def area(self, polygon, tags) -> None:
        self.way(polygon.exterior, tags)

    def text(self) -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<osm version="0.6" generator="Auenstadt demo">',
        ]
        lines += self.nodes + self.ways + ["</osm>", ""]
        return "\n".join(lines)


def basemap_osm() -> str:
    osm = OsmWriter()
    outline = city.boundary()
    water = city.river().buffer(35).intersection(outline)
    osm.area(water.buffer(0), [("natural", "water"), ("name", "Elster")])
    osm.area(city.harbour().buffer(60), [("natural", "water"), ("name", "Nordhafen")])
    meadows = city.river().buffer(260).intersection(outline).difference(city.river().buffer(40))
    for piece in getattr(meadows, "geoms", [meadows]):
        osm.area(piece.simplify(5), [("landuse", "meadow"), ("name", "Elsterauen")])
    for name, (dx, dy) in PARKS:
        park = box(*city.at(dx - 140, dy - 110), *city.at(dx + 140, dy + 110))
        osm.area(park, [("leisure", "park"), ("name", name)])
    main = city.streets()
    for street in main:
        for piece in _pieces(street.line):
            osm.way(piece, [("highway", "secondary"), ("name", street.name)])
    minor = minor_streets({s.name for s in main})
    for name, line in minor:
        osm.way(line, [("highway", "residential"), ("name", name)])
    for name, number, point in addresses(minor):
        osm.point(point, [("addr:street", name), ("addr:housenumber", number)])
    for building in buildings(minor):
        osm.area(building, [("building", "yes")])
    return osm.text()

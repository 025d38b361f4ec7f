"""Read an OpenStreetMap extract (.osm.pbf or .osm XML, through GDAL's OSM driver) into the
base map's features and the gazetteer's places. No database: arrays and shapely in, rows out.

Only the tags in osmconf.ini become attributes. What is kept:

- streets: ways with `highway` (class major, minor, service or path) and railways (rail);
- water: areas tagged natural=water, water=*, waterway=riverbank or landuse=reservoir/basin
  (class area), and rivers, canals, streams (class river);
- green: parks, gardens, woods, meadows, grass, allotments, cemeteries;
- buildings: areas tagged building=*;
- places: named streets (one entry per name), addresses (addr:street + addr:housenumber on
  nodes and buildings), named places (place=*) and named parks.
"""

import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyogrio.raw
import shapely

CONFIG = Path(__file__).with_name("osmconf.ini")
# OpenStreetMap's licence asks for this line wherever the data is shown.
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"

STREET_CLASSES = {
    "major": {"motorway", "trunk", "primary", "secondary"},
    "minor": {"tertiary", "residential", "unclassified", "living_street", "pedestrian", "road"},
    "service": {"service"},
    "path": {"footway", "path", "cycleway", "track", "steps", "bridleway"},
}
RAILWAYS = {"rail", "tram", "light_rail", "subway", "narrow_gauge"}
RIVERS = {"river", "canal", "stream"}
WATER_LANDUSE = {"reservoir", "basin"}
GREEN = {
    "leisure": {"park", "garden", "playground", "nature_reserve", "recreation_ground"},
    "landuse": {
        "grass",
        "forest",
        "meadow",
        "allotments",
        "cemetery",
        "recreation_ground",
        "village_green",
        "orchard",
    },
    "natural": {"wood", "grassland", "scrub", "heath"},
}
PLACE_VALUES = {"suburb", "quarter", "neighbourhood", "square", "locality", "village", "hamlet"}


def _street_class(highway: str | None) -> str | None:
    base = (highway or "").removesuffix("_link")
    return next((k for k, values in STREET_CLASSES.items() if base in values), None)


@dataclass
class Extract:
    """What an extract holds for the base map: features as (kind, class, name, geometry),
    places as (kind, name, street, housenumber, point)."""

    features: list[tuple] = field(default_factory=list)
    places: list[tuple] = field(default_factory=list)
    street_lines: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def add_address(self, street, number, geom) -> None:
        if street and number:
            point = shapely.point_on_surface(geom)
            self.places.append(("address", f"{street} {number}", street, number, point))

    def finish(self) -> "Extract":
        for name, lines in sorted(self.street_lines.items()):
            longest = max(lines, key=lambda line: line.length)
            middle = longest.interpolate(0.5, normalized=True)
            self.places.append(("street", name, name, "", middle))
        self.street_lines.clear()
        return self


def _read(path: Path, layer: str, bbox) -> tuple[list, dict]:
    with warnings.catch_warnings():
        # Ways cut at the extract's edge leave unclosed rings, which GDAL closes: expected.
        warnings.filterwarnings("ignore", "Non closed ring", RuntimeWarning)
        meta, _fids, wkb, columns = pyogrio.raw.read(
            path, layer=layer, bbox=bbox, CONFIG_FILE=str(CONFIG)
        )
    geoms = shapely.from_wkb(wkb) if len(wkb) else np.array([], dtype=object)
    return list(geoms), dict(zip(meta["fields"], columns, strict=True))


def _rows(geoms, columns):
    names = list(columns)
    for i, geom in enumerate(geoms):
        if geom is not None and not geom.is_empty:
            yield geom, {name: columns[name][i] for name in names}


def _lines(extract: Extract, path: Path, bbox) -> None:
    for geom, tags in _rows(*_read(path, "lines", bbox)):
        name = tags["name"] or ""
        street_class = _street_class(tags["highway"])
        if street_class:
            extract.features.append(("street", street_class, name, geom))
            if name and street_class != "path":
                extract.street_lines[name].append(geom)
        elif tags["railway"] in RAILWAYS:
            extract.features.append(("street", "rail", name, geom))
        elif tags["waterway"] in RIVERS:
            extract.features.append(("water", "river", name, geom))


def _area_kind(tags: dict) -> tuple[str, str] | None:
    if tags["building"]:
        return "building", ""
    if (
        tags["natural"] == "water"
        or tags["water"]
        or tags["waterway"] == "riverbank"
        or tags["landuse"] in WATER_LANDUSE
    ):
        return "water", "area"
    for key, values in GREEN.items():
        if tags[key] in values:
            return "green", tags[key]
    return None


def _areas(extract: Extract, path: Path, bbox) -> None:
    for geom, tags in _rows(*_read(path, "multipolygons", bbox)):
        kind = _area_kind(tags)
        if kind:
            extract.features.append((*kind, tags["name"] or "", geom))
        extract.add_address(tags["addr_street"], tags["addr_housenumber"], geom)
        if tags["name"] and (tags["place"] in PLACE_VALUES or tags["leisure"] == "park"):
            extract.places.append(("place", tags["name"], "", "", shapely.point_on_surface(geom)))


def _points(extract: Extract, path: Path, bbox) -> None:
    for geom, tags in _rows(*_read(path, "points", bbox)):
        extract.add_address(tags["addr_street"], tags["addr_housenumber"], geom)
        if tags["name"] and tags["place"] in PLACE_VALUES:
            extract.places.append(("place", tags["name"], "", "", geom))


def read_extract(path: Path, *, bbox: tuple[float, float, float, float]) -> Extract:
    """The base-map features and places of the extract at `path` that touch `bbox`
    (minlon, minlat, maxlon, maxlat)."""
    extract = Extract()
    _lines(extract, path, bbox)
    _areas(extract, path, bbox)
    _points(extract, path, bbox)
    return extract.finish()

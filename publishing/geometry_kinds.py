"""Geometry kinds: points, lines and areas, one per output layer where proposals mix them.

QGIS types an OGC API Features layer from its first feature and a GeoPackage layer holds
one geometry type, so clients that cannot show a mixed layer get one per kind. Each kind is
a geometry dimension (ST_Dimension: 0 points, 1 lines, 2 areas) and is written as its multi
type (ST_Multi promotes a Point to a MultiPoint of one), so every feature of a layer has the
layer's type. Proposals are Point/LineString/Polygon or their multi types, never a
GeometryCollection (proposals.geometry), so the three kinds partition them.
"""

from dataclasses import dataclass

from django.contrib.gis.db.models import GeometryField
from django.db.models import F, Func, IntegerField, QuerySet


@dataclass(frozen=True)
class GeometryKind:
    name: str  # "points": the suffix of collection ids and layer names
    dimension: int  # ST_Dimension of its geometries
    geometry_type: str  # the layer's type, a multi type


POINTS = GeometryKind("points", 0, "MultiPoint")
LINES = GeometryKind("lines", 1, "MultiLineString")
AREAS = GeometryKind("areas", 2, "MultiPolygon")
KINDS = (POINTS, LINES, AREAS)


class Dimension(Func):
    function = "ST_Dimension"
    output_field = IntegerField()


class Multi(Func):
    function = "ST_Multi"
    output_field = GeometryField(srid=4326)


def of_kind(rows: QuerySet, kind: GeometryKind, *, geometry: str = "geom") -> QuerySet:
    """The rows of `rows` whose geometry has the kind's dimension."""
    return rows.alias(_dimension=Dimension(F(geometry))).filter(_dimension=kind.dimension)


def as_multi(geometry: str = "geom") -> Multi:
    """The geometry promoted to its multi type (a multi geometry stays as it is)."""
    return Multi(F(geometry))

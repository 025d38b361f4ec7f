"""A demo-like mix of proposals drawn as points, lines and areas (single and multi), and a
reference layer with vertices of many decimals, for the per-type outputs."""

from django.contrib.gis.geos import (
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
)

from layers.models import Feature, LayerKind
from proposals.models import Status
from tests.factories import ProposalFactory
from tests.layers.planner_data import done_layer

# The database counts per kind that the outputs must reproduce.
COUNTS = {"points": 6, "lines": 4, "areas": 5}
# A vertex with 12 decimals: rounding to 6 would move it by about 5 cm.
PRECISE = (12.312345678912, 51.312345678912)


def _square(lon, lat, size=0.001) -> Polygon:
    return Polygon.from_bbox((lon, lat, lon + size, lat + size))


def mixed_proposals() -> list:
    geometries = [Point(12.30 + i / 1000, 51.31) for i in range(5)]
    geometries.append(MultiPoint(Point(12.35, 51.35), Point(12.351, 51.351)))
    geometries += [
        LineString((12.30, 51.32 + i / 1000), (12.31, 51.32 + i / 1000)) for i in range(3)
    ]
    geometries.append(
        MultiLineString(
            LineString((12.40, 51.36), (12.41, 51.36)), LineString((12.40, 51.37), (12.41, 51.37))
        )
    )
    geometries += [_square(12.32 + i / 100, 51.33) for i in range(4)]
    geometries.append(MultiPolygon(_square(12.42, 51.38), _square(12.43, 51.38)))
    proposals = []
    for i, geometry in enumerate(geometries):
        geometry.srid = 4326
        proposals.append(ProposalFactory(geom=geometry, title=f"Mix {i}"))
    # Not published: they must not count.
    ProposalFactory(geom=Point(12.33, 51.33, srid=4326), status=Status.HIDDEN)
    ProposalFactory(geom=_square(12.44, 51.39), status=Status.WITHDRAWN)
    return proposals


def precise_layer():
    layer = done_layer(slug="parcels", kind=LayerKind.OTHER)
    ring = (PRECISE, (12.32, 51.312345678912), (12.32, 51.32), (12.312345678912, 51.32), PRECISE)
    Feature.objects.create(
        layer=layer,
        geom=MultiPolygon(Polygon(ring), srid=4326),
        attributes={"parcel": "12/3", "area": 1234.5},
    )
    layer.feature_count = 1
    layer.save(update_fields=["feature_count"])
    return layer

"""Small, hand-made layers and proposals for the export, OGC and participation tests.

Built directly with the ORM (the importer is tested on its own): two zones side by side, two
districts with populations, and proposals whose overlay rows say what the overlay would.
"""

from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from layers.models import Feature, Layer, LayerKind, LayerState, ProposalOverlay
from tests.factories import ProposalFactory

WEST = (12.30, 51.30, 12.375, 51.40)  # minlon, minlat, maxlon, maxlat
EAST = (12.375, 51.30, 12.45, 51.40)


def box(minx, miny, maxx, maxy) -> MultiPolygon:
    return MultiPolygon(Polygon.from_bbox((minx, miny, maxx, maxy)), srid=4326)


def done_layer(*, slug: str, kind: str, **fields) -> Layer:
    return Layer.objects.create(
        name=slug.replace("-", " ").title(),
        slug=slug,
        kind=kind,
        state=LayerState.DONE,
        progress=100,
        source_name=f"{slug}.gpkg",
        **fields,
    )


def zoning_layer(slug="zoning") -> Layer:
    layer = done_layer(slug=slug, kind=LayerKind.ZONING, zone_field="zone")
    Feature.objects.create(layer=layer, geom=box(*WEST), zone_code="WA", attributes={"zone": "WA"})
    Feature.objects.create(layer=layer, geom=box(*EAST), zone_code="GR", attributes={"zone": "GR"})
    layer.feature_count = 2
    layer.save(update_fields=["feature_count"])
    return layer


def district_layer(slug="districts", populations=(20_000, 5_000)) -> Layer:
    layer = done_layer(
        slug=slug, kind=LayerKind.DISTRICT, name_field="name", population_field="pop"
    )
    for name, extent, population in zip(
        ("Westend", "Ostend"), (WEST, EAST), populations, strict=True
    ):
        Feature.objects.create(
            layer=layer,
            geom=box(*extent),
            name=name,
            population=population,
            attributes={"name": name, "pop": population},
        )
    layer.feature_count = 2
    layer.save(update_fields=["feature_count"])
    return layer


def proposal_at(lon, lat, *, district=None, compatibility="unknown", zones=(), **fields):
    """A proposal (a point) with the overlay row the overlay service would have written."""
    proposal = ProposalFactory(geom=Point(lon, lat, srid=4326), **fields)
    ProposalOverlay.objects.update_or_create(
        proposal=proposal,
        defaults={
            "district": district,
            "district_name": district.name if district else "",
            "compatibility": compatibility,
            "zones": list(zones),
        },
    )
    return proposal

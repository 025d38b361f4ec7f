"""Reads of the layers app. Map payloads (GeoJSON, vector tiles) are built in PostGIS."""

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.geos import Polygon
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import (
    CharField,
    Count,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Collate

from core.geojson import feature_collection

from .models import Feature, Layer, LayerKind, LayerState, ProposalOverlay, ZoningRule

# Zone colours for the map and its legend: a zone's colour is PALETTE[i % len(PALETTE)],
# i its position among the layer's zone codes sorted by code point (COLLATE "C" in SQL).
PALETTE = [
    "#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a6761d",
    "#f781bf", "#17becf", "#999999", "#66a61e", "#e7298a", "#1b9e77",
]  # fmt: skip


def layer_list(*, user=None) -> QuerySet[Layer]:
    """Usable layers for everyone; planners also see pending, running and failed ones, and
    zoning layers not in effect yet."""
    layers = Layer.objects.all()
    if user is None or not user.has_perm("layers.view_unfinished_layer"):
        layers = layers.filter(state=LayerState.DONE, in_effect=True)
    return layers


def layer_get(*, slug: str, user) -> Layer | None:
    """The layer if user may see it (see layer_list), else None."""
    return layer_list(user=user).filter(slug=slug).first()


def layer_legends(layer_ids) -> dict[int, list[dict]]:
    """{layer_id: [{"zone_code", "zone_name", "count", "color"}, ...]} for zoning layers, one
    query. zone_name is the features' name when all features of the zone share one ("WA –
    Allgemeines Wohngebiet" from XPlanung, or the zoning layer's name attribute), else ""."""
    rows = (
        Feature.objects.filter(layer_id__in=list(layer_ids))
        .exclude(zone_code="")
        .values_list("layer_id", "zone_code")
        .annotate(n=Count("id"), low=Min("name"), high=Max("name"))
    )
    legends: dict[int, list[dict]] = {}
    for layer_id, code, n, low, high in sorted(rows):
        legend = legends.setdefault(layer_id, [])
        legend.append(
            {
                "zone_code": code,
                "zone_name": low if low == high else "",
                "count": n,
                "color": PALETTE[len(legend) % len(PALETTE)],
            }
        )
    return legends


class SimplifyPreserveTopology(Func):
    function = "ST_SimplifyPreserveTopology"
    output_field = GeometryField(srid=4326)


class ArrayPosition(Func):
    """array_position(array, value): the 1-based position of value, NULL when absent."""

    function = "array_position"
    output_field = IntegerField()


class ArrayElement(Func):
    """array[index], 1-based: (expressions[0])[expressions[1]]."""

    template = "(%(expressions)s]"
    arg_joiner = ")["


def _zone_codes(layer: Layer) -> Subquery:
    """The layer's distinct zone codes by code point, as one text[]: an uncorrelated scalar
    subquery, so PostgreSQL computes it once (an InitPlan) for the whole layer, whatever
    the bbox; the colours do not change as the map pans."""
    by_code_point = Collate(F("zone_code"), "C")
    codes = (
        Feature.objects.filter(layer=layer)
        .exclude(zone_code="")
        .order_by()
        .values("layer_id")
        .annotate(codes=ArrayAgg(by_code_point, distinct=True, order_by=by_code_point))
        .values("codes")
    )
    return Subquery(codes, output_field=ArrayField(CharField()))


def _zone_colour(layer: Layer) -> ArrayElement:
    """PALETTE[i % len(PALETTE)] for the feature's zone code at position i (NULL for none)."""
    position = ArrayPosition(_zone_codes(layer), F("zone_code"))
    palette = Value(PALETTE, output_field=ArrayField(CharField()))
    return ArrayElement(palette, (position - 1) % len(PALETTE) + 1, output_field=CharField())


def layer_features_geojson(*, layer: Layer, bbox=None, tolerance: float = 0.0) -> str:
    """The layer's features as an RFC 7946 FeatureCollection (text), lon/lat, 6 decimals.

    bbox = (minlon, minlat, maxlon, maxlat); tolerance in degrees for simplification.
    """
    features = Feature.objects.filter(layer=layer).order_by("id")
    if bbox:
        features = features.filter(geom__bboverlaps=Polygon.from_bbox(bbox))
    geometry = F("geom")
    if tolerance > 0:
        geometry = SimplifyPreserveTopology(geometry, tolerance)
    return feature_collection(
        features,
        geometry=geometry,
        properties={
            "id": "id",
            "zone_code": "zone_code",
            "name": "name",
            "population": "population",
            "color": _zone_colour(layer),
        },
    )


TILE_SQL = """
WITH b AS (
    SELECT ST_TileEnvelope(%(z)s, %(x)s, %(y)s) AS env,
           ST_Transform(ST_TileEnvelope(%(z)s, %(x)s, %(y)s, margin => 0.015625), 4326) AS env4326
),
codes AS (
    SELECT zone_code, row_number() OVER (ORDER BY zone_code COLLATE "C") - 1 AS i
    FROM (SELECT DISTINCT zone_code FROM layers_feature
          WHERE layer_id = %(layer)s AND zone_code <> '') d
),
t AS (
    SELECT f.id, f.zone_code, f.name, f.population,
           (%(palette)s::text[])[(c.i %% %(n)s) + 1] AS color,
           ST_AsMVTGeom(ST_Transform(f.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM layers_feature f CROSS JOIN b LEFT JOIN codes c ON c.zone_code = f.zone_code
    WHERE f.layer_id = %(layer)s AND f.geom && b.env4326
)
SELECT ST_AsMVT(t, %(name)s, 4096, 'geom', 'id') FROM t WHERE geom IS NOT NULL
"""


def layer_tile(*, layer: Layer, z: int, x: int, y: int) -> bytes:
    """One Mapbox vector tile (layer name = the layer's slug) of the layer's features."""
    params = {
        "layer": layer.id,
        "z": z,
        "x": x,
        "y": y,
        "name": layer.slug,
        "palette": PALETTE,
        "n": len(PALETTE),
    }
    with connection.cursor() as cursor:
        cursor.execute(TILE_SQL, params)
        return bytes(cursor.fetchone()[0] or b"")


def zoning_rules_matrix(*, layer: Layer) -> dict[str, dict[str, str]]:
    """{zone_code: {category: verdict}} with every zone code of the layer as a key."""
    codes = (
        layer.features.exclude(zone_code="")
        .values_list("zone_code", flat=True)
        .distinct()
        .order_by("zone_code")
    )
    matrix: dict[str, dict[str, str]] = {code: {} for code in codes}
    for code, category, verdict in ZoningRule.objects.filter(layer=layer).values_list(
        "zone_code", "category", "verdict"
    ):
        matrix.setdefault(code, {})[category] = verdict
    return matrix


def proposal_overlay(*, proposal) -> ProposalOverlay | None:
    """The proposal's overlay, with its district and the district's layer, but not the
    district's outline and attributes (a city district's polygon is many kilobytes, read
    and parsed on every pin page for nothing)."""
    return (
        ProposalOverlay.objects.filter(proposal=proposal)
        .select_related("district__layer")
        .defer("district__geom", "district__attributes")
        .order_by()
        .first()
    )


def district_layers() -> QuerySet[Layer]:
    return Layer.objects.filter(kind=LayerKind.DISTRICT, state=LayerState.DONE)


def zoning_layers() -> QuerySet[Layer]:
    return Layer.objects.filter(kind=LayerKind.ZONING, state=LayerState.DONE, in_effect=True)


def layers_version() -> str:
    """A version of the layers: it changes when a layer is added, deleted, renamed, changes
    state (an import starts, ends or fails), is put in or out of effect, or is made the
    authoritative district layer; not with an import's progress. Pages cache what they
    derive from the layers (district names, zone names, whether zoning applies) under it;
    the zoning rules are not part of it. Read on every page view, so one plain statement
    (a third of the ORM's cost)."""
    columns = "id, slug, name, kind, state, in_effect, authoritative, feature_count, finished_at"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT md5(coalesce(string_agg(concat_ws(':', {columns}), ',' ORDER BY id), ''))"
            f" FROM {Layer._meta.db_table}"
        )
        (version,) = cursor.fetchone()
    return version


def district_choices() -> list[tuple[int, str]]:
    """(feature id, name) of every district in the usable district layers, by name."""
    return list(
        Feature.objects.filter(layer__in=district_layers())
        .order_by("name", "id")
        .values_list("id", "name")
    )


def layer_names(slugs=None) -> dict[str, str]:
    """{slug: name} of the given layers (None: of every layer)."""
    layers = Layer.objects.all() if slugs is None else Layer.objects.filter(slug__in=list(slugs))
    return dict(layers.values_list("slug", "name"))

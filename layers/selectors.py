"""Reads of the layers app. Map payloads (GeoJSON, vector tiles) are built in PostGIS."""

from django.db import connection
from django.db.models import Count, QuerySet

from accounts.rules import is_planner

from .models import Feature, Layer, LayerKind, LayerState, ProposalOverlay, ZoningRule

# Zone colours for the map and its legend: a zone's colour is PALETTE[i % len(PALETTE)],
# i its position among the layer's zone codes sorted by code point (COLLATE "C" in SQL).
PALETTE = [
    "#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a6761d",
    "#f781bf", "#17becf", "#999999", "#66a61e", "#e7298a", "#1b9e77",
]  # fmt: skip


def layer_list(*, user=None) -> QuerySet[Layer]:
    """Usable layers for everyone; planners also see pending, running and failed ones."""
    layers = Layer.objects.all()
    if user is None or not is_planner(user):
        layers = layers.filter(state=LayerState.DONE)
    return layers


def layer_legends(layer_ids) -> dict[int, list[dict]]:
    """{layer_id: [{"zone_code", "count", "color"}, ...]} for zoning layers, one query."""
    rows = (
        Feature.objects.filter(layer_id__in=list(layer_ids))
        .exclude(zone_code="")
        .values_list("layer_id", "zone_code")
        .annotate(n=Count("id"))
    )
    legends: dict[int, list[dict]] = {}
    for layer_id, code, n in sorted(rows):
        legend = legends.setdefault(layer_id, [])
        legend.append({"zone_code": code, "count": n, "color": PALETTE[len(legend) % len(PALETTE)]})
    return legends


FEATURES_SQL = """
WITH codes AS (
    SELECT zone_code, row_number() OVER (ORDER BY zone_code COLLATE "C") - 1 AS i
    FROM (SELECT DISTINCT zone_code FROM layers_feature
          WHERE layer_id = %(layer)s AND zone_code <> '') d
),
f AS (
    SELECT f.id, f.zone_code, f.name, f.population, c.i,
           CASE WHEN %(tolerance)s > 0
                THEN ST_SimplifyPreserveTopology(f.geom, %(tolerance)s) ELSE f.geom END AS g
    FROM layers_feature f LEFT JOIN codes c ON c.zone_code = f.zone_code
    WHERE f.layer_id = %(layer)s {bbox}
)
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(
    json_build_object('type', 'Feature', 'id', f.id, 'geometry', ST_AsGeoJSON(f.g, 6)::json,
        'properties', json_build_object('id', f.id, 'zone_code', f.zone_code, 'name', f.name,
            'population', f.population,
            'color', (%(palette)s::text[])[(f.i %% %(n)s) + 1]))
    ORDER BY f.id), '[]'::json))::text
FROM f
"""


def layer_features_geojson(*, layer: Layer, bbox=None, tolerance: float = 0.0) -> str:
    """The layer's features as an RFC 7946 FeatureCollection (text), lon/lat, 6 decimals.

    bbox = (minlon, minlat, maxlon, maxlat); tolerance in degrees for simplification.
    """
    params = {"layer": layer.id, "tolerance": tolerance, "palette": PALETTE, "n": len(PALETTE)}
    where = ""
    if bbox:
        where = "AND f.geom && ST_MakeEnvelope(%(x0)s, %(y0)s, %(x1)s, %(y1)s, 4326)"
        params.update(zip(("x0", "y0", "x1", "y1"), bbox, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(FEATURES_SQL.format(bbox=where), params)
        return cursor.fetchone()[0]


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
    return (
        ProposalOverlay.objects.filter(proposal=proposal).select_related("district__layer").first()
    )


def district_layers() -> QuerySet[Layer]:
    return Layer.objects.filter(kind=LayerKind.DISTRICT, state=LayerState.DONE)


def zoning_layers() -> QuerySet[Layer]:
    return Layer.objects.filter(kind=LayerKind.ZONING, state=LayerState.DONE)


def district_choices() -> list[tuple[int, str]]:
    """(feature id, name) of every district in the usable district layers, by name."""
    return list(
        Feature.objects.filter(layer__in=district_layers())
        .order_by("name", "id")
        .values_list("id", "name")
    )


def layer_names(slugs) -> dict[str, str]:
    """{slug: name} of the given layers."""
    return dict(Layer.objects.filter(slug__in=list(slugs)).values_list("slug", "name"))

"""Vector tiles (Mapbox Vector Tile) of the map layers, each built by one PostGIS statement.

    proposals_tile(z, x, y, **filters)  layer "proposals" (z >= PIN_ZOOM: one point, line
                                        or area per pin) or "proposal_cells" (below: counts
                                        per grid cell, so a tile stays small whatever the
                                        number of pins)
    clusters_tile(z, x, y, **filters)   layer "clusters" (outlines from OUTLINE_ZOOM) or
                                        "cluster_cells" (counts per grid cell)
    proposal_counts(z, x, y, cap=, **filters)
                                        how many pins meet each of the tile's 8 x 8
                                        descendants COUNT_DEPTH zooms deeper (JSON, for the
                                        map's choice between markers and tiles)

The filters are those of the map (publishing.filters.MAP_FILTERS, without bbox and author);
the rows come from the same selectors as the GeoJSON answers, compiled into the tile
statement, so a filter means the same on tiles, on the map's GeoJSON and on the list.
"""

from django.db import connection
from django.db.models import QuerySet

from core.tiles import EXTENT, tile_bbox
from proposals.models import Category, Scope
from spatial.selectors import cluster_list

from .selectors import map_proposal_list

PIN_ZOOM = 14
OUTLINE_ZOOM = 12
CELLS = 8  # grid cells per tile side below PIN_ZOOM / OUTLINE_ZOOM: at most 64 features
BUFFER = 64  # tile units kept beyond the edge, so symbols cut by the edge draw whole
MARGIN = BUFFER / EXTENT  # the same, in tile widths, for the row filter


def _compiled(qs: QuerySet) -> tuple[str, tuple]:
    return qs.query.sql_with_params()


def _pixel_columns(lonlat: str, z: int, x: int, y: int) -> str:
    """Tile coordinates (x right, y down, 0..EXTENT inside the tile) of a lon/lat point,
    by the web-mercator formulas: no reprojection per row."""
    n = 2**z
    return (
        f"((ST_X({lonlat}) + 180) / 360 * {n} - {x}) * {EXTENT} AS px, "
        f"((1 - ln(tan(radians(ST_Y({lonlat}))) + 1 / cos(radians(ST_Y({lonlat})))) / pi()) "
        f"/ 2 * {n} - {y}) * {EXTENT} AS py"
    )


def _cells_sql(
    name: str, inner: str, z: int, x: int, y: int, point: str, counts: dict[str, str]
) -> str:
    """ST_AsMVT of grid cells: each cell a point at the mean position of its rows, with
    `count`, `label` (the count as text, for map labels) and one column per entry of
    counts ({name: condition})."""
    size = EXTENT // CELLS
    columns = ", ".join(
        f"count(*) FILTER (WHERE {condition})::int AS {connection.ops.quote_name(name)}"
        for name, condition in counts.items()
    )
    return f"""
SELECT ST_AsMVT(c, '{name}', {EXTENT}, 'geom') FROM (
    SELECT count(*)::int AS count, count(*)::text AS label, {columns},
           ST_MakePoint(round(avg(px)), round(avg(py))) AS geom
    FROM (SELECT r.*, {_pixel_columns("r.pt", z, x, y)}
          FROM (SELECT r0.*, {point} AS pt FROM ({inner}) r0 OFFSET 0) r) q
    WHERE px >= 0 AND px < {EXTENT} AND py >= 0 AND py < {EXTENT}
    GROUP BY floor(px / {size}), floor(py / {size})
) c"""


def _run(sql: str, params) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return bytes(cursor.fetchone()[0] or b"")


def proposal_rows(z: int, x: int, y: int, *, margin: float, **filters) -> QuerySet:
    """The drawn, active proposals matching the map's filters whose box meets the tile."""
    qs = map_proposal_list(bbox=tile_bbox(z, x, y, margin=margin), **filters)
    return qs.filter(scope=Scope.DRAWN).order_by()


# A count tile holds the counts of its descendants this many zooms deeper: 8 x 8 of them.
COUNT_DEPTH = 3


def proposal_counts(z: int, x: int, y: int, *, cap: int, **filters) -> list[list[int]]:
    """How many drawn, active proposals matching the filters meet each tile of zoom
    z + COUNT_DEPTH inside tile z/x/y: rows from north to south, west to east, each count
    stopped at `cap`, so one statement reads at most 64 x cap index entries whatever the
    number of pins. A map view at zoom z + COUNT_DEPTH sums the counts of its own tiles to
    learn whether it holds few enough pins for markers (map/loader.js)."""
    side = 2**COUNT_DEPTH
    deep = z + COUNT_DEPTH
    boxes = [
        tile_bbox(deep, x * side + col, y * side + row)
        for row in range(side)
        for col in range(side)
    ]
    rows = map_proposal_list(**filters).filter(scope=Scope.DRAWN).order_by().values("geom")
    inner, params = _compiled(rows)
    sql = f"""
SELECT array_agg(n ORDER BY i) FROM (
    SELECT b.i, (SELECT count(*) FROM (
                     SELECT 1 FROM ({inner}) r
                     WHERE r.geom && ST_MakeEnvelope(b.w, b.s, b.e, b.n, 4326) LIMIT %s
                 ) hit)::int AS n
    FROM unnest(%s::float8[], %s::float8[], %s::float8[], %s::float8[])
         WITH ORDINALITY AS b(w, s, e, n, i)
) c"""
    columns = [list(column) for column in zip(*boxes, strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, cap, *columns))
        counts = cursor.fetchone()[0]
    return [counts[row * side : (row + 1) * side] for row in range(side)]


def proposals_tile(z: int, x: int, y: int, **filters) -> bytes:
    if z < PIN_ZOOM:
        rows = proposal_rows(z, x, y, margin=0, **filters).values("kind", "category", "geom")
        inner, params = _compiled(rows)
        counts = {"conflicts": "kind = 'conflict'"}
        counts |= {c: f"category = '{c}'" for c in Category.values}
        sql = _cells_sql("proposal_cells", inner, z, x, y, "ST_Centroid(r0.geom)", counts)
        return _run(sql, params)
    rows = proposal_rows(z, x, y, margin=MARGIN, **filters).values("id", "kind", "category", "geom")
    inner, params = _compiled(rows)
    sql = f"""
SELECT ST_AsMVT(t, 'proposals', {EXTENT}, 'geom', 'id') FROM (
    SELECT p.id, p.kind, p.category,
           ST_AsMVTGeom(ST_Transform(p.geom, 3857), ST_TileEnvelope(%s, %s, %s),
                        {EXTENT}, {BUFFER}, true) AS geom
    FROM ({inner}) p
) t WHERE t.geom IS NOT NULL"""
    return _run(sql, (z, x, y, *params))


def clusters_tile(z: int, x: int, y: int, **filters) -> bytes:
    if z < OUTLINE_ZOOM:
        rows = cluster_list(bbox=tile_bbox(z, x, y), **filters).order_by()
        inner, params = _compiled(rows.values("contested", "outline"))
        counts = {"contested": "contested"}
        sql = _cells_sql("cluster_cells", inner, z, x, y, "ST_PointOnSurface(r0.outline)", counts)
        return _run(sql, params)
    rows = cluster_list(bbox=tile_bbox(z, x, y, margin=MARGIN), **filters).order_by()
    inner, params = _compiled(rows.values("id", "contested", "claim_count", "score", "outline"))
    sql = f"""
SELECT ST_AsMVT(t, 'clusters', {EXTENT}, 'geom', 'id') FROM (
    SELECT c.id, c.contested, c.claim_count, round(c.score::numeric, 3)::float8 AS score,
           ST_AsMVTGeom(ST_Transform(c.outline, 3857), ST_TileEnvelope(%s, %s, %s),
                        {EXTENT}, {BUFFER}, true) AS geom
    FROM ({inner}) c
) t WHERE t.geom IS NOT NULL"""
    return _run(sql, (z, x, y, *params))

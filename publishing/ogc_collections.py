"""The data behind OGC API Features: which collections exist and their features, as GeoJSON
built in PostGIS (ST_AsGeoJSON + json_agg, one query per page).

Collections: `proposals` (active proposals with their overlay results) and every layer whose
import is done (collection id = layer slug). Views live in publishing/ogc.py.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext

from layers.models import Layer, LayerState
from proposals.models import Status

from . import proposal_columns

PROPOSALS = "proposals"


@dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str
    # SQL: the source rows ("FROM ... WHERE ..." without the keywords) and their columns.
    from_sql: str
    where_sql: str
    where_params: tuple
    id_sql: str
    geom_sql: str
    properties_sql: str
    properties_params: tuple
    time_sql: str | None = None  # a timestamp column for `datetime`, None when timeless


def _proposals(page_url: str) -> Collection:
    return Collection(
        id=PROPOSALS,
        title=gettext("Proposals"),
        description=gettext("Active proposals and conflicts with their overlay results."),
        from_sql=proposal_columns.FROM,
        where_sql="p.status = %s",
        where_params=(Status.ACTIVE,),
        id_sql="p.id",
        geom_sql="p.geom",
        properties_sql=proposal_columns.properties_json(),
        properties_params=tuple(proposal_columns.sql_params(page_url=page_url)),
        time_sql="p.created_at",
    )


def _layer(layer: Layer) -> Collection:
    return Collection(
        id=layer.slug,
        title=layer.name,
        description=f"{layer.get_kind_display()} · {layer.source_name}".strip(" ·"),
        from_sql="layers_feature f",
        where_sql="f.layer_id = %s",
        where_params=(layer.pk,),
        id_sql="f.id",
        geom_sql="f.geom",
        properties_sql="f.attributes",
        properties_params=(),
    )


def collection_list(*, page_url: str) -> list[Collection]:
    """page_url: proposal_columns.page_url_prefix(), for the proposals' `url` property."""
    layers = Layer.objects.filter(state=LayerState.DONE).exclude(slug=PROPOSALS)
    return [_proposals(page_url)] + [_layer(layer) for layer in layers]


def collection_get(collection_id: str, *, page_url: str) -> Collection | None:
    if collection_id == PROPOSALS:
        return _proposals(page_url)
    layer = Layer.objects.filter(slug=collection_id, state=LayerState.DONE).first()
    return _layer(layer) if layer else None


def collection_extent(collection: Collection) -> dict:
    """{"spatial": {"bbox": [[minlon, minlat, maxlon, maxlat]], "crs": CRS84}, "temporal"?}.

    An empty collection reports the city's bounds.
    """
    time_sql = (
        f"min({collection.time_sql}), max({collection.time_sql})"
        if collection.time_sql
        else "NULL, NULL"
    )
    sql = f"""
        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), t0, t1
        FROM (SELECT ST_Extent({collection.geom_sql}) AS e, {time_sql}
              FROM {collection.from_sql} WHERE {collection.where_sql}) AS x(e, t0, t1)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, collection.where_params)
        minx, miny, maxx, maxy, t0, t1 = cursor.fetchone()
    bbox = [minx, miny, maxx, maxy] if minx is not None else list(settings.CITY_BBOX)
    extent = {
        "spatial": {
            "bbox": [[round(v, 6) for v in bbox]],
            "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        }
    }
    if collection.time_sql:
        extent["temporal"] = {
            "interval": [[_iso(t0), _iso(t1)]],
            "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
        }
    return extent


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _filters(
    collection: Collection,
    bbox: tuple[float, float, float, float] | None,
    interval: tuple[datetime | None, datetime | None] | None,
) -> tuple[str, list]:
    where, params = [collection.where_sql], list(collection.where_params)
    if bbox:
        where.append(
            f"{collection.geom_sql} && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
            f" AND ST_Intersects({collection.geom_sql}, ST_MakeEnvelope(%s, %s, %s, %s, 4326))"
        )
        params += [*bbox, *bbox]
    if interval and collection.time_sql:
        start, end = interval
        if start is not None:
            where.append(f"{collection.time_sql} >= %s")
            params.append(start)
        if end is not None:
            where.append(f"{collection.time_sql} <= %s")
            params.append(end)
    return " AND ".join(where), params


# One GeoJSON feature from a row (fid, geom, properties) of the inner queries below.
FEATURE_JSON = (
    "json_build_object('type', 'Feature', 'id', fid, "
    "'geometry', ST_AsGeoJSON(geom, 6)::json, 'properties', properties)"
)


def items_page(
    collection: Collection,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    interval: tuple[datetime | None, datetime | None] | None = None,
    limit: int,
    offset: int = 0,
) -> tuple[str, int, int]:
    """(features as a JSON array text, numberMatched, numberReturned), ordered by id."""
    where, params = _filters(collection, bbox, interval)
    sql = f"""
        WITH page AS (
            SELECT {collection.id_sql} AS fid, {collection.geom_sql} AS geom,
                   {collection.properties_sql} AS properties
            FROM {collection.from_sql} WHERE {where}
            ORDER BY {collection.id_sql} LIMIT %s OFFSET %s
        )
        SELECT (SELECT count(*) FROM {collection.from_sql} WHERE {where}),
               count(*),
               coalesce(json_agg({FEATURE_JSON} ORDER BY fid)::text, '[]')
        FROM page
    """
    all_params = [*collection.properties_params, *params, limit, offset, *params]
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        matched, returned, features = cursor.fetchone()
    return features, matched, returned


def item_get(collection: Collection, feature_id: int) -> str | None:
    """One feature as GeoJSON text, or None."""
    sql = f"""
        SELECT {FEATURE_JSON}::text FROM (
            SELECT {collection.id_sql} AS fid, {collection.geom_sql} AS geom,
                   {collection.properties_sql} AS properties
            FROM {collection.from_sql}
            WHERE {collection.where_sql} AND {collection.id_sql} = %s
        ) AS item
    """
    params = [*collection.properties_params, *collection.where_params, feature_id]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None

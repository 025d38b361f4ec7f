"""The data behind OGC API Features: which collections exist and their features, as GeoJSON
built in PostGIS from querysets (core.geojson's feature expression, one statement per page).

Collections: `proposals` (active proposals with their overlay results) and every layer whose
import is done (collection id = layer slug). Views live in publishing/ogc.py.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.gis.db.models import Extent
from django.contrib.gis.geos import Polygon
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Max, Min, QuerySet, Value
from django.utils.translation import gettext

from core.geojson import AsGeoJSONObject, JSONBuildObject
from layers.models import Feature, Layer, LayerState
from proposals.models import Proposal, Status

from . import proposal_columns

PROPOSALS = "proposals"
_FEATURE = "_feature"


@dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str
    rows: QuerySet  # the collection's rows (unordered)
    properties: object  # {name: expression}, or one expression of a JSON object
    time_field: str | None = None  # a timestamp field for `datetime`, None when timeless

    def feature(self) -> JSONBuildObject:
        """One GeoJSON Feature of a row (members in RFC 7946 order)."""
        properties = self.properties
        if isinstance(properties, dict):
            properties = JSONBuildObject(**properties)
        return JSONBuildObject(
            type=Value("Feature"),
            id=F("id"),
            geometry=AsGeoJSONObject(F("geom")),
            properties=properties,
        )


def _proposals(page_url: str) -> Collection:
    return Collection(
        id=PROPOSALS,
        title=gettext("Proposals"),
        description=gettext("Active proposals and conflicts with their overlay results."),
        rows=Proposal.objects.filter(status=Status.ACTIVE),
        properties={
            **proposal_columns.columns(page_url=page_url),
            "zones": proposal_columns.zones(),
        },
        time_field="created_at",
    )


def _layer(layer: Layer) -> Collection:
    return Collection(
        id=layer.slug,
        title=layer.name,
        description=f"{layer.get_kind_display()} · {layer.source_name}".strip(" ·"),
        rows=Feature.objects.filter(layer_id=layer.pk),
        properties=F("attributes"),
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
    aggregates = {"extent": Extent("geom")}
    if collection.time_field:
        aggregates.update(t0=Min(collection.time_field), t1=Max(collection.time_field))
    found = collection.rows.aggregate(**aggregates)
    bbox = found["extent"] or settings.CITY_BBOX
    extent = {
        "spatial": {
            "bbox": [[round(v, 6) for v in bbox]],
            "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        }
    }
    if collection.time_field:
        extent["temporal"] = {
            "interval": [[_iso(found["t0"]), _iso(found["t1"])]],
            "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
        }
    return extent


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _matching(
    collection: Collection,
    bbox: tuple[float, float, float, float] | None,
    interval: tuple[datetime | None, datetime | None] | None,
) -> QuerySet:
    rows = collection.rows
    if bbox:
        rows = rows.filter(geom__intersects=Polygon.from_bbox(bbox))
    if interval and collection.time_field:
        start, end = interval
        if start is not None:
            rows = rows.filter(**{f"{collection.time_field}__gte": start})
        if end is not None:
            rows = rows.filter(**{f"{collection.time_field}__lte": end})
    return rows


def items_page(
    collection: Collection,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    interval: tuple[datetime | None, datetime | None] | None = None,
    limit: int,
    offset: int = 0,
) -> tuple[str, int, int]:
    """(features as a JSON array text, numberMatched, numberReturned), ordered by id; one
    statement counts the matches and builds the page."""
    matching = _matching(collection, bbox, interval)
    page = matching.order_by("id")[offset : offset + limit].values(
        **{_FEATURE: collection.feature()}
    )
    try:
        count_sql, count_params = matching.order_by().values("id").query.sql_with_params()
        page_sql, page_params = page.query.sql_with_params()
    except EmptyResultSet:
        return "[]", 0, 0
    sql = f"""
        SELECT (SELECT count(*) FROM ({count_sql}) AS matching), count(*),
               coalesce(json_agg(page.{_FEATURE})::text, '[]')
        FROM ({page_sql}) AS page
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*count_params, *page_params])
        matched, returned, features = cursor.fetchone()
    return features, matched, returned


def item_get(collection: Collection, feature_id: int) -> str | None:
    """One feature as GeoJSON text, or None."""
    rows = collection.rows.filter(pk=feature_id).values(**{_FEATURE: collection.feature()})
    try:
        rows_sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT item.{_FEATURE}::text FROM ({rows_sql}) AS item", params)
        row = cursor.fetchone()
    return row[0] if row else None

"""The data behind OGC API Features: which collections exist and their features, as GeoJSON
built in PostGIS from querysets (core.geojson's feature expression, one statement per page).

Collections: `proposals` (active proposals with their overlay results, points, lines and
areas mixed), `proposals-points`, `proposals-lines` and `proposals-areas` (the same split by
geometry kind, each promoted to its multi type, for clients such as QGIS that type a layer
from its first feature) and every layer whose import is done (collection id = layer slug).
Proposals are drawn by hand and served with 6 decimals; layers are measured data and keep
every digit (FULL_PRECISION). Views live in publishing/ogc.py.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.gis.db.models import Extent
from django.contrib.gis.geos import Polygon
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Max, Min, QuerySet
from django.utils.translation import gettext

from core.geojson import FULL_PRECISION, PRECISION, JSONBuildObject, feature
from layers.models import Feature, Layer, LayerState
from proposals.models import Proposal, Status

from . import geometry_kinds, proposal_columns
from .geometry_kinds import GeometryKind

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
    geometry: object = "geom"  # the served geometry: a field name or an expression
    geometry_type: str | None = None  # of every feature ("MultiPoint"), None when mixed
    precision: int = PRECISION  # decimals of the coordinates
    layer: Layer | None = None  # the reference layer served, None for proposals

    def feature(self) -> JSONBuildObject:
        """One GeoJSON Feature of a row (members in RFC 7946 order)."""
        return feature(
            geometry=self.geometry,
            fid=F("id"),
            properties=self.properties,
            precision=self.precision,
        )


def _proposal_properties(page_url: str) -> dict:
    return {**proposal_columns.columns(page_url=page_url), "zones": proposal_columns.zones()}


def _active_proposals() -> QuerySet:
    return Proposal.objects.filter(status=Status.ACTIVE)


def _proposals(page_url: str) -> Collection:
    return Collection(
        id=PROPOSALS,
        title=gettext("Proposals"),
        description=gettext("Active proposals and conflicts with their overlay results."),
        rows=_active_proposals(),
        properties=_proposal_properties(page_url),
        time_field="created_at",
    )


def _titles(kind: GeometryKind) -> tuple[str, str]:
    if kind == geometry_kinds.POINTS:
        return gettext("Proposals: points"), gettext(
            "Active proposals drawn as points (as MultiPoint), with their overlay results."
        )
    if kind == geometry_kinds.LINES:
        return gettext("Proposals: lines"), gettext(
            "Active proposals drawn as lines (as MultiLineString), with their overlay results."
        )
    return gettext("Proposals: areas"), gettext(
        "Active proposals drawn as areas (as MultiPolygon), with their overlay results."
    )


def _proposals_of_kind(kind: GeometryKind, page_url: str) -> Collection:
    title, description = _titles(kind)
    return Collection(
        id=f"{PROPOSALS}-{kind.name}",
        title=title,
        description=description,
        rows=geometry_kinds.of_kind(_active_proposals(), kind),
        properties=_proposal_properties(page_url),
        time_field="created_at",
        geometry=geometry_kinds.as_multi(),
        geometry_type=kind.geometry_type,
    )


def _proposal_collections(page_url: str) -> dict[str, Collection]:
    found = [_proposals(page_url)] + [
        _proposals_of_kind(kind, page_url) for kind in geometry_kinds.KINDS
    ]
    return {collection.id: collection for collection in found}


def _layer(layer: Layer) -> Collection:
    return Collection(
        id=layer.slug,
        title=layer.name,
        description=f"{layer.get_kind_display()} · {layer.source_name}".strip(" ·"),
        rows=Feature.objects.filter(layer_id=layer.pk),
        properties=F("attributes"),
        precision=FULL_PRECISION,
        layer=layer,
    )


def _reserved_ids() -> list[str]:
    return [PROPOSALS] + [f"{PROPOSALS}-{kind.name}" for kind in geometry_kinds.KINDS]


def collection_list(*, page_url: str) -> list[Collection]:
    """page_url: proposal_columns.page_url_prefix(), for the proposals' `url` property."""
    layers = Layer.objects.filter(state=LayerState.DONE, in_effect=True).exclude(
        slug__in=_reserved_ids()
    )
    return list(_proposal_collections(page_url).values()) + [_layer(layer) for layer in layers]


def collection_get(collection_id: str, *, page_url: str) -> Collection | None:
    proposals = _proposal_collections(page_url)
    if collection_id in proposals:
        return proposals[collection_id]
    layer = Layer.objects.filter(slug=collection_id, state=LayerState.DONE, in_effect=True).first()
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


# JSON Schema of a column by its GeoPackage field type (proposal_columns.KINDS).
_SCHEMA_OF_KIND = {
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
    "str": {"type": "string"},
}
# JSON Schema of a layer attribute by jsonb_typeof() of its values.
_SCHEMA_OF_JSONB = {"number": "number", "string": "string", "boolean": "boolean"}


def _geometry_schema(collection: Collection) -> dict:
    """The geometry member (OGC API Features Part 5 draft: `format`, `x-ogc-role`)."""
    name = collection.geometry_type.lower() if collection.geometry_type else "any"
    return {"format": f"geometry-{name}", "x-ogc-role": "primary-geometry"}


def _proposal_property_schemas() -> dict:
    names = proposal_columns.columns(page_url="")
    schemas = {
        name: dict(_SCHEMA_OF_KIND[proposal_columns.KINDS.get(name, "str")]) for name in names
    }
    schemas["id"]["x-ogc-role"] = "id"
    schemas["zones"] = {"type": "array", "items": {"type": "object"}}
    return schemas


def _layer_property_schemas(layer: Layer) -> dict:
    """The attributes of a layer's features and the JSON types of their values (one
    statement; an attribute of mixed or null values has no type)."""
    sql = """
        SELECT a.key, array_agg(DISTINCT jsonb_typeof(a.value))
        FROM layers_feature f, jsonb_each(f.attributes) a
        WHERE f.layer_id = %s
        GROUP BY a.key ORDER BY a.key
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [layer.pk])
        rows = cursor.fetchall()
    schemas = {}
    for key, kinds in rows:
        known = {_SCHEMA_OF_JSONB.get(kind) for kind in kinds if kind != "null"}
        schemas[key] = {"type": known.pop()} if len(known) == 1 and None not in known else {}
    return schemas


def queryables(collection: Collection) -> dict:
    """{name: JSON Schema} of the collection's geometry and properties, in output order."""
    properties = (
        _layer_property_schemas(collection.layer)
        if collection.layer
        else _proposal_property_schemas()
    )
    properties.pop("geometry", None)  # an attribute of that name would hide the geometry
    return {"geometry": _geometry_schema(collection), **properties}

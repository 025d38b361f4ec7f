"""GeoJSON built by PostgreSQL from querysets: the one builder of every FeatureCollection.

    from core.geojson import feature_collection

    text = feature_collection(
        Cluster.objects.current().order_by("-score"),
        geometry="outline",
        properties={"id": "id", "score": "score", "name": Upper("name")},
    )

Each call compiles the queryset once and runs one statement: the features are made by
`json_build_object` in the rows of the queryset, in its order, and `json_agg` collects them
(an ORDER BY inside json_agg would sort the finished features again, see ADR 0002). The
result is JSON text, which views pass on without parsing it.

Property values are what `.values()` accepts: a field name, an F() or any expression.
Nested collections (a cluster's member proposals) are expressions too:
`FeatureCollection(queryset, ...)` is a correlated subquery that may use OuterRef.
"""

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Aggregate, F, Func, JSONField, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce

EMPTY = '{"type": "FeatureCollection", "features": []}'
PRECISION = 6  # decimal places of longitude/latitude: about 0.1 m
# The most ST_AsGeoJSON writes: every digit of a double (PostGIS writes the shortest text
# that reads back as the same double), for geometry that others measure, such as layers.
FULL_PRECISION = 15
_FEATURE = "_feature"

# The feature rows of a compiled queryset, collected in their order into a FeatureCollection.
_COLLECTION = (
    "SELECT json_build_object('type', 'FeatureCollection'{members}, 'features', "
    "coalesce(json_agg(_rows.{feature}), '[]'::json)) FROM ({rows}) _rows"
)


def _expression(value):
    if hasattr(value, "resolve_expression"):  # F(), expressions, subqueries
        return value
    if isinstance(value, str):
        return F(value)
    return Value(value)


class JSONBuildObject(Func):
    """json_build_object(key, value, ...): a JSON object with its keys in the order given.

    Django's JSONObject builds jsonb on PostgreSQL, which sorts the keys and costs a parse
    per row; clients read GeoJSON members in the order they were written.
    """

    function = "json_build_object"
    output_field = JSONField()

    def __init__(self, **members):
        pairs = []
        for key, value in members.items():
            pairs += [Value(key), _expression(value)]
        super().__init__(*pairs, output_field=JSONField())


class AsGeoJSONObject(Func):
    """The geometry as a GeoJSON object (json), lon/lat with `precision` decimals at most."""

    function = "ST_AsGeoJSON"
    template = "%(function)s(%(expressions)s, %(precision)d)::json"
    output_field = JSONField()

    def __init__(self, expression, precision: int = PRECISION):
        super().__init__(expression, precision=int(precision))


def feature(
    *, geometry="geom", fid="id", properties, precision: int = PRECISION
) -> JSONBuildObject:
    """One RFC 7946 Feature: its id, geometry and properties (members in this order).
    `properties` is {name: expression} or one expression of a JSON object (such as a json
    field); `precision` the decimals of the coordinates (PRECISION, FULL_PRECISION)."""
    if isinstance(properties, dict):
        properties = JSONBuildObject(**properties)
    return JSONBuildObject(
        type=Value("Feature"),
        id=_expression(fid),
        geometry=AsGeoJSONObject(_expression(geometry), precision),
        properties=properties,
    )


def _feature_rows(queryset, *, geometry, fid, properties, precision=PRECISION):
    member = feature(geometry=geometry, fid=fid, properties=properties, precision=precision)
    return queryset.values(**{_FEATURE: member})


class FeatureCollection(Subquery):
    """A FeatureCollection of `queryset` as an expression (a correlated subquery may use
    OuterRef), e.g. the member proposals inside a cluster's feature."""

    output_field = JSONField()

    def __init__(self, queryset, *, geometry="geom", fid="id", properties: dict):
        rows = _feature_rows(queryset, geometry=geometry, fid=fid, properties=properties)
        super().__init__(rows, output_field=JSONField())
        self.template = (
            "(" + _COLLECTION.format(members="", feature=_FEATURE, rows="%(subquery)s") + ")"
        )


def feature_collection_sql(
    queryset,
    *,
    geometry="geom",
    fid="id",
    properties: dict,
    name: str | None = None,
    precision: int = PRECISION,
) -> tuple[str, list]:
    """The one statement of feature_collection(): (sql, params), answering one row with the
    FeatureCollection as text. Raises EmptyResultSet when Django knows nothing matches."""
    rows = _feature_rows(
        queryset, geometry=geometry, fid=fid, properties=properties, precision=precision
    )
    rows_sql, params = rows.query.sql_with_params()
    members = "" if name is None else ", 'name', %s"
    sql = _COLLECTION.format(members=members, feature=_FEATURE, rows=rows_sql)
    params = ([name] if name is not None else []) + list(params)
    return f"SELECT ({sql})::text", params


def feature_collection(
    queryset,
    *,
    geometry="geom",
    fid="id",
    properties: dict,
    name: str | None = None,
    precision: int = PRECISION,
) -> str:
    """The FeatureCollection of `queryset` as JSON text, in the queryset's order, built in
    one statement. `name` adds the collection's name (GDAL's layer name of a GeoJSON file);
    `precision` the decimals of the coordinates (FULL_PRECISION for measured geometry)."""
    try:
        sql, params = feature_collection_sql(
            queryset,
            geometry=geometry,
            fid=fid,
            properties=properties,
            name=name,
            precision=precision,
        )
    except EmptyResultSet:  # e.g. qs.none(): Django knows there is nothing to ask for
        return _fetch_text(
            "SELECT json_build_object('type', 'FeatureCollection'"
            + (", 'name', %s" if name is not None else "")
            + ", 'features', '[]'::json)::text",
            [name] if name else [],
            using=queryset.db,
        )
    return _fetch_text(sql, params, using=queryset.db)


_NO_LIMIT = 2**63 - 1


class JSONAgg(Aggregate):
    """json_agg(value ORDER BY ...): the values as a JSON array, in the order given."""

    function = "json_agg"
    output_field = JSONField()


def summarized_collection(
    queryset, *, geometry="geom", fid="id", properties: dict, members: dict, order_by
) -> str:
    """A FeatureCollection (JSON text) whose top-level `members` summarise its features, such
    as a sum or quantiles of a property: members are aggregates over the rows of `queryset`.

    Built by QuerySet.aggregate() in one statement: the rows of `queryset` (with its
    annotations, each computed once per row) become a subquery, and properties and members
    refer to its annotations by name (so `queryset` must not be sliced itself). The features
    are collected in `order_by` order (an ORDER BY inside json_agg: the subquery's own order
    is not kept by aggregate())."""
    features = JSONAgg(
        feature(geometry=geometry, fid=fid, properties=properties), order_by=order_by
    )
    collection = JSONBuildObject(
        type=Value("FeatureCollection"),
        **members,
        features=Coalesce(features, Func(template="'[]'::json", output_field=JSONField())),
    )
    text = Cast(collection, TextField())
    # A LIMIT keeps PostgreSQL from pulling the subquery up into the aggregate, where every
    # reference to an annotation would compute it again.
    return queryset[:_NO_LIMIT].aggregate(_collection=text)["_collection"]


def feature_text(
    queryset, *, geometry="geom", fid="id", properties: dict, precision: int = PRECISION
) -> str | None:
    """The first row of `queryset` as one Feature (JSON text), or None."""
    rows = _feature_rows(
        queryset, geometry=geometry, fid=fid, properties=properties, precision=precision
    )
    try:
        rows_sql, params = rows[:1].query.sql_with_params()
    except EmptyResultSet:
        return None
    return _fetch_text(
        f"SELECT _rows.{_FEATURE}::text FROM ({rows_sql}) _rows", params, using=queryset.db
    )


def _fetch_text(sql: str, params, *, using: str = DEFAULT_DB_ALIAS) -> str | None:
    # On the queryset's database: a read routed to a replica (config/replica.py) stays there.
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None

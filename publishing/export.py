"""Exports of proposals (with their overlay results) and clusters for GIS: GeoPackage,
GeoJSON and CSV. Views are in publishing/export_api.py.

Every export is one statement built in PostGIS from an `ExportQuery` (an ordered queryset
and its columns as expressions): GeoJSON is assembled by core.geojson, CSV streams out of
COPY of the compiled queryset, and the GeoPackage is written by pyogrio (its bundled GDAL)
from column arrays of the same queryset into a temporary file that is unlinked before the
response streams it.

Proposals mix points, lines and areas. A GeoPackage layer has one geometry type, so their
GeoPackage holds one layer per geometry kind (`proposals_points`, `proposals_lines`,
`proposals_areas`, as MultiPoint, MultiLineString, MultiPolygon; publishing.geometry_kinds),
split in Python from the one statement's rows. GeoJSON and CSV stay one table: both carry
the geometry type per feature or row. Cluster outlines are MultiPolygons only: one layer.
"""

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

import numpy as np
import pyogrio.raw
from django.contrib.gis.db.models.functions import AsWKB, AsWKT, Centroid
from django.contrib.postgres.aggregates import StringAgg
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    CharField,
    DecimalField,
    F,
    FloatField,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import get_language

from core.geojson import PRECISION, feature_collection
from proposals.models import Proposal
from spatial.models import Cluster, ClusterMember

from . import geometry_kinds, proposal_columns
from .geometry_kinds import Dimension

# Spreadsheets run cells that start with these as formulas; CSV text cells get a ' in front.
FORMULA_START = r"^[=+\-@\t\r]"
UTF8_BOM = "\ufeff".encode()
_COLUMN = "c_"  # prefix of the columns in the compiled SQL (names may be model fields)


class Rounded(Func):
    """round(x::numeric, places)::float: a float column rounded for tables."""

    template = "round((%(expressions)s)::numeric, %(places)d)::float"
    output_field = FloatField()

    def __init__(self, expression, places: int):
        super().__init__(expression, places=int(places))


class Decimals(Rounded):
    """round(x::numeric, places): numeric text with exactly `places` decimals (CSV)."""

    template = "round((%(expressions)s)::numeric, %(places)d)"
    output_field = DecimalField()


@dataclass(frozen=True)
class ExportQuery:
    name: str  # file and layer name
    rows: QuerySet  # ordered; the columns are expressions on it
    columns: dict  # {name: expression} in column order
    kinds: dict  # {name: str | int | float | bool | datetime}, the GeoPackage field type
    geometry: str = "geom"
    json_extra: dict = field(default_factory=dict)  # {name: expression} only in GeoJSON
    gpkg_extra: dict = field(default_factory=dict)  # {name: text expression} only in GeoPackage
    geometry_type: str = "Unknown"  # of the GeoPackage layer, unless split by kind
    split_by_kind: bool = False  # one GeoPackage layer per geometry kind (points, lines, areas)

    def kind(self, name: str) -> str:
        return self.kinds.get(name, "str")


def _csv_cell(name: str, kind: str) -> str:
    """The CSV cell of column `name`: ISO 8601 times; a ' in front of text a spreadsheet
    would run."""
    value = f'e."{_COLUMN}{name}"'
    if kind == "datetime":  # ISO 8601, as in the GeoJSON
        value = f"to_json({value}) #>> '{{}}'"
    elif kind == "str":
        value = f"CASE WHEN {value} ~ '{FORMULA_START}' THEN '''' || {value} ELSE {value} END"
    return f'{value} AS "{name}"'


# --- what is exported ----------------------------------------------------------------


def proposal_export(qs: QuerySet[Proposal], *, page_url: str) -> ExportQuery:
    """Proposals of `qs` in its order (the `sort` parameter; newest first when it has none)
    with author name, overlay results and a link to their page
    (page_url: proposal_columns.page_url_prefix())."""
    return ExportQuery(
        name="proposals",
        rows=qs if qs.ordered else qs.order_by("-created_at", "-id"),
        columns=proposal_columns.columns(page_url=page_url),
        kinds=proposal_columns.KINDS,
        json_extra={"zones": proposal_columns.zones()},
        # The overlay's zones list as JSON text: GeoPackage has no JSON field type.
        gpkg_extra={"zones": Cast(proposal_columns.zones(), TextField())},
        split_by_kind=True,
    )


def _member_ids():
    """The cluster's member proposal ids, "3;5;8"."""
    members = (
        ClusterMember.objects.filter(cluster=OuterRef("pk"))
        .order_by()
        .values("cluster")
        .annotate(ids=StringAgg(Cast("proposal_id", CharField()), ";", order_by="proposal_id"))
        .values("ids")
    )
    return Coalesce(Subquery(members, output_field=CharField()), Value(""))


CLUSTER_KINDS = {
    "id": "int",
    "contested": "bool",
    "score": "float",
    "claim_count": "int",
    "proposal_count": "int",
    "conflict_count": "int",
    "incompatible_count": "int",
    "author_count": "int",
    "support_count": "int",
    "overlap_area_m2": "float",
    "updated_at": "datetime",
}


def cluster_export(*, contested: bool | None = None) -> ExportQuery:
    """Current clusters (not dissolved), most contested first, with their member ids."""
    rows = Cluster.objects.filter(dissolved_at__isnull=True)
    if contested is not None:
        rows = rows.filter(contested=contested)
    language = (get_language() or "en")[:2]
    explanation = Coalesce(
        KeyTextTransform(language, "explanation"),
        KeyTextTransform("en", "explanation"),
        Value(""),
        output_field=CharField(),
    )
    columns = {
        "id": F("id"),
        "contested": F("contested"),
        "score": Rounded(F("score"), 4),
        "explanation": explanation,
        "categories": Func(
            F("categories"), Value(";"), function="array_to_string", output_field=CharField()
        ),
        "claim_count": F("claim_count"),
        "proposal_count": F("proposal_count"),
        "conflict_count": F("conflict_count"),
        "incompatible_count": F("incompatible_count"),
        "author_count": F("author_count"),
        "support_count": F("support_count"),
        "overlap_area_m2": Rounded(F("overlap_area_m2"), 1),
        "proposal_ids": _member_ids(),
        "updated_at": F("updated_at"),
    }
    return ExportQuery(
        name="clusters",
        rows=rows.order_by("-contested", "-score", "id"),
        columns=columns,
        kinds=CLUSTER_KINDS,
        geometry="outline",
        geometry_type="MultiPolygon",
    )


# --- writers ---------------------------------------------------------------------------


def geojson_text(export: ExportQuery) -> str:
    """An RFC 7946 FeatureCollection named after the export, built by PostgreSQL in one
    statement."""
    return feature_collection(
        export.rows,
        geometry=export.geometry,
        fid="id",
        properties={**export.columns, **export.json_extra},
        name=export.name,
    )


def _columns(export: ExportQuery) -> dict:
    return {f"{_COLUMN}{name}": expression for name, expression in export.columns.items()}


def _csv_rows_sql(export: ExportQuery) -> tuple[str, tuple]:
    """The compiled queryset of the CSV: the columns, the WKT and the centroid."""
    geometry = F(export.geometry)
    rows = export.rows.values(
        **_columns(export),
        wkt=AsWKT(geometry, precision=PRECISION),
        lon=Decimals(Func(Centroid(geometry), function="ST_X"), PRECISION),
        lat=Decimals(Func(Centroid(geometry), function="ST_Y"), PRECISION),
    )
    try:
        return rows.query.sql_with_params()
    except EmptyResultSet:  # e.g. qs.none(): the header row, no rows
        nulls = ", ".join(f'NULL AS "{_COLUMN}{name}"' for name in export.columns)
        return f"SELECT {nulls}, NULL AS wkt, NULL AS lon, NULL AS lat WHERE false", ()


def csv_chunks(export: ExportQuery) -> Iterator[bytes]:
    """CSV (UTF-8 with a byte order mark, so spreadsheets get the umlauts right; header
    row) streamed out of COPY: the columns, then the geometry as WKT and the
    longitude/latitude of its centroid (EPSG:4326, 6 decimals)."""
    rows_sql, params = _csv_rows_sql(export)
    cells = ", ".join(_csv_cell(name, export.kind(name)) for name in export.columns)
    sql = (
        f"COPY (SELECT {cells}, e.wkt, e.lon, e.lat FROM ({rows_sql}) AS e) "
        "TO STDOUT WITH (FORMAT csv, HEADER true)"
    )
    yield UTF8_BOM
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(sql, params) as copy:
        yield from (bytes(block) for block in copy)


def _gpkg_rows(export: ExportQuery) -> list[dict]:
    """The GeoPackage's rows in one statement: the geometry as WKB (promoted to its multi
    type when split by kind, with its dimension) and the columns."""
    columns = {**_columns(export), **{f"{_COLUMN}{n}": e for n, e in export.gpkg_extra.items()}}
    if not export.split_by_kind:
        return list(export.rows.values(_wkb=AsWKB(export.geometry), **columns))
    return list(
        export.rows.values(
            _wkb=AsWKB(geometry_kinds.as_multi(export.geometry)),
            _dimension=Dimension(F(export.geometry)),
            **columns,
        )
    )


def _gpkg_layers(export: ExportQuery) -> list[tuple[str, str, list[dict]]]:
    """[(layer name, geometry type, rows)]: one layer, or one per geometry kind (each
    written, empty or not, so the file always has the same layers)."""
    rows = _gpkg_rows(export)
    if not export.split_by_kind:
        return [(export.name, export.geometry_type, rows)]
    return [
        (
            f"{export.name}_{kind.name}",
            kind.geometry_type,
            [row for row in rows if row["_dimension"] == kind.dimension],
        )
        for kind in geometry_kinds.KINDS
    ]


def _arrays(export: ExportQuery, rows: list[dict]) -> tuple[np.ndarray, list[np.ndarray]]:
    geometry = np.array([bytes(row["_wkb"]) for row in rows], dtype=object)
    names = [*export.columns, *export.gpkg_extra]
    fields = [
        _field_array(export.kind(name), [row[f"{_COLUMN}{name}"] for row in rows]) for name in names
    ]
    return geometry, fields


def _field_array(kind: str, values) -> np.ndarray:
    if kind == "int":
        return np.array(values, dtype=np.int64)
    if kind == "float":
        return np.array(values, dtype=np.float64)
    if kind == "bool":
        return np.array(values, dtype=bool)
    if kind == "datetime":  # in UTC, written with the UTC flag (_UTC_FLAG)
        return np.array(
            [v.astimezone(UTC).replace(tzinfo=None) for v in values], dtype="datetime64[ms]"
        )
    return np.array(list(values), dtype=object)


_UTC_FLAG = 100  # GDAL's time zone flag of a date-time in UTC: written as ISO 8601 with Z


def write_gpkg(export: ExportQuery, directory: Path) -> Path:
    """Write a GeoPackage (EPSG:4326) into `directory` and return its path. Date-times are
    UTC and carry the `Z` the GeoPackage spec asks for."""
    path = directory / f"{export.name}.gpkg"
    names = [*export.columns, *export.gpkg_extra]
    for layer_name, geometry_type, rows in _gpkg_layers(export):
        geometry, fields = _arrays(export, rows)
        utc = {
            name: np.full(len(rows), _UTC_FLAG, dtype=np.int32)
            for name in names
            if export.kind(name) == "datetime"
        }
        pyogrio.raw.write(
            str(path),
            geometry,
            fields,
            names,
            layer=layer_name,
            driver="GPKG",
            geometry_type=geometry_type,
            crs="EPSG:4326",
            # GeoPackage 1.3, not GDAL 3.12's default 1.4: QGIS builds with GDAL < 3.7 read
            # 1.4 only with a warning.
            dataset_options={"VERSION": "1.3"},
            gdal_tz_offsets=utc,
        )
    return path


def gpkg_file(export: ExportQuery):
    """An open binary file of the GeoPackage; nothing of it stays on disk.

    The file is written into a private temporary directory, opened, and the directory
    removed at once: the open handle keeps the data readable until the response closes it.
    """
    with tempfile.TemporaryDirectory(prefix="stadtmacher-export-") as directory:
        path = write_gpkg(export, Path(directory))
        handle = path.open("rb")
    return handle

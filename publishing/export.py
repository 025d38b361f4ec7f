"""Exports of proposals (with their overlay results) and clusters for GIS: GeoPackage,
GeoJSON and CSV. Views are in publishing/export_api.py.

Every export is one query built in PostGIS from an `ExportQuery` (columns as SQL
expressions, a geometry, the rows): GeoJSON is assembled by json_agg, CSV streams out of
COPY, and the GeoPackage is written by pyogrio (its bundled GDAL) from column arrays into a
temporary file that is unlinked before the response streams it.
"""

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyogrio.raw
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import get_language

from proposals.models import Proposal

from . import proposal_columns

# Spreadsheets run cells that start with these as formulas; CSV text cells get a ' in front.
FORMULA_START = r"^[=+\-@\t\r]"
UTF8_BOM = "\ufeff".encode()


@dataclass(frozen=True)
class Column:
    name: str
    sql: str
    kind: str = "str"  # str | int | float | bool | datetime (the GeoPackage field type)


@dataclass(frozen=True)
class ExportQuery:
    name: str  # file and layer name
    columns: list[Column]
    geom_sql: str
    rows_sql: str  # "FROM ... WHERE ... ORDER BY ..."
    params: list  # the parameters of the column expressions, then of rows_sql
    json_extra: tuple[tuple[str, str], ...] = ()  # (name, SQL json) only in GeoJSON
    geometry_type: str = "Unknown"  # of the GeoPackage layer; proposals mix points, lines, areas


def _select(columns: list[Column]) -> str:
    return ",\n".join(f"{c.sql} AS {c.name}" for c in columns)


def _csv_cell(column: Column) -> str:
    """e.<name> for CSV: ISO 8601 times; a ' in front of text a spreadsheet would run."""
    value = f"e.{column.name}"
    if column.kind == "datetime":  # ISO 8601, as in the GeoJSON
        return f"to_json({value}) #>> '{{}}'"
    if column.kind != "str":
        return value
    return f"CASE WHEN {value} ~ '{FORMULA_START}' THEN '''' || {value} ELSE {value} END"


# --- what is exported ----------------------------------------------------------------


PROPOSAL_KINDS = {
    "id": "int",
    "support_count": "int",
    "comment_count": "int",
    "created_at": "datetime",
}


def proposal_export(qs: QuerySet[Proposal], *, page_url: str) -> ExportQuery:
    """Proposals of `qs` (newest first) with author name, overlay results and a link to
    their page (page_url: proposal_columns.page_url_prefix())."""
    try:
        ids_sql, ids_params = qs.values("pk").query.sql_with_params()
    except EmptyResultSet:  # e.g. qs.none(): Django knows nothing matches
        ids_sql, ids_params = "SELECT NULL::bigint WHERE false", ()
    columns = [
        Column(name, sql, PROPOSAL_KINDS.get(name, "str")) for name, sql in proposal_columns.COLUMNS
    ]
    return ExportQuery(
        name="proposals",
        columns=columns,
        geom_sql="p.geom",
        rows_sql=f"FROM {proposal_columns.FROM} WHERE p.id IN ({ids_sql}) "
        "ORDER BY p.created_at DESC, p.id DESC",
        params=[*proposal_columns.sql_params(page_url=page_url), *ids_params],
        json_extra=(("zones", proposal_columns.ZONES_JSON),),
    )


def cluster_export(*, contested: bool | None = None) -> ExportQuery:
    """Current clusters (not dissolved), most contested first, with their member ids."""
    where, params = "c.dissolved_at IS NULL", []
    if contested is not None:
        where += " AND c.contested = %s"
        params.append(contested)
    language = (get_language() or "en")[:2]
    columns = [
        Column("id", "c.id", "int"),
        Column("contested", "c.contested", "bool"),
        Column("score", "round(c.score::numeric, 4)::float", "float"),
        Column(
            "explanation",
            "coalesce(c.explanation->>%s, c.explanation->>'en', '')",
        ),
        Column("categories", "array_to_string(c.categories, ';')"),
        Column("claim_count", "c.claim_count", "int"),
        Column("proposal_count", "c.proposal_count", "int"),
        Column("conflict_count", "c.conflict_count", "int"),
        Column("incompatible_count", "c.incompatible_count", "int"),
        Column("author_count", "c.author_count", "int"),
        Column("support_count", "c.support_count", "int"),
        Column("overlap_area_m2", "round(c.overlap_area_m2::numeric, 1)::float", "float"),
        Column(
            "proposal_ids",
            "coalesce((SELECT string_agg(m.proposal_id::text, ';' ORDER BY m.proposal_id) "
            "FROM spatial_clustermember m WHERE m.cluster_id = c.id), '')",
        ),
        Column("updated_at", "c.updated_at", "datetime"),
    ]
    return ExportQuery(
        name="clusters",
        columns=columns,
        geom_sql="c.outline",
        rows_sql=f"FROM spatial_cluster c WHERE {where} "
        "ORDER BY c.contested DESC, c.score DESC, c.id",
        params=[language, *params],
        geometry_type="MultiPolygon",
    )


# --- writers ---------------------------------------------------------------------------


def geojson_text(export: ExportQuery) -> str:
    """An RFC 7946 FeatureCollection, built by PostgreSQL in one query."""
    pairs = [f"'{c.name}', e.{c.name}" for c in export.columns]
    pairs += [f"'{name}', e.{name}" for name, _sql in export.json_extra]
    extra = "".join(f", {sql} AS {name}" for name, sql in export.json_extra)
    sql = f"""
        SELECT json_build_object('type', 'FeatureCollection', 'name', %s, 'features',
            coalesce(json_agg(json_build_object(
                'type', 'Feature', 'id', e.id,
                'geometry', ST_AsGeoJSON(e.geom, 6)::json,
                'properties', json_build_object({", ".join(pairs)}))), '[]'::json))::text
        FROM (SELECT {_select(export.columns)}{extra}, {export.geom_sql} AS geom
              {export.rows_sql}) AS e
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [export.name, *export.params])
        return cursor.fetchone()[0]


def csv_chunks(export: ExportQuery) -> Iterator[bytes]:
    """CSV (UTF-8 with a byte order mark, so spreadsheets get the umlauts right; header
    row) streamed out of COPY: the columns, then the geometry as WKT and the
    longitude/latitude of its centroid (EPSG:4326, 6 decimals)."""
    cells = ", ".join(f"{_csv_cell(c)} AS {c.name}" for c in export.columns)
    sql = f"""
        COPY (SELECT {cells}, e.wkt, e.lon, e.lat FROM (
            SELECT {_select(export.columns)},
                   ST_AsText({export.geom_sql}, 6) AS wkt,
                   round(ST_X(ST_Centroid({export.geom_sql}))::numeric, 6) AS lon,
                   round(ST_Y(ST_Centroid({export.geom_sql}))::numeric, 6) AS lat
            {export.rows_sql}) AS e)
        TO STDOUT WITH (FORMAT csv, HEADER true)
    """
    yield UTF8_BOM
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(sql, export.params) as copy:
        yield from (bytes(block) for block in copy)


def _arrays(export: ExportQuery) -> tuple[np.ndarray, list[np.ndarray]]:
    sql = f"SELECT ST_AsBinary({export.geom_sql}), {_select(export.columns)} {export.rows_sql}"
    with connection.cursor() as cursor:
        cursor.execute(sql, export.params)
        rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [()] * (len(export.columns) + 1)
    geometry = np.array([bytes(g) for g in columns[0]], dtype=object)
    fields = [
        _field_array(c.kind, values) for c, values in zip(export.columns, columns[1:], strict=True)
    ]
    return geometry, fields


def _field_array(kind: str, values) -> np.ndarray:
    if kind == "int":
        return np.array(values, dtype=np.int64)
    if kind == "float":
        return np.array(values, dtype=np.float64)
    if kind == "bool":
        return np.array(values, dtype=bool)
    if kind == "datetime":  # UTC; GeoPackage stores ISO 8601 date-times
        return np.array([v.replace(tzinfo=None) for v in values], dtype="datetime64[ms]")
    return np.array(list(values), dtype=object)


def write_gpkg(export: ExportQuery, directory: Path) -> Path:
    """Write a GeoPackage (EPSG:4326) into `directory` and return its path."""
    path = directory / f"{export.name}.gpkg"
    geometry, fields = _arrays(export)
    pyogrio.raw.write(
        str(path),
        geometry,
        fields,
        [c.name for c in export.columns],
        layer=export.name,
        driver="GPKG",
        geometry_type=export.geometry_type,
        crs="EPSG:4326",
        # GeoPackage 1.3, not GDAL 3.12's default 1.4: QGIS builds with GDAL < 3.7 read 1.4
        # only with a warning.
        dataset_options={"VERSION": "1.3"},
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

"""The import pipeline: a checked file in, features in PostGIS out, all or nothing.

prepare() checks the file and the options and fails fast with a ValidationError (the API
calls it before accepting an upload). load() streams the layer in batches through
pyogrio -> shapely (reproject, repair) -> COPY into layers_feature, cuts zoning and
district polygons into layers_featurepart, refreshes the overlay and marks the layer done,
all in one transaction. Progress goes to the Layer row through a second connection, so
pollers see it while the data stays invisible until the commit.
"""

import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np
import pyproj
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from psycopg.types.json import set_json_dumps

from . import geometry, reading, uploads
from .models import LayerKind, LayerState
from .overlay import overlay_refresh

logger = logging.getLogger(__name__)
_dumps = json.JSONEncoder(default=str, allow_nan=False).encode  # one encoder, reused

REPORT_MAX_ITEMS = 1000  # per list in the report; the counts are always complete
SUBDIVIDE_VERTICES = 256
# Zoning and district polygons in ANALYSIS_SRID, large ones cut into pieces of at most
# SUBDIVIDE_VERTICES vertices (small ones are copied as they are: ST_Subdivide would too).
PARTS_SQL = """
INSERT INTO layers_featurepart (layer_id, feature_id, geom)
SELECT layer_id, id, ST_Transform(geom, %(srid)s) FROM layers_feature
WHERE layer_id = %(layer)s AND ST_NPoints(geom) <= %(max)s
UNION ALL
SELECT layer_id, id, ST_Subdivide(ST_Transform(geom, %(srid)s), %(max)s) FROM layers_feature
WHERE layer_id = %(layer)s AND ST_NPoints(geom) > %(max)s
"""


@dataclass
class Prepared:
    dataset: Path
    info: reading.LayerInfo
    crs: str


def find_dataset(unpacked: Path, driver: str) -> Path:
    """The path GDAL should open: the file itself, or for Shapefiles the .shp / folder."""
    if driver != uploads.SHAPEFILE:
        return unpacked
    shps = sorted(p for p in unpacked.rglob("*") if p.suffix.lower() == ".shp")
    if len(shps) == 1:
        return shps[0]
    if len({p.parent for p in shps}) != 1:
        raise ValidationError(_("Put all Shapefiles of the zip in the same folder."))
    return shps[0].parent


def prepare(
    *,
    path: Path,
    file_name: str,
    workdir: Path,
    kind: str,
    zone_field: str | None = None,
    layer_name: str | None = None,
    population_field: str | None = None,
    name_field: str | None = None,
    source_srid: int | None = None,
) -> Prepared:
    if kind not in LayerKind.values:
        raise ValidationError(
            _("Unknown layer kind “%(kind)s”; use zoning, district or other.") % {"kind": kind}
        )
    unpacked, driver = uploads.unpack_upload(Path(path), file_name, Path(workdir))
    dataset = find_dataset(unpacked, driver)
    info = reading.layer_info(dataset, layer_name)
    if kind == LayerKind.ZONING and not zone_field:
        raise ValidationError(_("A zoning layer needs the attribute that holds the zone code."))
    for label, field in (
        (_("zone code"), zone_field),
        (_("population"), population_field),
        (_("name"), name_field),
    ):
        if field and field not in info.fields:
            raise ValidationError(
                _("The %(label)s attribute “%(field)s” is not in the layer; it has: %(fields)s.")
                % {"label": label, "field": field, "fields": ", ".join(info.fields) or "-"}
            )
    crs = reading.source_crs(info, source_srid)
    try:
        geometry.transformer_to_wgs84(crs)
    except Exception as exc:  # pyproj raises several kinds for unusable definitions
        raise ValidationError(
            _("The coordinate reference system cannot be used: %(error)s") % {"error": exc}
        ) from exc
    return Prepared(dataset=dataset, info=info, crs=crs)


def _json_values(values: np.ndarray) -> list:
    kind = values.dtype.kind
    if kind == "f":
        out = values.astype(object)
        out[~np.isfinite(values)] = None
        return out.tolist()
    if kind in "Mm":
        return [None if np.isnat(v) else str(v) for v in values]
    if kind == "O":
        return [
            v
            if v is None or isinstance(v, (str, bool, int))
            else (v if isinstance(v, float) and math.isfinite(v) else None)
            if isinstance(v, float)
            else (v.hex() if isinstance(v, bytes) else str(v))
            for v in values
        ]
    return values.tolist()


def _code(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()[:100]


def _population(value) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) and number >= 0 else None


class _ProgressWriter:
    """Writes state/progress on its own autocommit connection (visible at once)."""

    def __init__(self, layer_id: int):
        self.layer_id = layer_id
        self.connection = connections.create_connection("default")
        self.last = -1

    def __call__(self, progress: int, state: str = LayerState.RUNNING) -> None:
        if progress == self.last:
            return
        self.last = progress
        with self.connection.cursor() as cursor:
            cursor.execute(
                "UPDATE layers_layer SET state = %s, progress = %s WHERE id = %s",
                [state, progress, self.layer_id],
            )

    def close(self) -> None:
        self.connection.close()


class _Report:
    def __init__(self):
        self.read = self.imported = self.repaired = self.refused = 0
        self.outside_city = self.without_zone_code = 0
        self.repairs: list[dict] = []
        self.refusals: list[dict] = []

    def add(self, offset: int, batch: geometry.CleanBatch) -> None:
        self.repaired += len(batch.repaired)
        self.refused += len(batch.refused)
        for items, source in ((self.repairs, batch.repaired), (self.refusals, batch.refused)):
            room = REPORT_MAX_ITEMS - len(items)
            items.extend({"feature": offset + i + 1, "reason": r} for i, r in source[:room])

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "imported": self.imported,
            "repaired": self.repaired,
            "refused": self.refused,
            "outside_city": self.outside_city,
            "without_zone_code": self.without_zone_code,
            "repairs": self.repairs,
            "refusals": self.refusals,
        }


def _copy_batch(copy, *, layer, batch, fields, options) -> int:
    """COPY one cleaned batch (binary: EWKB as is); returns how many lack a zone code."""
    kept = batch.kept
    ewkb = batch.ewkb
    columns = {name: _json_values(values[kept]) for name, values in fields.items()}
    names = list(columns)
    attributes = [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]
    if not names:
        attributes = [{} for _ in range(len(kept))]
    n = len(kept)
    zone_values = columns.get(options["zone_field"]) if options["zone_field"] else None
    codes = [_code(v) for v in zone_values] if zone_values is not None else [""] * n
    name_values = columns.get(options["name_field"]) if options["name_field"] else None
    names_out = [str(v or "")[:255] for v in name_values] if name_values is not None else [""] * n
    population_values = (
        columns.get(options["population_field"]) if options["population_field"] else None
    )
    populations = (
        [_population(v) for v in population_values] if population_values is not None else [None] * n
    )
    for row in zip(repeat(layer.id), ewkb, attributes, codes, names_out, populations):
        copy.write_row(row)
    return codes.count("") if zone_values is not None else 0


def _postgis_srid(crs: str) -> int | None:
    """The EPSG code of the CRS when PostGIS knows it (so ST_Transform can reproject)."""
    epsg = pyproj.CRS.from_user_input(crs).to_epsg()
    if epsg is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM spatial_ref_sys WHERE srid = %s", [epsg])
        return epsg if cursor.fetchone() else None


def _outside_city(cursor, layer_id: int) -> int:
    """Features that do not reach into the city's bounds (a wrong CRS shows up here)."""
    cursor.execute(
        """SELECT count(*) FROM layers_feature
           WHERE layer_id = %s AND NOT geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)""",
        [layer_id, *settings.CITY_BBOX],
    )
    return cursor.fetchone()[0]


def load(layer, prepared: Prepared, *, on_progress: Callable[[int, int], None] | None = None):
    """Import the prepared layer into `layer` in one transaction; mark it done or failed."""
    progress = _ProgressWriter(layer.id)
    report = _Report()
    total = max(prepared.info.count, 1)
    options = {
        "zone_field": layer.zone_field,
        "name_field": layer.name_field,
        "population_field": layer.population_field,
    }
    polygons_only = layer.kind in (LayerKind.ZONING, LayerKind.DISTRICT)
    server_srid = _postgis_srid(prepared.crs)
    clean_options = {
        # Reprojection: by PostGIS when it knows the CRS by EPSG code, else by pyproj here.
        "transformer": None if server_srid else geometry.transformer_to_wgs84(prepared.crs),
        "srid": server_srid or 4326,
        "polygons_only": polygons_only,
    }
    try:
        progress(0)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM layers_featurepart WHERE layer_id = %s", [layer.id])
            cursor.execute("DELETE FROM layers_feature WHERE layer_id = %s", [layer.id])
            target = "layers_feature"
            if server_srid != 4326 and server_srid:
                target = "layer_import_staging"  # temporary: no WAL, no index, no checks
                cursor.execute(f"DROP TABLE IF EXISTS {target}")
                cursor.execute(
                    f"CREATE TEMP TABLE {target} (layer_id bigint, geom geometry, "
                    "attributes jsonb, zone_code text, name text, population bigint) "
                    "ON COMMIT DROP"
                )
            copy_sql = (
                f"COPY {target} (layer_id, geom, attributes, zone_code, name, population) "
                "FROM STDIN (FORMAT BINARY)"
            )
            set_json_dumps(_dumps, context=cursor.cursor)
            with cursor.copy(copy_sql) as copy:
                # Binary COPY: a geometry's binary form is EWKB, so bytes go in unchanged.
                copy.set_types(["bigint", "bytea", "jsonb", "text", "text", "bigint"])
                batches = reading.read_batches(
                    prepared.dataset, layer=prepared.info.name, columns=prepared.info.fields
                )
                for wkb, fields in batches:
                    batch = geometry.clean_batch(wkb, **clean_options)
                    report.add(report.read, batch)
                    report.without_zone_code += _copy_batch(
                        copy, layer=layer, batch=batch, fields=fields, options=options
                    )
                    report.read += len(wkb)
                    report.imported += len(batch.kept)
                    progress(min(88, 88 * report.read // total))
                    if on_progress:
                        on_progress(report.read, prepared.info.count)
            if target != "layers_feature":
                progress(89)
                cursor.execute(
                    f"""INSERT INTO layers_feature
                            (layer_id, geom, attributes, zone_code, name, population)
                        SELECT layer_id, ST_Transform(geom, 4326), attributes, zone_code,
                               name, population FROM {target}"""
                )
                cursor.execute(f"DROP TABLE {target}")
            report.outside_city = _outside_city(cursor, layer.id)
            if polygons_only:
                progress(92)
                cursor.execute(
                    PARTS_SQL,
                    {"srid": settings.ANALYSIS_SRID, "layer": layer.id, "max": SUBDIVIDE_VERTICES},
                )
                cursor.execute("ANALYZE layers_featurepart")
            if report.imported == 0:
                raise ValidationError(_("No feature could be imported (see the report)."))
            progress(95)
            layer.state = LayerState.DONE
            layer.progress = 100
            layer.feature_count = report.imported
            layer.report = report.as_dict()
            layer.source_crs = reading.crs_label(prepared.crs)
            layer.source_layer = prepared.info.name
            layer.error = ""
            layer.finished_at = timezone.now()
            layer.save()
            if polygons_only:
                overlay_refresh()
    except BaseException as exc:
        # The transaction is rolled back: no features, no parts. Record why, on the row.
        layer.state = LayerState.FAILED
        layer.progress = 0
        layer.feature_count = 0
        layer.report = report.as_dict()
        layer.error = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        layer.finished_at = timezone.now()
        progress.close()
        try:
            layer.save()
        except Exception:  # the original error matters more; log this one
            logger.exception("Could not record the failure of layer %s", layer.id)
        raise
    progress.close()
    return layer

"""The import pipeline: a checked file in, features in PostGIS out, all or nothing.

prepare() checks the file and the options and fails fast with a ValidationError (the API
calls it before accepting an upload). load() streams the layer in batches through
pyogrio -> shapely (reproject, repair) -> COPY into layers_feature, cuts zoning and
district polygons into layers_featurepart, refreshes the overlay and marks the layer done,
all in one transaction. Progress goes to the Layer row through a second connection, so
pollers see it while the data stays invisible until the commit.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyproj
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from psycopg.copy import QueuedLibpqWriter

from core import pgcopy

from . import copy_rows, geometry, location, reading, uploads, xplanung
from .models import Layer, LayerKind, LayerState
from .overlay import overlay_preview_in_effect, overlay_refresh_counting_changes

logger = logging.getLogger(__name__)

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
    location: dict | None = None  # layers.location.check(): where the layer lands
    ignored_files: list[str] | None = None  # sidecars skipped in a zip, by their names
    plan: dict | None = None  # XPlanGML: the plan the file describes (xplanung.plan_info)


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
    confirm_outside: bool = False,
) -> Prepared:
    """Check the file and the options without writing anything. A layer that lies mostly
    outside the city is refused (the reason names the likely CRS mix-up) unless
    `confirm_outside`."""
    if kind not in LayerKind.values:
        raise ValidationError(
            _("Unknown layer kind “%(kind)s”; use zoning, district or other.") % {"kind": kind}
        )
    ignored: list[str] = []
    unpacked, driver = uploads.unpack_upload(Path(path), file_name, Path(workdir), ignored=ignored)
    dataset = find_dataset(unpacked, driver)
    info = reading.layer_info(dataset, layer_name, driver=driver)
    if info.count == 0:  # refused now, with the upload, rather than by the import job later
        raise ValidationError(
            _("The layer “%(layer)s” has no features: there is nothing to import.")
            % {"layer": info.name}
        )
    if kind == LayerKind.ZONING and not zone_field:
        raise ValidationError(_("A zoning layer needs the attribute that holds the zone code."))
    _check_fields(
        info, zone_field=zone_field, population_field=population_field, name_field=name_field
    )
    crs = _usable_crs(info, source_srid)
    where = location.check(
        dataset=dataset, layer=info.name, count=info.count, crs=crs, driver=driver
    )
    if location.mostly_outside(where):
        where["message"] = location.describe(where)
        where["confirmed"] = confirm_outside
        if not confirm_outside:
            raise ValidationError(
                {
                    "confirm_outside": _(
                        "%(where)s. If the layer lies outside on purpose, confirm it "
                        "(confirm_outside in the API, --confirm-outside for import_layer)."
                    )
                    % {"where": where["message"]}
                }
            )
    plan = None
    if driver == uploads.XPLANGML:
        plan = xplanung.plan_info(dataset, reading.list_layers(dataset, driver=driver))
    return Prepared(
        dataset=dataset, info=info, crs=crs, location=where, ignored_files=ignored, plan=plan
    )


def _check_fields(info: reading.LayerInfo, **fields: str | None) -> None:
    """Each attribute option names an attribute of the layer (an XPlanGML layer's zone
    may also be xplanung.ZONE_FIELD, made from its ArtDerBaulNutzung)."""
    labels = {
        "zone_field": _("zone code"),
        "population_field": _("population"),
        "name_field": _("name"),
    }
    for option, field in fields.items():
        if not field or field in info.fields:
            continue
        if (
            option == "zone_field"
            and field == xplanung.ZONE_FIELD
            and xplanung.has_zone(info.fields)
        ):
            continue
        raise ValidationError(
            _("The %(label)s attribute “%(field)s” is not in the layer; it has: %(fields)s.")
            % {"label": labels[option], "field": field, "fields": ", ".join(info.fields) or "-"}
        )


def _usable_crs(info: reading.LayerInfo, source_srid: int | None) -> str:
    crs = reading.source_crs(info, source_srid)
    try:
        geometry.transformer_to_wgs84(crs)
    except Exception as exc:  # pyproj raises several kinds for unusable definitions
        raise ValidationError(
            _("The coordinate reference system cannot be used: %(error)s") % {"error": exc}
        ) from exc
    return crs


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
                "UPDATE layers_layer SET state = %s, progress = %s, progressed_at = now() "
                "WHERE id = %s",
                [state, progress, self.layer_id],
            )

    def close(self) -> None:
        self.connection.close()


class _Report:
    def __init__(self):
        self.read = self.imported = self.repaired = self.refused = 0
        self.outside_city = self.without_zone_code = 0
        self.side_effects: dict = {}  # overlay.overlay_refresh_counting_changes()
        self.pending_effects: dict = {}  # overlay.overlay_preview_in_effect(), if not in effect
        self.repairs: list[dict] = []
        self.refusals: list[dict] = []
        self.seconds: dict[str, float] = {}  # wall time of each step (operators, make bench)
        self._clock = time.perf_counter()

    def step(self, name: str) -> None:
        """Close the step `name`: the time since the previous step ended."""
        now = time.perf_counter()
        self.seconds[name] = round(now - self._clock, 3)
        self._clock = now

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
            "seconds": self.seconds,
            "side_effects": self.side_effects,
            **({"pending_effects": self.pending_effects} if self.pending_effects else {}),
        }


def _batch_rows(*, layer_id: int, batch, fields, options) -> tuple[bytes, int]:
    """The binary COPY rows of one cleaned batch, and how many lack a zone code."""
    kept = batch.kept
    n = len(kept)
    columns = {name: values[kept] for name, values in fields.items()}
    attributes = copy_rows.attributes_json(
        {name: copy_rows.json_column(values) for name, values in columns.items()}, n
    )

    def values_of(option: str) -> list | None:
        return columns[options[option]].tolist() if options[option] else None

    zone_names = None
    if options["zone_field"] == xplanung.ZONE_FIELD:
        codes, zone_names = xplanung.zone_columns(columns, n)
    else:
        zone_values = values_of("zone_field")
        codes = [copy_rows.zone_code(v) for v in zone_values] if zone_values is not None else None
    name_values = values_of("name_field") or zone_names
    population_values = values_of("population_field")
    data = copy_rows.rows(
        layer_id=layer_id,
        ewkb=batch.ewkb,
        attributes=attributes,
        codes=codes or [""] * n,
        names=[copy_rows.name(v) for v in name_values] if name_values else [""] * n,
        populations=[copy_rows.population(v) for v in population_values]
        if population_values
        else [None] * n,
    )
    return data, codes.count("") if codes is not None else 0


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


@dataclass
class _Import:
    """What the steps of one `load` share."""

    layer: object
    prepared: Prepared
    progress: _ProgressWriter
    report: _Report
    on_progress: Callable[[int, int], None] | None
    server_srid: int | None  # set: PostGIS reprojects from this EPSG code
    clean_options: dict

    @property
    def polygons_only(self) -> bool:
        return self.layer.kind in (LayerKind.ZONING, LayerKind.DISTRICT)

    @property
    def options(self) -> dict:
        layer = self.layer
        return {
            "zone_field": layer.zone_field,
            "name_field": layer.name_field,
            "population_field": layer.population_field,
        }


def _start(layer, prepared: Prepared, on_progress) -> _Import:
    server_srid = _postgis_srid(prepared.crs)
    run = _Import(
        layer=layer,
        prepared=prepared,
        progress=_ProgressWriter(layer.id),
        report=_Report(),
        on_progress=on_progress,
        server_srid=server_srid,
        clean_options={},
    )
    run.clean_options = {
        # Reprojection: by PostGIS when it knows the CRS by EPSG code, else by pyproj here.
        "transformer": None if server_srid else geometry.transformer_to_wgs84(prepared.crs),
        "srid": server_srid or 4326,
        "polygons_only": run.polygons_only,
    }
    return run


def _lock_and_clear(cursor, layer_id: int) -> None:
    """Hold the layer (it may not be deleted while its features go in: the feature->layer
    check runs per statement, see migration 0004) and drop its previous features."""
    cursor.execute("SELECT 1 FROM layers_layer WHERE id = %s FOR KEY SHARE", [layer_id])
    if cursor.fetchone() is None:
        raise ValidationError(_("The layer was deleted before its import began."))
    cursor.execute("DELETE FROM layers_featurepart WHERE layer_id = %s", [layer_id])
    cursor.execute("DELETE FROM layers_feature WHERE layer_id = %s", [layer_id])


STAGING = "layer_import_staging"  # temporary: no WAL, no index, no checks


def _copy_target(cursor, server_srid: int | None) -> str:
    """The table the rows are copied into: layers_feature when they are in EPSG:4326,
    else a staging table from which PostGIS reprojects them."""
    if not server_srid or server_srid == 4326:
        return "layers_feature"
    cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
    cursor.execute(
        f"CREATE TEMP TABLE {STAGING} (layer_id bigint, geom geometry, "
        "attributes jsonb, zone_code text, name text, population bigint) ON COMMIT DROP"
    )
    return STAGING


def _copy_features(cursor, run: _Import, target: str) -> None:
    """Read, clean and COPY every batch of the file into `target`, counting in the report.

    The rows are built here in binary COPY form (a geometry's binary form is EWKB, so
    unchanged geometries go in as read); a writer thread sends them while the next batch
    is read and cleaned, so Python and PostgreSQL work side by side."""
    report, prepared, options = run.report, run.prepared, run.options
    total = max(prepared.info.count, 1)
    in_lon_lat = run.clean_options["srid"] == 4326
    writer = QueuedLibpqWriter(cursor.cursor)
    with pgcopy.binary_copy(cursor.cursor, target, copy_rows.COLUMNS, writer=writer) as write:
        batches = reading.read_batches(
            prepared.dataset,
            layer=prepared.info.name,
            columns=prepared.info.fields,
            driver=prepared.info.driver,
        )
        for wkb, fields in batches:
            batch = geometry.clean_batch(wkb, **run.clean_options)
            report.add(report.read, batch)
            data, without_zone_code = _batch_rows(
                layer_id=run.layer.id, batch=batch, fields=fields, options=options
            )
            write(data)
            report.without_zone_code += without_zone_code
            if in_lon_lat:  # counted here; PostGIS-reprojected ones after the COPY
                report.outside_city += geometry.count_outside(batch.geoms, settings.CITY_BBOX)
            report.read += len(wkb)
            report.imported += len(batch.kept)
            run.progress(min(88, 88 * report.read // total))
            if run.on_progress:
                run.on_progress(report.read, prepared.info.count)


def _reproject_staged(cursor, run: _Import, target: str) -> None:
    """Move staged rows into layers_feature in EPSG:4326 and count those outside the city."""
    if target != "layers_feature":
        run.progress(89)
        cursor.execute(
            f"""INSERT INTO layers_feature
                    (layer_id, geom, attributes, zone_code, name, population)
                SELECT layer_id, ST_Transform(geom, 4326), attributes, zone_code,
                       name, population FROM {target}"""
        )
        cursor.execute(f"DROP TABLE {target}")
    if run.clean_options["srid"] != 4326:
        run.report.outside_city = _outside_city(cursor, run.layer.id)


def _cut_parts(cursor, run: _Import) -> None:
    """The zoning or district polygons in ANALYSIS_SRID, cut into layers_featurepart."""
    run.progress(92)
    cursor.execute(
        PARTS_SQL,
        {"srid": settings.ANALYSIS_SRID, "layer": run.layer.id, "max": SUBDIVIDE_VERTICES},
    )
    cursor.execute("ANALYZE layers_featurepart")
    run.report.step("parts")


def _full_report(run: _Import) -> dict:
    """The import's counts with what prepare() found: where the layer lands, the skipped
    sidecar files."""
    prepared = run.prepared
    return {
        **run.report.as_dict(),
        "location": prepared.location,
        "ignored_files": prepared.ignored_files or [],
        "plan": prepared.plan,
    }


def _mark_done(run: _Import) -> None:
    """Store the layer as done with its report; then refresh the overlay, which joins only
    layers in state done."""
    layer, report, prepared = run.layer, run.report, run.prepared
    if report.imported == 0:
        raise ValidationError(_("No feature could be imported (see the report)."))
    run.progress(95)
    layer.state = LayerState.DONE
    layer.progress = 100
    layer.feature_count = report.imported
    layer.report = _full_report(run)
    layer.source_crs = reading.crs_label(prepared.crs)
    layer.source_layer = prepared.info.name
    layer.error = ""
    layer.finished_at = timezone.now()
    layer.save()
    if not run.polygons_only:
        return
    if layer.in_effect:
        if layer.kind == LayerKind.DISTRICT:
            _first_district_layer_decides(layer)
        report.side_effects = overlay_refresh_counting_changes()
    else:  # a zoning layer waiting for the planner: what it would change
        report.pending_effects = {
            **overlay_preview_in_effect(layer_id=layer.id),
            "computed_at": timezone.now().isoformat(),
        }
    report.step("overlay")
    layer.report = _full_report(run)
    layer.save(update_fields=["report"])


def _first_district_layer_decides(layer) -> None:
    """The first district layer decides the districts (there is nothing to choose from);
    a later one only when a planner chooses it (services.district_layer_choose)."""
    others = Layer.objects.filter(kind=LayerKind.DISTRICT, state=LayerState.DONE).exclude(
        pk=layer.pk
    )
    if others.exists() or Layer.objects.filter(authoritative=True).exists():
        return
    try:
        with transaction.atomic():  # a concurrent first import may have won
            Layer.objects.filter(pk=layer.pk).update(authoritative=True)
        layer.authoritative = True
    except IntegrityError:
        pass


def stopped_message() -> str:
    return _(
        "The import stopped without finishing (the server ended it, e.g. after a time "
        "limit). Please upload the file again."
    )


def failure_message(exc: BaseException) -> str:
    """What a planner reads about a failed import: the reasons of a refusal, a sentence for
    a time limit or a killed process (never a bare exit code such as "1")."""
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    if isinstance(exc, SoftTimeLimitExceeded):
        return _(
            "The import took longer than the time limit of %(minutes)d minutes and was "
            "stopped. Split the file, or ask the operator to raise LAYER_IMPORT_TIME_LIMIT."
        ) % {"minutes": round(settings.LAYER_IMPORT_TIME_LIMIT / 60)}
    if not isinstance(exc, Exception) or not str(exc).strip():
        return stopped_message()  # SystemExit from a timed-out web worker, Ctrl-C
    return str(exc)


def _mark_failed(run: _Import, exc: BaseException) -> None:
    """Record on the row why the import failed (its transaction is rolled back: no
    features, no parts)."""
    layer = run.layer
    layer.state = LayerState.FAILED
    layer.progress = 0
    layer.feature_count = 0
    layer.report = _full_report(run)
    layer.error = failure_message(exc)
    layer.finished_at = timezone.now()
    run.progress.close()
    try:
        layer.save()
    except Exception:  # the original error matters more; log this one
        logger.exception("Could not record the failure of layer %s", layer.id)


def load(layer, prepared: Prepared, *, on_progress: Callable[[int, int], None] | None = None):
    """Import the prepared layer into `layer` in one transaction; mark it done or failed."""
    run = _start(layer, prepared, on_progress)
    try:
        run.progress(0)
        with transaction.atomic(), connection.cursor() as cursor:
            _lock_and_clear(cursor, layer.id)
            target = _copy_target(cursor, run.server_srid)
            _copy_features(cursor, run, target)
            _reproject_staged(cursor, run, target)
            run.report.step("features")
            if run.polygons_only:
                _cut_parts(cursor, run)
            _mark_done(run)
    except BaseException as exc:
        _mark_failed(run, exc)
        raise
    run.progress.close()
    return layer

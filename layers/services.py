"""Writes of the layers app: imports, deletion, zoning rules, overlay upkeep.

The writes a planner asks for take the person as `user` and check its permission first
(accounts.rules.require); user None is the platform itself (the import command, the demo
data, the worker), as in require.
"""

import csv
import io
import shutil
import tempfile
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _

from accounts.rules import require
from proposals.models import Category

from . import hooks, importing, liveness, reading, uploads, xplanung
from .models import Layer, LayerKind, LayerState, Verdict, ZoningRule
from .overlay import (
    overlay_preview_in_effect,
    overlay_refresh,
    overlay_refresh_counting_changes,
    overlay_refresh_verdicts,
    proposals_using_layer,
)

UPLOAD_DIR = "layer-uploads"


def _upload_discard(name: str) -> None:
    """Delete a stored upload and the folder of its own it was saved in
    (UPLOAD_DIR/<uuid>/), so no empty folders pile up under MEDIA_ROOT."""
    default_storage.delete(name)  # no error when it is already gone
    folder = str(Path(name).parent)
    if Path(folder).parent != Path(UPLOAD_DIR):
        return
    try:
        if default_storage.exists(folder) and default_storage.listdir(folder) == ([], []):
            Path(default_storage.path(folder)).rmdir()
    except (NotImplementedError, OSError):
        pass  # a storage without folders, or someone else's file arrived: nothing to tidy


# The private working folders of uploads and imports (tempfile.mkdtemp prefixes below) and
# Django's temporary copies of large request bodies ("tmpXXXX.upload.gpkg").
TEMP_PREFIXES = ("layer-upload-", "layer-import-", "layer-fetch-", "layer-list-", "layer-inspect-")


def _temp_leftovers_remove(cutoff: float) -> None:
    folders = {
        Path(tempfile.gettempdir()),
        Path(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir()),
    }
    for folder in folders:
        for entry in folder.glob("*"):
            ours = entry.name.startswith(TEMP_PREFIXES) or ".upload" in entry.name
            try:
                if not ours or entry.is_symlink() or entry.lstat().st_mtime >= cutoff:
                    continue
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
            except OSError:
                continue  # gone meanwhile, or not ours to remove


def _layer_fail_stopped(layer: Layer, message: str, now) -> None:
    updated = Layer.objects.filter(
        pk=layer.pk, state__in=[LayerState.RUNNING, LayerState.PENDING]
    ).update(state=LayerState.FAILED, progress=0, error=message, upload="", finished_at=now)
    if updated and layer.upload:
        _upload_discard(layer.upload)


def layer_import_give_up(layer: Layer) -> None:
    """A job that was started LAYER_IMPORT_MAX_ATTEMPTS times and each time lost its worker
    (e.g. the file makes it run out of memory) is not started again."""
    message = _(
        "The import was started %(attempts)d times and each time the worker stopped without "
        "finishing (for example, it ran out of memory). Split the file, or ask the operator "
        "to look at the worker's log."
    ) % {"attempts": layer.attempts}
    _layer_fail_stopped(layer, message, timezone.now())
    layer.refresh_from_db()


def _can_requeue(layer: Layer) -> bool:
    return (
        not settings.CELERY_TASK_ALWAYS_EAGER
        and bool(layer.upload)
        and layer.attempts < settings.LAYER_IMPORT_MAX_ATTEMPTS
        and default_storage.exists(layer.upload)
    )


# A lease is taken a moment after a layer is marked running (and a killed process's lock
# is freed a moment after it died): a free lock counts only after this many seconds.
LEASE_GRACE_SECONDS = 5


def _recover_one(conn, layer_id: int, now) -> str | None:
    """Decide about one "running" layer while holding its lock (if free), so that no run
    can start meanwhile. Returns "requeued", "failed" or None (alive)."""
    free = liveness.try_lock(conn, layer_id)
    try:
        layer = Layer.objects.filter(pk=layer_id, state=LayerState.RUNNING).first()
        if layer is None:
            return None
        last_sign = layer.progressed_at or layer.created_at
        silent = last_sign < now - timedelta(seconds=settings.LAYER_IMPORT_STALE_AFTER)
        orphaned = free and last_sign < now - timedelta(seconds=LEASE_GRACE_SECONDS)
        if not (orphaned or silent):
            return None
        if free and layer.attempts >= settings.LAYER_IMPORT_MAX_ATTEMPTS:
            layer_import_give_up(layer)
            return "failed"
        if free and _can_requeue(layer):
            Layer.objects.filter(pk=layer_id, state=LayerState.RUNNING).update(
                state=LayerState.PENDING, progress=0, progressed_at=now
            )
            from .tasks import layer_import_task

            layer_import_task.delay(layer_id)
            return "requeued"
        _layer_fail_stopped(layer, importing.stopped_message(), now)
        return "failed"
    finally:
        if free:
            liveness.unlock(conn, layer_id)


def layer_imports_recover() -> dict:
    """Re-queue or fail the imports that stopped without finishing, and remove what they
    left behind. Returns {"requeued": n, "failed": n}.

    "Running" layers: an import nobody runs any more (its lease is free: the process died,
    see layers.liveness; or its heartbeat was silent for LAYER_IMPORT_STALE_AFTER: the
    machine is gone) is queued again while its upload is stored and it was started fewer
    than LAYER_IMPORT_MAX_ATTEMPTS times, else marked failed with a sentence. Without a
    broker nothing would run it again: failed. A layer waiting without a broker for
    LAYER_IMPORT_STALE_AFTER is failed too (nothing else would start it); with a broker it
    may just be queued (LayerSerializer says so after LAYER_IMPORT_WAITING_HINT_AFTER)."""
    now = timezone.now()
    result = {"requeued": 0, "failed": 0}
    running = list(Layer.objects.filter(state=LayerState.RUNNING).values_list("id", flat=True))
    if running:
        conn = liveness.connect()
        try:
            for layer_id in running:
                outcome = _recover_one(conn, layer_id, now)
                if outcome:
                    result[outcome] += 1
        finally:
            conn.close()
    if settings.CELERY_TASK_ALWAYS_EAGER:
        cutoff = now - timedelta(seconds=settings.LAYER_IMPORT_STALE_AFTER)
        for layer in Layer.objects.filter(state=LayerState.PENDING, created_at__lt=cutoff):
            _layer_fail_stopped(layer, importing.stopped_message(), now)
            result["failed"] += 1
    # A live import's private files are younger than its hard time limit.
    _temp_leftovers_remove(
        (now - timedelta(seconds=settings.LAYER_IMPORT_TIME_LIMIT + 120)).timestamp()
    )
    return result


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "layer"
    slug, n = base, 1
    while Layer.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _layer_create(*, name, kind, file_name, options, user, state, in_effect=False) -> Layer:
    """A new layer row. A zoning layer is not in effect unless `in_effect` (the planner
    confirms it after seeing what it would change); other layers always are."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Give the layer a name."))
    return Layer.objects.create(
        name=name[:200],
        slug=_unique_slug(name),
        kind=kind,
        source_name=file_name[:255],
        source_layer=options.get("layer_name") or "",
        source_crs=f"EPSG:{options['source_srid']}" if options.get("source_srid") else "",
        zone_field=options.get("zone_field") or "",
        name_field=options.get("name_field") or "",
        population_field=options.get("population_field") or "",
        created_by=user if user and user.is_authenticated else None,
        state=state,
        in_effect=in_effect or kind != LayerKind.ZONING,
    )


def layer_list_layers(path, *, file_name: str | None = None) -> list[dict]:
    """The layers inside a file (e.g. a multi-layer GeoPackage), each with its attributes."""
    workdir = Path(tempfile.mkdtemp(prefix="layer-list-"))
    try:
        unpacked, driver = uploads.unpack_upload(Path(path), file_name or Path(path).name, workdir)
        dataset = importing.find_dataset(unpacked, driver)
        names = reading.list_layers(dataset, driver=driver)
        # XPlanGML: each feature class is a layer; they share the plan's description, and
        # a class with ArtDerBaulNutzung offers the zone made from it first.
        plan = xplanung.plan_info(dataset, names) if driver == uploads.XPLANGML else None
        result = []
        for name in names:
            info = reading.layer_info(dataset, name, driver=driver)
            zone = (
                [xplanung.ZONE_FIELD] if plan is not None and xplanung.has_zone(info.fields) else []
            )
            entry = {
                "name": info.name,
                "geometry_type": info.geometry_type,
                "feature_count": info.count,
                "fields": [*zone, *info.fields],
                "crs": reading.crs_label(info.crs) if info.crs else None,
            }
            if plan is not None:
                entry["plan"] = plan
            result.append(entry)
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _safe_file_name(name: str | None) -> str:
    return Path(get_valid_filename(Path(name or "upload").name)).name


def layer_inspect_upload(*, file, user=None) -> list[dict]:
    """layer_list_layers() for an uploaded file; nothing is stored."""
    require(user, "layers.add_layer")
    uploads.check_size(file.size)
    workdir = Path(tempfile.mkdtemp(prefix="layer-inspect-"))
    try:
        file_name = _safe_file_name(file.name)
        local = workdir / file_name
        with open(local, "wb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        return layer_list_layers(local, file_name=file_name)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def layer_import(
    *,
    path,
    name: str,
    kind: str,
    zone_field: str | None = None,
    layer_name: str | None = None,
    population_field: str | None = None,
    name_field: str | None = None,
    source_srid: int | None = None,
    confirm_outside: bool = False,
    in_effect: bool = False,
    file_name: str | None = None,
    user=None,
    layer: Layer | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Layer:
    """Import a local GIS file as a layer, synchronously. All or nothing.

    A new zoning layer is imported but not in effect, with what putting it into effect
    would change in `report.pending_effects`, unless `in_effect` (`import_layer --yes`, the
    demo): then its changes are in `report.side_effects` as for other layers.

    Bad files or options raise ValidationError; with no `layer` given nothing is written,
    with a `layer` (the worker's case) that layer is marked failed with the reason.
    """
    file_name = file_name or Path(path).name
    options = {
        "zone_field": zone_field,
        "layer_name": layer_name,
        "population_field": population_field,
        "name_field": name_field,
        "source_srid": source_srid,
    }
    workdir = Path(tempfile.mkdtemp(prefix="layer-import-"))
    try:
        try:
            prepared = importing.prepare(
                path=Path(path),
                file_name=file_name,
                workdir=workdir,
                kind=kind,
                confirm_outside=confirm_outside,
                **options,
            )
        except ValidationError as exc:
            if layer is not None:
                layer.state, layer.progress = LayerState.FAILED, 0
                layer.error = "; ".join(exc.messages)
                layer.save(update_fields=["state", "progress", "error"])
            raise
        if layer is not None:  # the worker's case: the job holds the lease already
            return importing.load(layer, prepared, on_progress=on_progress)
        layer = _layer_create(
            name=name,
            kind=kind,
            file_name=file_name,
            options=options,
            user=user,
            state=LayerState.RUNNING,
            in_effect=in_effect,
        )
        with liveness.Lease(layer.id):  # so the recovery check sees it is alive
            return importing.load(layer, prepared, on_progress=on_progress)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def layer_upload(
    *,
    file,
    name: str,
    kind: str,
    zone_field: str | None = None,
    layer_name: str | None = None,
    population_field: str | None = None,
    name_field: str | None = None,
    source_srid: int | None = None,
    confirm_outside: bool = False,
    user=None,
) -> Layer:
    """Accept an uploaded file: check it now, store it, queue the import. Returns the layer.

    The file goes to default_storage so a worker on another machine can read it (with
    more than one machine, default_storage must be shared storage).
    """
    require(user, "layers.add_layer")
    uploads.check_size(file.size, imported_in_request=True)
    file_name = _safe_file_name(file.name)
    options = {
        "zone_field": zone_field,
        "layer_name": layer_name,
        "population_field": population_field,
        "name_field": name_field,
        "source_srid": source_srid,
    }
    workdir = Path(tempfile.mkdtemp(prefix="layer-upload-"))
    try:
        local = workdir / file_name
        with open(local, "wb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        check_dir = Path(tempfile.mkdtemp(dir=workdir))
        importing.prepare(
            path=local,
            file_name=file_name,
            workdir=check_dir,
            kind=kind,
            confirm_outside=confirm_outside,
            **options,
        )
        with open(local, "rb") as stored:
            storage_name = default_storage.save(
                f"{UPLOAD_DIR}/{uuid.uuid4().hex}/{file_name}", File(stored)
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    from .tasks import layer_import_task

    with transaction.atomic():
        layer = _layer_create(
            name=name,
            kind=kind,
            file_name=file_name,
            options=options,
            user=user,
            state=LayerState.PENDING,
        )
        layer.upload = storage_name
        layer.save(update_fields=["upload"])
        transaction.on_commit(lambda: layer_import_task.delay(layer.id))
    return layer


def layer_import_stored(*, layer: Layer, on_progress=None) -> Layer:
    """The worker's side of an upload: fetch the stored file, import it, delete it."""
    workdir = Path(tempfile.mkdtemp(prefix="layer-fetch-"))
    try:
        local = workdir / (Path(layer.upload).name or "upload")
        try:
            with default_storage.open(layer.upload, "rb") as src, open(local, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        except FileNotFoundError:
            message = _("The uploaded file is no longer stored; upload it again.")
            layer.state, layer.progress, layer.error = LayerState.FAILED, 0, message
            layer.save(update_fields=["state", "progress", "error"])
            raise ValidationError(message) from None
        srid = layer.source_crs.removeprefix("EPSG:") if layer.source_crs else None
        return layer_import(
            path=local,
            name=layer.name,
            kind=layer.kind,
            zone_field=layer.zone_field or None,
            layer_name=layer.source_layer or None,
            population_field=layer.population_field or None,
            name_field=layer.name_field or None,
            source_srid=int(srid) if srid and srid.isdigit() else None,
            # The upload was checked with the same file and options; a layer outside the
            # city got here only because the planner confirmed it.
            confirm_outside=True,
            file_name=layer.source_name or local.name,
            layer=layer,
            on_progress=on_progress,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if layer.upload and layer.state in (LayerState.DONE, LayerState.FAILED):
            _upload_discard(layer.upload)
            Layer.objects.filter(pk=layer.pk).update(upload="")
            layer.upload = ""


@transaction.atomic
def layer_delete(*, layer: Layer, user=None) -> None:
    """Delete a layer with its features in a few set-based statements; refresh overlays."""
    require(user, "layers.delete_layer")
    affected = proposals_using_layer(layer_id=layer.id, slug=layer.slug)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM layers_featurepart WHERE layer_id = %s", [layer.id])
        cursor.execute(
            """UPDATE layers_proposaloverlay SET district_id = NULL
               WHERE district_id IN (SELECT id FROM layers_feature WHERE layer_id = %s)""",
            [layer.id],
        )
        cursor.execute("DELETE FROM layers_zoningrule WHERE layer_id = %s", [layer.id])
        cursor.execute("DELETE FROM layers_feature WHERE layer_id = %s", [layer.id])
        cursor.execute("DELETE FROM layers_layer WHERE id = %s", [layer.id])
    if layer.upload:
        transaction.on_commit(lambda name=layer.upload: _upload_discard(name))
    overlay_refresh(proposal_ids=affected)
    hooks.run_after_bulk_change()


@transaction.atomic
def district_layer_choose(*, layer: Layer | None, user=None) -> dict:
    """Make `layer` the authoritative district layer (None: no layer is, the largest share
    decides); refresh the districts and return what changed (overlay_refresh_counting_changes)."""
    require(user, "layers.change_layer")
    if layer is not None and (layer.kind != LayerKind.DISTRICT or layer.state != LayerState.DONE):
        raise ValidationError(_("Only an imported district layer can decide the districts."))
    Layer.objects.filter(authoritative=True).update(authoritative=False)
    if layer is not None:
        Layer.objects.filter(pk=layer.pk).update(authoritative=True)
        layer.authoritative = True
    changes = overlay_refresh_counting_changes()
    hooks.run_after_bulk_change()
    return changes


def _pending_zoning_layer(layer: Layer) -> None:
    if layer.kind != LayerKind.ZONING or layer.state != LayerState.DONE:
        raise ValidationError(_("Only an imported zoning layer waits to be put into effect."))
    if layer.in_effect:
        raise ValidationError(_("The layer is already in effect."))


def zoning_layer_effects(*, layer: Layer, user=None) -> dict:
    """What putting the zoning layer into effect would change now (nothing is changed):
    overlay.overlay_preview_in_effect's counts, also kept in `report.pending_effects`."""
    require(user, "layers.change_layer")
    _pending_zoning_layer(layer)
    return _pending_effects_store(layer)


def _pending_effects_store(layer: Layer) -> dict:
    effects = {**overlay_preview_in_effect(layer_id=layer.id), "computed_at": timezone.now()}
    effects["computed_at"] = effects["computed_at"].isoformat()
    layer.report = {**layer.report, "pending_effects": effects}
    Layer.objects.filter(pk=layer.pk).update(report=layer.report)
    return effects


@transaction.atomic
def zoning_layer_put_in_effect(*, layer: Layer, user=None) -> dict:
    """The planner confirms a zoning layer: the overlay uses it from now on. Returns what
    changed (overlay_refresh_counting_changes), also kept in `report.side_effects`."""
    require(user, "layers.change_layer")
    layer = Layer.objects.select_for_update().get(pk=layer.pk)
    _pending_zoning_layer(layer)
    layer.in_effect = True
    layer.save(update_fields=["in_effect"])
    changes = overlay_refresh_counting_changes()  # runs the bulk-change hooks
    report = {k: v for k, v in layer.report.items() if k != "pending_effects"}
    layer.report = {**report, "side_effects": changes}
    layer.save(update_fields=["report"])
    return changes


def _zone_codes(layer: Layer) -> set[str]:
    return set(layer.features.values_list("zone_code", flat=True).distinct())


def _check_matrix(layer: Layer, matrix, known: set[str] | None = None) -> list[ZoningRule]:
    if layer.kind != LayerKind.ZONING:
        raise ValidationError(_("Only zoning layers have rules."))
    if not isinstance(matrix, dict):
        raise ValidationError(_("Send the rules as {zone_code: {category: verdict}}."))
    known = _zone_codes(layer) if known is None else known
    rules = []
    for code, row in matrix.items():
        if code not in known:
            raise ValidationError(_("The layer has no zone code “%(code)s”.") % {"code": code})
        if not isinstance(row, dict):
            raise ValidationError(_("Zone “%(code)s”: send {category: verdict}.") % {"code": code})
        for category, verdict in row.items():
            if category not in Category.values:
                raise ValidationError(
                    _("Zone “%(code)s”: unknown category “%(category)s” (use %(known)s).")
                    % {"code": code, "category": category, "known": ", ".join(Category.values)}
                )
            if verdict is None or verdict == "":
                continue  # no rule: unknown
            if verdict not in Verdict.values:
                raise ValidationError(
                    _("Zone “%(code)s”, %(category)s: no verdict “%(verdict)s” (use %(known)s).")
                    % {
                        "code": code,
                        "category": category,
                        "verdict": verdict,
                        "known": ", ".join(Verdict.values),
                    }
                )
            rules.append(
                ZoningRule(layer=layer, zone_code=code, category=category, verdict=verdict)
            )
    return rules


@transaction.atomic
def zoning_rules_set(*, layer: Layer, matrix: dict, user=None) -> int:
    """Replace the layer's rule matrix {zone_code: {category: verdict}}; refresh verdicts."""
    require(user, "layers.change_zoningrule")
    rules = _check_matrix(layer, matrix)
    ZoningRule.objects.filter(layer=layer).delete()
    ZoningRule.objects.bulk_create(rules)
    if layer.in_effect:
        overlay_refresh_verdicts(layer_id=layer.id, slug=layer.slug)
    elif layer.state == LayerState.DONE:  # what confirming it would change, with these rules
        _pending_effects_store(layer)
    return len(rules)


def zoning_rules_import_csv(*, layer: Layer, text: str, user=None) -> int:
    """Replace the matrix from CSV with the columns zone_code, category, verdict."""
    require(user, "layers.change_zoningrule")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = {"zone_code", "category", "verdict"}
    if not reader.fieldnames or not columns <= {c.strip() for c in reader.fieldnames}:
        raise ValidationError(_("The CSV needs the columns zone_code, category, verdict."))
    matrix: dict[str, dict[str, str]] = {}
    known = _zone_codes(layer)
    for number, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        try:
            _check_matrix(layer, {row["zone_code"]: {row["category"]: row["verdict"]}}, known)
        except ValidationError as exc:
            raise ValidationError(
                _("Row %(n)d: %(error)s") % {"n": number, "error": " ".join(exc.messages)}
            ) from exc
        matrix.setdefault(row["zone_code"], {})[row["category"]] = row["verdict"]
    return zoning_rules_set(layer=layer, matrix=matrix, user=user)


def overlay_update_for_proposal(*, proposal, change: str) -> None:
    """The proposals hook: a proposal's geometry or category may have changed."""
    if change in ("created", "updated"):
        overlay_refresh(proposal_ids=[proposal.pk])

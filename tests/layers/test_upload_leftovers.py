"""What an upload leaves behind: nothing, whether its import ends, fails or is killed."""

import io
import os
import tempfile
import time
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from layers import importing, liveness
from layers.models import Layer, LayerState
from layers.services import layer_delete, layer_import
from layers.tasks import layer_import_task

pytestmark = pytest.mark.django_db


def _upload(api, gpkg, capture, execute=True):
    with capture(execute=execute):
        response = api.post(
            "/api/layers/",
            {
                "file": SimpleUploadedFile("plan.gpkg", gpkg.read_bytes()),
                "name": "Zoning",
                "kind": "zoning",
                "zone_field": "zone",
                "layer": "zones",
            },
            format="multipart",
        )
    assert response.status_code == 202, response.content
    return Layer.objects.get(slug=response.json()["slug"])


def _leftovers(media):
    uploads = media / "layer-uploads"
    return sorted(p.relative_to(media) for p in uploads.rglob("*")) if uploads.exists() else []


def test_a_failed_import_leaves_no_file_and_no_folder(
    planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*_args):
        raise ValidationError("the disk is full")

    monkeypatch.setattr(importing, "_copy_features", broken)

    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks)

    layer.refresh_from_db()
    assert layer.state == LayerState.FAILED
    assert _leftovers(media_in_tmp) == []


def test_deleting_a_waiting_layer_leaves_no_folder(
    planner, planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks
):
    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks, execute=False)
    assert _leftovers(media_in_tmp)  # stored, waiting for the worker

    with django_capture_on_commit_callbacks(execute=True):
        layer_delete(layer=layer, user=planner)

    assert _leftovers(media_in_tmp) == []


STOPPED = "The import stopped without finishing"


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_an_import_killed_half_way_shows_as_failed_and_leaves_nothing(
    planner_api, zones_gpkg, media_in_tmp, private_tmp, django_capture_on_commit_callbacks
):
    """A worker killed at 17 % (gunicorn's SIGKILL, a hard time limit) wrote nothing more:
    the next look at the layer says so, and its stored upload and old temporary files go."""
    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks, execute=False)
    half_an_hour_ago = timezone.now() - timedelta(minutes=31)
    Layer.objects.filter(pk=layer.pk).update(
        state=LayerState.RUNNING, progress=17, progressed_at=half_an_hour_ago
    )
    killed = private_tmp / "layer-fetch-abc"
    killed.mkdir()
    (killed / "plan.gpkg").write_bytes(b"x")
    django_copy = private_tmp / "tmpab12cd.upload.gpkg"
    django_copy.write_bytes(b"x")
    for path in (killed, django_copy):
        _age(path, 31 * 60)
    running = private_tmp / "layer-import-def"  # another import, busy right now
    running.mkdir()
    unrelated = private_tmp / "notes.txt"
    unrelated.write_bytes(b"x")
    _age(unrelated, 31 * 60)

    status = planner_api.get(f"/api/layers/{layer.slug}/").json()

    assert status["state"] == "failed"
    assert status["progress"] == 0
    assert status["error"].startswith(STOPPED)
    assert _leftovers(media_in_tmp) == []
    assert sorted(p.name for p in private_tmp.iterdir()) == ["layer-import-def", "notes.txt"]


def test_an_import_whose_process_holds_its_lease_is_left_alone(
    planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks, settings
):
    """Alive: its process holds the lease (layers.liveness) and beat within
    LAYER_IMPORT_STALE_AFTER, even though its progress has not moved."""
    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks, execute=False)
    Layer.objects.filter(pk=layer.pk).update(
        state=LayerState.RUNNING, progress=17, progressed_at=timezone.now() - timedelta(seconds=60)
    )

    with liveness.Lease(layer.pk) as lease:
        assert lease.held
        listed = planner_api.get("/api/layers/").json()

    assert [(entry["slug"], entry["state"]) for entry in listed] == [(layer.slug, "running")]
    assert _leftovers(media_in_tmp)  # still needed by the import


def test_an_import_whose_heartbeat_went_silent_is_failed_even_if_its_lock_lingers(
    planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks, settings
):
    """A machine that vanished: PostgreSQL may keep its lock until TCP gives up, but its
    heartbeat stopped LAYER_IMPORT_STALE_AFTER ago."""
    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks, execute=False)
    silent_since = timezone.now() - timedelta(seconds=settings.LAYER_IMPORT_STALE_AFTER + 1)
    Layer.objects.filter(pk=layer.pk).update(
        state=LayerState.RUNNING, progress=17, progressed_at=silent_since
    )

    with liveness.Lease(layer.pk):
        status = planner_api.get(f"/api/layers/{layer.slug}/").json()

    assert status["state"] == "failed"
    assert status["error"].startswith(STOPPED)
    assert _leftovers(media_in_tmp) == []


def test_a_waiting_layer_with_a_broker_is_left_in_the_queue(
    planner_api, zones_gpkg, django_capture_on_commit_callbacks, settings
):
    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks, execute=False)
    Layer.objects.filter(pk=layer.pk).update(created_at=timezone.now() - timedelta(hours=2))
    settings.CELERY_TASK_ALWAYS_EAGER = False  # a worker will pick it up

    assert planner_api.get(f"/api/layers/{layer.slug}/").json()["state"] == "pending"


def test_a_web_worker_timeout_leaves_a_sentence_not_an_exit_code(zones_gpkg, monkeypatch):
    def killed(*_args):
        raise SystemExit(1)  # what gunicorn's worker timeout raises in the request

    monkeypatch.setattr(importing, "_copy_features", killed)

    with pytest.raises(SystemExit):
        layer_import(path=zones_gpkg, name="Z", kind="zoning", zone_field="zone")

    layer = Layer.objects.get()
    assert layer.state == LayerState.FAILED
    assert layer.error.startswith(STOPPED)


def test_the_soft_time_limit_fails_the_layer_with_a_sentence_and_deletes_the_upload(
    planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks, monkeypatch
):
    def too_slow(*_args):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(importing, "_copy_features", too_slow)

    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks)

    layer.refresh_from_db()
    assert layer.state == LayerState.FAILED
    assert "longer than the time limit of 20 minutes" in layer.error
    assert _leftovers(media_in_tmp) == []


def test_the_import_task_has_a_soft_and_a_hard_time_limit_within_the_visibility_timeout(
    settings,
):
    assert layer_import_task.soft_time_limit == settings.LAYER_IMPORT_TIME_LIMIT
    assert layer_import_task.time_limit > layer_import_task.soft_time_limit
    # Redis redelivers an unacknowledged job after the visibility timeout: never while the
    # job may still run, so the timeout is above the hard limit.
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert layer_import_task.time_limit < visibility <= layer_import_task.time_limit + 120
    assert layer_import_task.acks_late and layer_import_task.reject_on_worker_lost


def test_the_check_runs_as_a_command_too(
    planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks, execute=False)
    Layer.objects.filter(pk=layer.pk).update(
        state=LayerState.RUNNING, progress=17, progressed_at=timezone.now() - timedelta(minutes=1)
    )
    out = io.StringIO()

    call_command("layer_imports_recover", stdout=out)

    assert out.getvalue().strip() == "0 queued again, 1 failed"  # no broker: nothing re-runs
    assert Layer.objects.get(pk=layer.pk).error.startswith(STOPPED)

"""The import job through a real Redis broker and a real Celery worker (in a thread)."""

import time
import uuid

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.core.files.uploadedfile import SimpleUploadedFile

from config.celery import app
from layers.models import Feature, Layer, LayerState
from layers.tasks import layer_import_task

BROKER = "redis://127.0.0.1:6379/13"  # a database of its own on the shared Redis


def _forget_connections():
    """Celery caches its broker pool and queue routing; rebuild them from app.conf."""
    app._pool = None  # the old pool's connections close when it is collected
    app.__dict__.pop("amqp", None)


@pytest.fixture
def redis_worker():
    """A Celery worker consuming a private queue on the real Redis, tasks no longer eager."""
    try:
        redis.Redis.from_url(BROKER).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail("Redis must run at 127.0.0.1:6379 (scripts/bootstrap starts it)")
    queue = f"layers-test-{uuid.uuid4().hex[:8]}"
    saved = {
        key: app.conf[key]
        for key in ("broker_url", "result_backend", "task_always_eager", "task_default_queue")
    }
    app.conf.update(
        broker_url=BROKER,
        result_backend=BROKER,
        task_always_eager=False,
        task_default_queue=queue,
    )
    _forget_connections()
    try:
        with start_worker(app, queues=[queue], perform_ping_check=False, pool="solo"):
            yield queue
    finally:
        app.conf.update(saved)
        _forget_connections()
        redis.Redis.from_url(BROKER).delete(queue)


def _wait_for(layer_id: int, seconds: float = 60) -> Layer:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        layer = Layer.objects.get(pk=layer_id)
        if layer.state in (LayerState.DONE, LayerState.FAILED):
            return layer
        time.sleep(0.2)
    raise AssertionError(f"layer {layer_id} still {layer.state} after {seconds} s")


@pytest.mark.django_db(transaction=True)
def test_uploaded_layer_is_imported_by_a_worker_through_redis(
    redis_worker, planner_api, zones_gpkg
):
    response = planner_api.post(
        "/api/layers/",
        {
            "file": SimpleUploadedFile("zones.gpkg", zones_gpkg.read_bytes()),
            "name": "Via Redis",
            "kind": "zoning",
            "zone_field": "zone",
        },
        format="multipart",
    )

    assert response.status_code == 202
    assert response.json()["state"] == "pending"  # queued, not run in the request
    layer = _wait_for(response.json()["id"])
    assert layer.state == LayerState.DONE, layer.error
    assert Feature.objects.filter(layer=layer).count() == 2
    assert planner_api.get(response.json()["status_url"]).json()["progress"] == 100


@pytest.mark.django_db(transaction=True)
def test_worker_marks_a_job_whose_file_is_gone_as_failed(redis_worker, planner):
    layer = Layer.objects.create(
        name="Lost",
        slug="lost",
        kind="zoning",
        zone_field="zone",
        upload="layer-uploads/x/gone.gpkg",
    )

    layer_import_task.delay(layer.pk)

    layer = _wait_for(layer.pk)
    assert layer.state == LayerState.FAILED
    assert "no longer stored" in layer.error
    assert not Feature.objects.filter(layer=layer).exists()

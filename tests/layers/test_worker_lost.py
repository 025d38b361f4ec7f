"""A real Celery worker (prefork, its own process) killed with -9 half way through an import:
the layer ends imported by a retry, or failed with a sentence, within seconds, never
"running 17 %" for ever (docs/operations.md, "Jobs that recover")."""

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import psutil
import pytest
import redis
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from config.celery import app
from layers.models import Feature, Layer, LayerState
from layers.services import LEASE_GRACE_SECONDS

from .files import frame, square, write_gpkg

BROKER = "redis://127.0.0.1:6379/13"
ROOT = Path(__file__).resolve().parents[2]
GRID = 160  # GRID² small squares: an import that lasts a few seconds on this machine


@pytest.fixture(scope="module")
def big_gpkg(tmp_path_factory):
    rows = [
        {"zone": "WA" if (i + j) % 2 else "GE", "geometry": square(i * 12, j * 12, 10)}
        for i in range(GRID)
        for j in range(GRID)
    ]
    return write_gpkg(tmp_path_factory.mktemp("big") / "grid.gpkg", {"grid": frame(rows)})


def _forget_connections():
    app._pool = None
    app.__dict__.pop("amqp", None)


@pytest.fixture
def queue():
    """Tasks of this process go through the real Redis to a private queue."""
    redis.Redis.from_url(BROKER).ping()
    name = f"worker-lost-{uuid.uuid4().hex[:8]}"
    keys = ("broker_url", "result_backend", "task_always_eager", "task_default_queue")
    saved = {key: app.conf[key] for key in keys}
    app.conf.update(
        broker_url=BROKER, result_backend=BROKER, task_always_eager=False, task_default_queue=name
    )
    _forget_connections()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        yield name
    finally:
        settings.CELERY_TASK_ALWAYS_EAGER = True
        app.conf.update(saved)
        _forget_connections()
        client = redis.Redis.from_url(BROKER)
        client.delete(name, "unacked", "unacked_index")


class Worker:
    """`celery worker` in a process group of its own: a main process and one pool child."""

    def __init__(self, queue: str, media_root: Path, log: Path):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"postgis://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}",
            "CELERY_BROKER_URL": BROKER,
            "MEDIA_ROOT": str(media_root),
            "CELERY_VISIBILITY_TIMEOUT": "6",  # a whole worker lost: redelivered after 6 s
            "LAYER_IMPORT_HEARTBEAT": "1",
            "LAYER_IMPORT_STALE_AFTER": "5",
        }
        self.log = log.open("ab")
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue]
        command += ["-P", "prefork", "-c", "1", "-l", "info", "--without-gossip"]
        command += ["--without-mingle", "--without-heartbeat", "-n", f"{queue}@%h"]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def pool_child(self, seconds: float = 60) -> psutil.Process:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            children = psutil.Process(self.process.pid).children()
            if children:
                return children[0]
            time.sleep(0.2)
        raise AssertionError("the worker started no pool process")

    def kill_all(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill_all()
        self.log.close()


@pytest.fixture
def start_worker(queue, media_in_tmp, tmp_path):
    started = []

    def start() -> Worker:
        worker = Worker(queue, media_in_tmp, tmp_path / "worker.log")
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def _upload(planner_api, path) -> Layer:
    response = planner_api.post(
        "/api/layers/",
        {
            "file": SimpleUploadedFile("grid.gpkg", path.read_bytes()),
            "name": "Grid",
            "kind": "zoning",
            "zone_field": "zone",
        },
        format="multipart",
    )
    assert response.status_code == 202, response.content
    return Layer.objects.get(pk=response.json()["id"])


def _wait(layer_id, until, seconds: float, what: str) -> Layer:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        layer = Layer.objects.get(pk=layer_id)
        if until(layer):
            return layer
        time.sleep(0.1)
    raise AssertionError(f"{what}: layer still {layer.state} {layer.progress} % after {seconds} s")


def _half_way(layer: Layer) -> bool:
    return layer.state == LayerState.RUNNING and layer.progress >= 5


def _finished(layer: Layer) -> bool:
    """Done or failed, and the stored upload removed (just after the commit)."""
    return layer.state in (LayerState.DONE, LayerState.FAILED) and not layer.upload


@pytest.mark.django_db(transaction=True)
def test_a_killed_pool_process_gives_the_job_back_and_it_is_imported_once(
    start_worker, planner_api, big_gpkg, media_in_tmp
):
    """What the OOM killer does: only the pool child dies. Celery used to acknowledge the job
    as failed (WorkerLostError) and leave the layer "running" for good."""
    worker = start_worker()
    layer = _upload(planner_api, big_gpkg)
    child = worker.pool_child()
    _wait(layer.pk, _half_way, 90, "the import never got going")

    child.kill()

    layer = _wait(layer.pk, _finished, 120, "the job was not retried")
    assert layer.state == LayerState.DONE, layer.error
    assert layer.attempts == 2  # the killed run and the retry
    assert Feature.objects.filter(layer=layer).count() == GRID * GRID  # once, not twice
    assert not list((media_in_tmp / "layer-uploads").glob("*/*"))


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_is_noticed_by_the_check_and_the_job_runs_again_once(
    start_worker, planner_api, big_gpkg
):
    """The whole worker dies (main process and pool child, kill -9): the job is neither
    acknowledged nor given back. The next look at the layers sees the lease free and queues
    the import again; Redis also redelivers the unacknowledged job after the visibility
    timeout: the two deliveries import it once."""
    worker = start_worker()
    layer = _upload(planner_api, big_gpkg)
    worker.pool_child()
    _wait(layer.pk, _half_way, 90, "the import never got going")

    worker.kill_all()
    time.sleep(LEASE_GRACE_SECONDS + 0.5)  # a free lock counts after this
    listed = planner_api.get("/api/layers/").json()

    assert [(entry["state"], entry["progress"]) for entry in listed] == [("pending", 0)]
    start_worker()
    layer = _wait(layer.pk, _finished, 120, "the job was not run again")
    assert layer.state == LayerState.DONE, layer.error
    assert layer.attempts == 2
    assert Feature.objects.filter(layer=layer).count() == GRID * GRID


@pytest.mark.django_db(transaction=True)
def test_a_job_that_keeps_killing_its_worker_is_failed_with_a_sentence(
    queue, planner_api, zones_gpkg
):
    layer = _upload(planner_api, zones_gpkg)  # queued; no worker runs here
    Layer.objects.filter(pk=layer.pk).update(
        state=LayerState.RUNNING,
        attempts=settings.LAYER_IMPORT_MAX_ATTEMPTS,
        progressed_at=timezone.now() - timedelta(seconds=10),
    )

    status = planner_api.get(f"/api/layers/{layer.slug}/").json()

    assert status["state"] == "failed"
    assert "started 3 times" in status["error"]


@pytest.mark.django_db(transaction=True)
def test_an_upload_nobody_picks_up_says_so_after_a_while(queue, planner_api, zones_gpkg, settings):
    layer = _upload(planner_api, zones_gpkg)  # queued; no worker runs here

    assert planner_api.get(f"/api/layers/{layer.slug}/").json()["waiting"] is None
    Layer.objects.filter(pk=layer.pk).update(
        created_at=timezone.now() - timedelta(seconds=settings.LAYER_IMPORT_WAITING_HINT_AFTER + 5)
    )
    status = planner_api.get(f"/api/layers/{layer.slug}/").json()

    assert status["state"] == "pending"  # with a broker, it may still be picked up
    assert status["waiting"].startswith("No worker has picked up this import for 3")
    german = planner_api.get(f"/api/layers/{layer.slug}/", HTTP_ACCEPT_LANGUAGE="de").json()
    assert german["waiting"].startswith("Seit 3")

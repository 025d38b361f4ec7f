"""Background jobs of the layers app (eager in-process when no broker is configured).

How a job survives a lost worker (docs/operations.md, "Jobs that recover"):
- acks_late + reject_on_worker_lost: a job whose pool process died (kill -9, the OOM killer)
  goes back to the queue at once instead of being acknowledged as failed;
- the broker's visibility timeout, just above the longest job, redelivers a job whose whole
  worker died;
- layer_imports_recover (celery beat every LAYER_IMPORT_CHECK_EVERY s, and each time a
  planner looks at the layers) re-queues or fails "running" imports nobody runs any more.
Every delivery takes the layer's lease first (layers.liveness), so a second delivery of a
job that is running or done changes nothing; the import itself is one transaction.
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from . import liveness, services
from .models import Layer, LayerState

logger = logging.getLogger(__name__)

FINISHED = (LayerState.DONE, LayerState.FAILED)


def _outcome(layer_id: int, layer: Layer | None, **extra) -> dict:
    return {"layer": layer_id, "state": layer.state if layer else "deleted", **extra}


# Soft limit: SoftTimeLimitExceeded inside the import, which marks the layer failed with a
# sentence and deletes the upload; the hard limit a minute later kills a stuck worker
# process (layer_imports_recover then tidies up after it).
@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.LAYER_IMPORT_TIME_LIMIT,
    time_limit=settings.LAYER_IMPORT_TIME_LIMIT + 60,
)
def layer_import_task(layer_id: int) -> dict:
    """Import an uploaded file. A redelivered job (worker killed) starts over cleanly:
    the killed run's transaction was rolled back, and the stored file is still there."""
    layer = Layer.objects.filter(pk=layer_id).first()
    if layer is None or layer.state in FINISHED or not layer.upload:
        return _outcome(layer_id, layer)
    with liveness.Lease(layer_id) as lease:
        if not lease.held:  # another delivery of this job is running it
            return _outcome(layer_id, layer, skipped="running elsewhere")
        layer = Layer.objects.filter(pk=layer_id).first()  # as the lock holder sees it
        if layer is None or layer.state in FINISHED or not layer.upload:
            return _outcome(layer_id, layer)
        if layer.attempts >= settings.LAYER_IMPORT_MAX_ATTEMPTS:
            services.layer_import_give_up(layer)
            return _outcome(layer_id, layer, attempts=layer.attempts)
        Layer.objects.filter(pk=layer_id).update(
            attempts=F("attempts") + 1, state=LayerState.RUNNING, progressed_at=timezone.now()
        )
        layer.refresh_from_db()
        try:
            layer = services.layer_import_stored(layer=layer)
        except (ValidationError, SoftTimeLimitExceeded):
            layer.refresh_from_db()
            logger.info("Layer %s refused: %s", layer.slug, layer.error)
    return _outcome(layer_id, layer, feature_count=layer.feature_count, attempts=layer.attempts)


@shared_task(name="layers.tasks.layer_imports_recover")
def layer_imports_recover() -> dict:
    """The periodic check (celery beat): re-queue or fail imports nobody runs any more."""
    return services.layer_imports_recover()

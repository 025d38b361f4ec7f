"""Background jobs of the layers app (eager in-process when no broker is configured)."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError

from .models import Layer, LayerState
from .services import layer_import_stored

logger = logging.getLogger(__name__)


# Soft limit: SoftTimeLimitExceeded inside the import, which marks the layer failed with a
# sentence and deletes the upload; the hard limit a minute later kills a stuck worker
# process (layer_imports_expire then tidies up after it).
@shared_task(
    acks_late=True,
    soft_time_limit=settings.LAYER_IMPORT_TIME_LIMIT,
    time_limit=settings.LAYER_IMPORT_TIME_LIMIT + 60,
)
def layer_import_task(layer_id: int) -> dict:
    """Import an uploaded file. A redelivered job (worker killed) starts over cleanly:
    the killed run's transaction was rolled back, and the stored file is still there."""
    layer = Layer.objects.filter(pk=layer_id).first()
    if layer is None or layer.state == LayerState.DONE or not layer.upload:
        return {"layer": layer_id, "state": layer.state if layer else "deleted"}
    try:
        layer = layer_import_stored(layer=layer)
    except (ValidationError, SoftTimeLimitExceeded):
        layer.refresh_from_db()
        logger.info("Layer %s refused: %s", layer.slug, layer.error)
    return {"layer": layer_id, "state": layer.state, "feature_count": layer.feature_count}

"""Background jobs of the spatial app."""

from celery import shared_task
from django.db import transaction

from .services import clusters_recompute


@shared_task(name="spatial.tasks.recluster")
def recluster(tolerance: float | None = None, refresh: bool = False) -> dict:
    """Full recompute of all clusters (after a tolerance change, or on demand); `refresh`
    also rebuilds every cluster's statistics (after zoning rules changed)."""
    result = clusters_recompute(tolerance=tolerance, refresh=refresh)
    return {"claims": result.claims, "clusters": result.clusters, "changed": result.changed}


def recluster_after_zoning_change() -> None:
    """A layers hook: zoning verdicts of many claims changed at once (a layer imported or
    deleted, a rule matrix replaced), so which clusters are contested may have changed.
    Once the change is committed, a full refresh runs as a job."""
    transaction.on_commit(lambda: recluster.delay(refresh=True))

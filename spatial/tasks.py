"""Background jobs of the spatial app."""

from celery import shared_task

from .services import clusters_recompute


@shared_task(name="spatial.tasks.recluster")
def recluster(tolerance: float | None = None, refresh: bool = False) -> dict:
    """Full recompute of all clusters (after a tolerance change, or on demand); `refresh`
    also rebuilds every cluster's statistics (after zoning rules changed)."""
    result = clusters_recompute(tolerance=tolerance, refresh=refresh)
    return {"claims": result.claims, "clusters": result.clusters, "changed": result.changed}

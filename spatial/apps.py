from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Orders in proposals.hooks.after_proposal_write and layers.hooks.after_overlay_bulk_change
# (see those modules for the lists).
CLUSTER_UPDATE_ORDER = 40
RECLUSTER_ORDER = 10


class SpatialConfig(AppConfig):
    name = "spatial"
    verbose_name = _("Spatial analysis")

    def ready(self):
        from layers import hooks as layer_hooks
        from proposals import hooks

        from .services import clusters_update_for_proposal
        from .tasks import recluster_after_zoning_change

        hooks.after_proposal_write.register(
            clusters_update_for_proposal,
            order=CLUSTER_UPDATE_ORDER,
            reason=(
                "The incremental cluster update runs after the proposal's zoning overlay "
                "(layers, order 10), because the cluster's contested verdict reads the overlay; "
                "and last, because it takes the cluster lock, which every other writer of a "
                "pin then waits for until this transaction commits."
            ),
        )
        layer_hooks.after_overlay_bulk_change.register(
            recluster_after_zoning_change,
            order=RECLUSTER_ORDER,
            reason=(
                "The only hook: it runs once the new overlay is written, since the contested "
                "verdicts it recomputes read that overlay."
            ),
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpatialConfig(AppConfig):
    name = "spatial"
    verbose_name = _("Spatial analysis")

    def ready(self):
        from layers import hooks as layer_hooks
        from proposals import hooks

        from .services import clusters_update_for_proposal
        from .tasks import recluster_after_zoning_change

        if clusters_update_for_proposal not in hooks.after_proposal_write:
            hooks.after_proposal_write.append(clusters_update_for_proposal)
        if recluster_after_zoning_change not in layer_hooks.after_overlay_bulk_change:
            layer_hooks.after_overlay_bulk_change.append(recluster_after_zoning_change)

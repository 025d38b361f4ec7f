from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Orders in proposals.hooks.after_proposal_write (see proposals/hooks.py for the list).
OVERLAY_ORDER = 10
# Order in proposals.hooks.outline_providers.
OUTLINE_ORDER = 10


class LayersConfig(AppConfig):
    name = "layers"
    verbose_name = _("Reference layers")

    def ready(self):
        from proposals import hooks

        from .outlines import district_outline
        from .services import overlay_update_for_proposal

        hooks.after_proposal_write.register(
            overlay_update_for_proposal,
            order=OVERLAY_ORDER,
            reason=(
                "The zoning overlay of a proposal runs before the incremental cluster update, "
                "because the cluster's contested verdict reads the overlay."
            ),
        )
        hooks.outline_providers.register(
            district_outline,
            order=OUTLINE_ORDER,
            reason="The only provider: the district layer is the city's outline.",
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LayersConfig(AppConfig):
    name = "layers"
    verbose_name = _("Reference layers")

    def ready(self):
        from proposals import hooks

        from .services import overlay_update_for_proposal

        if overlay_update_for_proposal not in hooks.after_proposal_write:
            hooks.after_proposal_write.append(overlay_update_for_proposal)

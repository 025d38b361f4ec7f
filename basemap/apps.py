from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Order in layers.hooks.after_overlay_bulk_change (see layers/hooks.py for the list).
DISTRICTS_ORDER = 20


class BasemapConfig(AppConfig):
    name = "basemap"
    verbose_name = _("Base map")

    def ready(self):
        from layers import hooks

        from .services import gazetteer_districts_refresh

        hooks.after_overlay_bulk_change.register(
            gazetteer_districts_refresh,
            order=DISTRICTS_ORDER,
            reason=(
                "A district layer was imported or deleted: the gazetteer's districts follow. "
                "Independent of the reclustering, which it neither reads nor feeds."
            ),
        )

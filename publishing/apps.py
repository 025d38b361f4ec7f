from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """What the platform publishes: the map read model of proposals (with their overlay),
    vector tiles, exports and OGC API Features. It may read every app below it; nothing
    below reads it."""

    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from layers import hooks as layer_hooks

        from .tile_versions import proposal_tiles_after_zoning_change

        layer_hooks.after_overlay_bulk_change.register(
            proposal_tiles_after_zoning_change,
            order=20,
            reason="every proposal's verdict and district may have changed, and tiles filter "
            "and the map's GeoJSON show them (no proposal row changes, so no trigger sees it)",
        )

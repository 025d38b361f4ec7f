"""Config of the reference-layer overlay on the main map (frontend/static/frontend/layers/).

Its own module so both the map page and the planner page can import it.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from layers.compatibility import Compatibility

_SLUG = "layer-slug-placeholder"


def layer_url(name: str) -> str:
    """A URL of the layers API with "{slug}" in place of the layer's slug."""
    return reverse(name, kwargs={"slug": _SLUG}).replace(_SLUG, "{slug}")


def layer_overlay_config() -> dict:
    """What frontend/static/frontend/layers/overlay.js needs: URLs and translated strings.

    Used by the main map's config (key "layers") and by the planner page.
    """
    return {
        "urls": {
            "layers": reverse("api:layer-list"),
            "features": layer_url("api:layer-features"),
            "participation": layer_url("api:layer-participation"),
            "incompatible": reverse("api:proposal-list")
            + f"?compatibility={Compatibility.INCOMPATIBLE}",
        },
        "strings": {
            "zoning": _("Zoning"),
            "districts": _("Districts"),
            "other": _("Reference layer"),
            "highlightIncompatible": _("Highlight proposals zoning does not allow"),
            "participation": _("Participation (proposals per 1,000 inhabitants)"),
            "perThousand": _("%(rate)s per 1,000 inhabitants"),
            "proposalsCount": _("%(count)s proposals"),
            "noPopulation": _("no population figure"),
            "legendZones": _("Zones"),
            "loadFailed": _("A reference layer could not be loaded."),
        },
    }

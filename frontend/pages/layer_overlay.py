"""Config of the reference-layer overlay on the main map (frontend/static/frontend/layers/).

Its own module so both the map page and the planner page can import it.
"""

from django.urls import reverse

from layers.compatibility import Compatibility

_SLUG = "layer-slug-placeholder"


def layer_url(name: str) -> str:
    """A URL of the layers API with "{slug}" in place of the layer's slug."""
    return reverse(name, kwargs={"slug": _SLUG}).replace(_SLUG, "{slug}")


def layer_overlay_config() -> dict:
    """What frontend/static/frontend/layers/overlay.js needs: the layers API's URLs.

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
    }

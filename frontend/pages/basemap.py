"""The base map and place search parts of a page's map config (read by map/basemap.js,
map/search.js and map/locate.js)."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from basemap.selectors import basemap_version
from publishing.basemap import PATH_ZOOM


def basemap_config() -> dict | None:
    """The city's own vector base map, or None before one is imported. The URL carries the
    import's version, so browsers may cache its tiles until the next import."""
    version = basemap_version()
    if version is None:
        return None
    tile = reverse("basemap-tile", kwargs={"z": 0, "x": 0, "y": 0})
    return {
        "url": tile.replace("/0/0/0.pbf", "/{z}/{x}/{y}.pbf") + f"?v={version.pk}",
        "attribution": version.attribution,
        "maxDataZoom": PATH_ZOOM,
        "script": static("vendor/protomaps-leaflet/protomaps-leaflet.js"),
    }


def geocoder_config() -> dict:
    """Where place search asks: the city's gazetteer (/api/places/), or an external
    Nominatim- or Photon-compatible search URL (GEOCODER_URL), asked from the browser."""
    if settings.GEOCODER_URL:
        return {"kind": settings.GEOCODER_KIND, "url": settings.GEOCODER_URL}
    return {"kind": "local", "url": reverse("api:place-search")}

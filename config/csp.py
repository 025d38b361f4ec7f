"""The Content-Security-Policy (django-csp): the pages run only the site's own scripts.

No inline script: the one inline element, base.html's import map, carries the request's
nonce; data for scripts travels as json_script (type application/json, never executed).
Style attributes are allowed (the category colours are `style="--c: …"`), <style>
elements and style sheets only from the site. Images may come from the site, data: URLs
(the favicon, Leaflet's icons) and the base-map tile server (BASEMAP_TILE_URL). Scripts may
connect to the site and to an external geocoder (GEOCODER_URL), if one is configured.
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF


def tile_source(tile_url: str) -> list[str]:
    """The CSP source of a Leaflet tile URL template: its scheme and host, with the
    subdomain placeholder {s} as a wildcard (https://{s}.tile.example.org/{z}/{x}/{y}.png
    → https://*.tile.example.org). Empty for no tile server."""
    if not tile_url:
        return []
    parts = urlsplit(tile_url)
    host = parts.netloc.replace("{s}", "*")
    return [f"{parts.scheme}://{host}"] if parts.scheme and host else []


def origin(url: str) -> list[str]:
    """The CSP source of a URL: its scheme and host (empty for no URL)."""
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if url and parts.scheme and parts.netloc else []


def policy(*, tile_url: str, geocoder_url: str = "") -> dict:
    """CONTENT_SECURITY_POLICY for django-csp."""
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF],
            "style-src-elem": [SELF],
            "style-src-attr": ["'unsafe-inline'"],
            "img-src": [SELF, "data:", "blob:", *tile_source(tile_url)],
            "font-src": [SELF],
            "connect-src": [SELF, *origin(geocoder_url)],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }

"""The Content-Security-Policy (django-csp): the pages run only the site's own scripts.

No inline script: the one inline element, base.html's import map, is allowed by the hash of
its text (`import_map`), which is the same for every request, so a page can be shared by a
cache (docs/adr/0017) where a per-request nonce could not; data for scripts travels as
json_script (type application/json, never executed).
Style attributes are allowed (the category colours are `style="--c: …"`), <style>
elements and style sheets only from the site. Images may come from the site, data: URLs
(the favicon, Leaflet's icons) and the base-map tile server (BASEMAP_TILE_URL). Scripts may
connect to the site and to an external geocoder (GEOCODER_URL), if one is configured.
"""

import base64
import hashlib
from urllib.parse import urlsplit

from csp.constants import NONE, SELF


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


def static_prefix(static_url: str, script_name: str | None) -> str:
    """STATIC_URL as pages use it: a relative one under the script prefix, as Django's
    settings give it at run time (FORCE_SCRIPT_NAME, else "/")."""
    if static_url.startswith(("/", "http://", "https://")):
        return static_url
    return (script_name or "/").rstrip("/") + "/" + static_url


def import_map(prefix: str) -> str:
    """The text of base.html's import map: any page's module imports shared code as
    "stadtmacher/api/client.js" etc."""
    return '{"imports": {"stadtmacher/": "%sfrontend/"}}' % prefix  # noqa: UP031 (JSON braces)


def script_hash(text: str) -> str:
    """The CSP hash source of an inline script's text."""
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()  # noqa: UP031


def policy(*, tile_url: str, geocoder_url: str = "", static_url: str = "/static/") -> dict:
    """CONTENT_SECURITY_POLICY for django-csp (`static_url` as `static_prefix` gives it)."""
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, script_hash(import_map(static_url))],
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

"""Limits on how fast one person, or one client address, may write.

A view opts in by naming a `throttle_scope` ("proposals", "comments", "supports"); the two
throttles in REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] then count its writes (reads and
views without a scope are never counted), one per signed-in user and one per client
address, against settings.RATE_LIMITS[scope] and settings.RATE_LIMITS[scope + ".address"].
Pages that write without DRF (the sign-up form) ask `page_write_wait`, the same counter.

The counts live in Django's default cache, so with CACHE_URL pointing at Redis they hold
across every app server. The client address is REMOTE_ADDR, or with TRUSTED_PROXY_COUNT
proxies in front, the address the outermost trusted proxy saw (DRF's NUM_PROXIES).
"""

from django.conf import settings
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class _WriteThrottle(SimpleRateThrottle):
    suffix = ""

    def __init__(self):
        # The rate depends on the view's scope: read in allow_request, not here.
        self.scope = None

    def get_rate(self):
        return settings.RATE_LIMITS.get(f"{self.scope}{self.suffix}")

    def allow_request(self, request, view):
        self.scope = getattr(view, "throttle_scope", None)
        if self.scope is None or request.method not in WRITE_METHODS:
            return True
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class UserWriteThrottle(_WriteThrottle):
    """Writes per signed-in user (per address for a request without one)."""

    def get_cache_key(self, request, view):
        who = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return f"throttle:{self.scope}:user:{who}"


class AddressWriteThrottle(_WriteThrottle):
    """Writes per client address: many accounts from one address share this count."""

    suffix = ".address"

    def get_cache_key(self, request, view):
        return f"throttle:{self.scope}{self.suffix}:{self.get_ident(request)}"


class _PageView:
    def __init__(self, scope: str):
        self.throttle_scope = scope


def page_write_wait(request, scope: str) -> int | None:
    """For a page that writes outside DRF: count this write (per address) and return None,
    or, over the limit, the seconds until the next write is allowed (nothing counted)."""
    throttle = AddressWriteThrottle()
    throttle.suffix = ""
    if throttle.allow_request(request, _PageView(scope)):
        return None
    return max(1, int(throttle.wait() or 1))


def client_address(request) -> str:
    """The client's address as the throttles count it (TRUSTED_PROXY_COUNT): also the
    address the login lockout counts (AXES_CLIENT_IP_CALLABLE)."""
    return BaseThrottle().get_ident(request)

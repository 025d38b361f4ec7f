"""Public pages that a shared cache (nginx, a CDN) may keep for anonymous readers.

    @shared_when_anonymous
    def map_page(request): ...

A page an anonymous reader gets is marked `Cache-Control: public, max-age=0,
s-maxage=PAGES_MAX_AGE, stale-while-revalidate=PAGES_MAX_AGE` only when nothing in it
belongs to that request: no CSRF token (base.html's language switch carries none without
an account), no message shown, no cookie set. Anything else, a signed-in reader's page
above all, is `private, no-cache`. `Vary: Cookie` keeps a signed-in reader from ever
getting the anonymous copy from a cache that honours Vary; config/nginx/stadtmacher.conf
also sends requests with a session cookie past its cache.

So anonymous readers may see a page up to PAGES_MAX_AGE seconds old, or twice that while a
cache renews it in the background, and never older: a pin hidden by a moderator, whose
page is then a 404 that no cache keeps, is gone for everybody within twice PAGES_MAX_AGE.
A writer never sees their own page late (docs/adr/0017). PAGES_MAX_AGE 0 (the default)
marks nothing.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.utils.cache import patch_vary_headers

PRIVATE = "private, no-cache"


def is_shareable(request, response) -> bool:
    """Whether `response` is the same for every anonymous reader of `request`'s URL (in its
    language: LocaleMiddleware adds Vary: Accept-Language)."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not request.user.is_authenticated
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a token is in the page
        and not response.cookies
        and len(messages.get_messages(request)) == 0
    )


def _mark(request, response):
    max_age = settings.PAGES_MAX_AGE
    if max_age <= 0 or response.has_header("Cache-Control"):
        return response
    if is_shareable(request, response):
        response["Cache-Control"] = (
            f"public, max-age=0, s-maxage={max_age}, stale-while-revalidate={max_age}"
        )
        patch_vary_headers(response, ("Cookie",))
    else:
        response["Cache-Control"] = PRIVATE
    return response


def shared_when_anonymous(view):
    """Mark `view`'s anonymous pages for shared caches (see the module's docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True):
            return _mark(request, response)
        response.add_post_render_callback(lambda rendered: _mark(request, rendered))
        return response

    return wrapped

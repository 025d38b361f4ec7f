"""The fast lane of public map tiles (settings.MIDDLEWARE, right after the overload bound).

Most requests at a campaign's peak are public tiles, most of them a revalidation answered
304 or bytes already in the cache. A public tile reads no session, cookie, language or CSRF
token, so the lane answers it before the rest of the middleware and DRF, with the same
checks, keys and ETags as the views (publishing/tile_api.py, `answer`), and inside the
overload bound. Everything else goes the usual way: bad input (answered there with a
message in the reader's language), other URLs.

A public tile is the same whatever the reader's language or Accept header, so its answers
carry no `Vary` (LocaleMiddleware and DRF add one): a shared cache keeps one copy per URL,
not one per browser language.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import Resolver404, resolve
from rest_framework.exceptions import APIException

from .tile_api import PublicTileView

PREFIX = "/api/tiles/"


def _tile_view(request) -> tuple[PublicTileView, dict] | None:
    if request.method != "GET" or not request.path_info.startswith(PREFIX):
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, PublicTileView):
        return None
    return view_class(), match.kwargs


class TileFastLane:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = _tile_view(request)
        if found is None:
            return self.get_response(request)
        view, kwargs = found
        try:
            response = view.answer(request, request.GET, **kwargs)
        except (ValidationError, Http404, APIException):
            response = self.get_response(request)  # the usual way says what is wrong
        if response.status_code in (200, 304):
            del response["Vary"]
        return response

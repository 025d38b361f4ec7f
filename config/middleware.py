"""Project-wide guards against hostile requests, before and after the views."""

import logging

from django.db import DataError
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .api import _is_api, _json_error

logger = logging.getLogger(__name__)


def _bad_request(request, message: str) -> HttpResponse:
    if _is_api(request):
        return _json_error(request, 400, message)
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


class HostileInputMiddleware:
    """NUL characters in the query string are refused with a 400 before any view runs:
    PostgreSQL cannot store or compare them in text, so any filter that reaches a query
    with one would fail with a 500 (the admin's changelist filters did).

    In the admin, values its changelist filters pass to the database unchecked (a year
    beyond datetime's range, a number beyond bigint) fail while the list is built; they
    become a 400 naming the problem instead of a 500. The admin's writes run in a
    transaction, so nothing is stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                message = _(
                    "The address contains a NUL character (%%00) in the parameter "
                    "“%(name)s”. Remove it and try again."
                ) % {"name": key.replace("\x00", "")}
                return _bad_request(request, message)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path.startswith("/admin/"):
            return None
        if isinstance(exception, (OverflowError, DataError)):
            logger.info("Admin request refused: %s (%s)", request.get_full_path(), exception)
            message = _(
                "A filter in the address has a value the database cannot use (%(error)s). "
                "Remove it from the address and try again."
            ) % {"error": str(exception).strip()}
            return _bad_request(request, message)
        return None

"""API-wide behaviour: errors always come back as JSON a person can act on."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, plus Django's ValidationError and the database's DataError as a 400
    instead of a 500, an oversized body (DATA_UPLOAD_MAX_MEMORY_SIZE) as a 413 instead
    of an HTML 400, and Django's PermissionDenied (raised by services, accounts.rules.require)
    as a 403 that keeps its sentence saying who may."""
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return Response(
            {
                "detail": _("The request body is too large: at most %(limit)s bytes, please.")
                % {"limit": number_format(limit, force_grouping=True)}
            },
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, DataError):
        # A value that passed validation but not PostgreSQL (out of range, NUL in text).
        # Services write inside transaction.atomic(), which rolled the write back.
        reason = (str(exc).strip().splitlines() or ["invalid value"])[0]
        message = _("The database cannot store a value of this request: %(reason)s") % {
            "reason": reason
        }
        return Response({"detail": message}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    if isinstance(exc, PermissionDenied) and exc.args:
        exc = exceptions.PermissionDenied(detail=str(exc.args[0]))
    if isinstance(exc, exceptions.Throttled):
        wait, exc = exc.wait, exceptions.Throttled(detail=throttled_message(exc.wait))
        exc.wait = wait  # DRF's handler turns it into Retry-After
    response = drf_exception_handler(exc, context)
    if response is None and isinstance(exc, Http404):
        return Response(
            {"detail": exceptions.NotFound.default_detail}, status=status.HTTP_404_NOT_FOUND
        )
    return response


def throttled_message(wait) -> str:
    """The 429's sentence: what happened and when to try again (Retry-After has the seconds)."""
    minutes = max(1, round((wait or 60) / 60))
    return ngettext(
        "Too many changes in a short time from this account or address. "
        "Please try again in %(minutes)s minute.",
        "Too many changes in a short time from this account or address. "
        "Please try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


def _is_api(request) -> bool:
    return request.path.startswith(("/api/", "/ogc/"))


def _json_error(request, status_code: int, message: str) -> JsonResponse:
    """The error shapes of the two APIs: DRF's {"detail"} and OGC API's {"code", "description"}."""
    if request.path.startswith("/ogc/"):
        codes = {400: "InvalidParameterValue", 403: "Forbidden", 404: "NotFound"}
        body = {"code": codes.get(status_code, "ServerError"), "description": message}
    else:
        body = {"detail": message}
    return JsonResponse(body, status=status_code)


def page_not_found(request, exception=None):
    """handler404: under /api/ and /ogc/ a JSON answer that points to the list of endpoints;
    elsewhere Django's page. (With DEBUG on, Django shows its technical page instead.)"""
    if not _is_api(request):
        return defaults.page_not_found(request, exception)
    docs = reverse("ogc:landing") if request.path.startswith("/ogc/") else reverse("api:docs")
    message = _("There is nothing at %(path)s. The endpoints are listed at %(docs)s.") % {
        "path": request.path,
        "docs": docs,
    }
    return _json_error(request, 404, message)


def bad_request(request, exception=None):
    """handler400 (e.g. a malformed request Django refuses before any view)."""
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    return _json_error(request, 400, _("The request is malformed; check its headers and body."))


def permission_denied(request, exception=None):
    """handler403 for requests that never reach a DRF view."""
    if not _is_api(request):
        return defaults.permission_denied(request, exception)
    return _json_error(request, 403, _("You do not have permission to do this."))


def server_error(request):
    """handler500: JSON under /api/ and /ogc/, so clients can show the message; elsewhere
    templates/500.html with the site's header, or a bare page when even that fails (say the
    database is down and the header cannot ask who is signed in)."""
    if not _is_api(request):
        try:
            return render(request, "500.html", status=500)
        except Exception:  # noqa: BLE001 - the error page must not fail in turn
            return HttpResponseServerError("<h1>Server Error (500)</h1>", content_type="text/html")
    message = _("Something went wrong on our side. Please try again; if it keeps failing, tell us.")
    return _json_error(request, 500, message)

"""ETag / If-Match for rounds and options (optimistic concurrency, RFC 9110).

A round's ETag is "round-<id>-v<version>", an option's "option-<id>-v<version>". Writes
that change a round or an option must send the ETag they last read in If-Match:
missing -> 428, stale -> 412 (with the current ETag in the response), so no write is lost
silently. `If-Match: *` is refused with 428 as well: it would skip the check.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import status
from rest_framework.exceptions import APIException

from .models import Round

_TAG = re.compile(r'^"(?P<kind>round|option)-(?P<id>\d+)-v(?P<version>\d+)"$')


class PreconditionRequired(APIException):
    status_code = 428
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"

    def __init__(self, detail, etag: str):
        super().__init__(detail)
        self.etag = etag


KIND_NAMES = {"round": gettext_lazy("round"), "option": gettext_lazy("option")}


def _kind(obj) -> str:
    return "round" if isinstance(obj, Round) else "option"


def etag_for(obj) -> str:
    return f'"{_kind(obj)}-{obj.pk}-v{obj.version}"'


def stale(obj) -> PreconditionFailed:
    return PreconditionFailed(
        _(
            "Someone else changed this %(kind)s since you loaded it (it is now at version "
            "%(version)s). Reload it, check the changes and send yours again with the new "
            "ETag."
        )
        % {"kind": KIND_NAMES[_kind(obj)], "version": obj.version},
        etag_for(obj),
    )


def expected_version(request, obj) -> int:
    """The version the client last read, from If-Match; raises 428 or 412."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        raise PreconditionRequired(
            _(
                "Send the ETag of the %(kind)s you read in an If-Match header, so that "
                "changes by others are not overwritten (GET it first)."
            )
            % {"kind": KIND_NAMES[_kind(obj)]}
        )
    for tag in (t.strip() for t in header.split(",")):
        match = _TAG.match(tag)
        if match and match["kind"] == _kind(obj) and int(match["id"]) == obj.pk:
            return int(match["version"])
    raise stale(obj)

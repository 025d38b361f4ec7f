"""Query parameters of OGC API Features (bbox, limit, offset, datetime), parsed or refused.

Pure functions: a value the client must fix raises BadRequest with a message naming the
parameter and the expected form; the view turns it into a 400.
"""

from datetime import UTC, datetime, time

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from core import params

# Clients that send no limit get pages of 1,000 (a page of a city's proposals is well under a
# megabyte). GDAL >= 3.7 reads the limit's default and maximum from /ogc/api and then asks
# for 1,000; GDAL 3.6 (Debian 12) never reads them and always sends limit=10 unless it is
# opened with -oo PAGE_SIZE=1000 (README, "Data in and out").
LIMIT_DEFAULT = 1000
LIMIT_MAX = 10_000
OFFSET_MAX = 2**63 - 1  # PostgreSQL bigint

BBox = params.BBox
Interval = tuple[datetime | None, datetime | None]


class BadRequest(Exception):
    """A parameter the client must fix."""


def parse_bbox(value: str | None) -> BBox | None:
    """`minlon,minlat,maxlon,maxlat` in CRS84 (lon/lat); of a 3D box, the 2D part. The
    API's bbox parser (core.params), its error answered the OGC way."""
    if value is None:
        return None
    try:
        return params.parse_bbox(value, allow_3d=True)
    except ValidationError as error:
        raise BadRequest(" ".join(error.messages)) from None


def parse_int(
    value: str | None, *, name: str, default: int, minimum: int, maximum: int | None = None
) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadRequest(
            _("%(name)s must be a whole number, not %(value)r.") % {"name": name, "value": value}
        ) from None
    if number < minimum:
        raise BadRequest(
            _("%(name)s must be at least %(minimum)d.") % {"name": name, "minimum": minimum}
        )
    if maximum is not None and number > maximum:
        raise BadRequest(
            _("%(name)s must be at most %(maximum)d.") % {"name": name, "maximum": maximum}
        )
    return number


def parse_limit(value: str | None) -> int:
    """1..LIMIT_MAX; a larger limit is served as LIMIT_MAX (the spec allows either)."""
    return min(parse_int(value, name="limit", default=LIMIT_DEFAULT, minimum=1), LIMIT_MAX)


def parse_offset(value: str | None) -> int:
    return parse_int(value, name="offset", default=0, minimum=0, maximum=OFFSET_MAX)


def _moment(text: str, *, end: bool) -> datetime | None:
    """An RFC 3339 date-time or a full date (the whole day); ".." or "" is open."""
    if text in ("", ".."):
        return None
    try:
        # A bare date first: parse_datetime would read it as midnight.
        day = parse_date(text)
        moment = None if day else parse_datetime(text)
    except ValueError:
        moment = day = None
    if moment is not None:
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if day is not None:
        return datetime.combine(day, time.max if end else time.min, tzinfo=UTC)
    raise BadRequest(
        _(
            "datetime must be an RFC 3339 date-time (2026-05-01T12:00:00Z), a date, or an "
            "interval start/end where either side may be '..', not %(value)r."
        )
        % {"value": text}
    )


def parse_datetime_param(value: str | None) -> Interval | None:
    """(start, end), inclusive; None for an open side. An instant is start == end."""
    if value is None:
        return None
    parts = value.split("/")
    if len(parts) == 1:
        return _moment(value, end=False), _moment(value, end=True)
    if len(parts) != 2:
        raise BadRequest(_("datetime has at most one '/', not %(value)r.") % {"value": value})
    start, end = _moment(parts[0], end=False), _moment(parts[1], end=True)
    if start and end and start > end:
        raise BadRequest(
            _("The datetime interval %(value)r ends before it starts.") % {"value": value}
        )
    return start, end

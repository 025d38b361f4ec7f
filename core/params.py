"""Query parameters, read by filters that also describe themselves to the OpenAPI schema.

    PROPOSAL_FILTERS = Filters(BBoxFilter(), ChoicesFilter("kind", Kind, key="kinds"), ...)
    kwargs = PROPOSAL_FILTERS.read(request.GET)   # selector keyword arguments
    @extend_schema(parameters=PROPOSAL_FILTERS.openapi_parameters())

Every parameter has one parser: the API, the list page, the exports and OGC API read the
same value the same way. A bad value raises Django's ValidationError({parameter: [message]})
naming every bad parameter at once; the API's exception handler answers it with a 400.
"""

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter

BBox = tuple[float, float, float, float]  # minlon, minlat, maxlon, maxlat (WGS 84 degrees)


def parse_bbox(text: str, *, allow_3d: bool = False) -> BBox:
    """`minlon,minlat,maxlon,maxlat` in WGS 84 degrees, lon/lat order; with allow_3d also
    `minlon,minlat,minz,maxlon,maxlat,maxz` (OGC API), of which the 2D part is kept."""
    hint = _("use bbox=minlon,minlat,maxlon,maxlat in degrees (WGS 84)")
    parts = text.split(",")
    if allow_3d and len(parts) == 6:
        parts = [parts[0], parts[1], parts[3], parts[4]]
    if len(parts) != 4:
        raise ValidationError(
            _("bbox needs 4 numbers, got %(n)s: %(hint)s.") % {"n": len(parts), "hint": hint}
        )
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise ValidationError(_("bbox must be numbers: %(hint)s.") % {"hint": hint}) from None
    if not all(math.isfinite(v) for v in (minlon, minlat, maxlon, maxlat)):
        raise ValidationError(_("bbox must be finite numbers: %(hint)s.") % {"hint": hint})
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise ValidationError(
            _("bbox longitudes must lie between -180 and 180: %(hint)s.") % {"hint": hint}
        )
    if not (-90 <= minlat <= 90 and -90 <= maxlat <= 90):
        raise ValidationError(
            _("bbox latitudes must lie between -90 and 90: %(hint)s.") % {"hint": hint}
        )
    if minlon > maxlon or minlat > maxlat:
        raise ValidationError(
            _("bbox minimum is larger than its maximum: %(hint)s.") % {"hint": hint}
        )
    return (minlon, minlat, maxlon, maxlat)


def parse_contested(text: str) -> bool:
    """`true` or `false` (any case)."""
    value = text.strip().lower()
    if value not in ("true", "false"):
        raise ValidationError(_("contested must be true or false."))
    return value == "true"


def parse_choices(values: list[str], choices, parameter: str) -> list[str] | None:
    """Comma lists (the parameter may repeat) of values of a TextChoices; None when empty."""
    items = [v.strip() for item in values for v in item.split(",") if v.strip()]
    unknown = [v for v in items if v not in choices.values]
    if unknown:
        raise ValidationError(
            _("Unknown %(parameter)s %(unknown)s; use one or more of %(known)s.")
            % {
                "parameter": parameter,
                "unknown": ", ".join(f'"{v[:40]}"' for v in unknown[:5]),
                "known": ", ".join(choices.values),
            }
        )
    return list(dict.fromkeys(items)) or None


class QueryFilter:
    """One query parameter: how it is read and how the OpenAPI schema describes it.

    `read` gets the parameter's non-empty values (stripped, in order; most parameters use
    the last) and returns the selector argument `key`, or None for no filter.
    """

    parameter: str = ""
    key: str = ""
    schema_type: type = str
    description: str = ""
    enum: list[str] | None = None

    def read(self, values: list[str]):
        raise NotImplementedError

    def openapi_parameter(self) -> OpenApiParameter:
        return OpenApiParameter(
            self.parameter, self.schema_type, enum=self.enum, description=self.description
        )


class BBoxFilter(QueryFilter):
    parameter = key = "bbox"
    description = "minlon,minlat,maxlon,maxlat (WGS 84 degrees, lon/lat order)"

    def read(self, values):
        return parse_bbox(values[-1])


class ChoicesFilter(QueryFilter):
    """A comma list of the values of a TextChoices, e.g. category=housing,mobility."""

    def __init__(self, parameter: str, choices, *, key: str, description: str = ""):
        self.parameter, self.choices, self.key = parameter, choices, key
        self.description = description

    def read(self, values):
        return parse_choices(values, self.choices, self.parameter)


class SingleChoiceFilter(QueryFilter):
    """One value of a TextChoices, e.g. state=open."""

    def __init__(self, parameter: str, choices, *, key: str, description: str = ""):
        self.parameter, self.choices, self.key = parameter, choices, key
        self.enum, self.description = list(choices.values), description

    def read(self, values):
        value = values[-1]
        if value not in self.choices.values:
            raise ValidationError(_("Choose one of %s.") % ", ".join(self.choices.values))
        return value


class IdFilter(QueryFilter):
    """The id of one row, e.g. cluster=12; `message` says what to give instead."""

    schema_type = int

    def __init__(self, parameter: str, *, key: str, message: str, description: str = ""):
        self.parameter, self.key, self.message = parameter, key, message
        self.description = description

    def read(self, values):
        value = values[-1]
        if not (value.isascii() and value.isdigit()):
            raise ValidationError(str(self.message))
        return int(value)


class NumberFilter(QueryFilter):
    """A number within [minimum, maximum], e.g. tolerance=0.0001 or min_size=3 (with
    `whole`); `message` says what to give instead (it may name %(minimum)s and
    %(maximum)s)."""

    def __init__(
        self,
        parameter: str,
        *,
        key: str,
        minimum: float,
        maximum: float,
        message: str,
        whole: bool = False,
        description: str = "",
    ):
        self.parameter, self.key, self.message = parameter, key, message
        self.minimum, self.maximum, self.whole = minimum, maximum, whole
        self.schema_type = int if whole else float
        self.description = description

    def read(self, values):
        try:
            number = int(values[-1]) if self.whole else float(values[-1])
        except ValueError:
            number = None
        if number is None or not self.minimum <= number <= self.maximum:  # NaN fails too
            limits = {"minimum": self.minimum, "maximum": self.maximum}
            raise ValidationError(str(self.message) % limits)
        return number


class LimitFilter(NumberFilter):
    """limit=N on a map read: when more than N rows match, the answer holds no features and
    says so (LIMIT_EXCEEDED), and the map draws the layer's vector tiles instead."""

    def __init__(self, things: str):
        super().__init__(
            "limit",
            key="limit",
            minimum=1,
            maximum=100_000,
            whole=True,
            message=gettext_lazy("limit must be a whole number from %(minimum)s to %(maximum)s."),
            description=f"when more {things} than this match, answer no features and "
            '"limitExceeded": true (the map then draws vector tiles)',
        )


# The answer of a map read to limit=N when more than N match.
LIMIT_EXCEEDED = '{"type": "FeatureCollection", "features": [], "limitExceeded": true}'


def exceeds(queryset, limit: int | None) -> bool:
    """Whether more than `limit` rows match (counting at most limit + 1 of them)."""
    return limit is not None and queryset.order_by()[: limit + 1].count() > limit


class ContestedFilter(QueryFilter):
    parameter = key = "contested"
    enum = ["true", "false"]
    description = "only contested (true) or only convergent (false) clusters"

    def read(self, values):
        return parse_contested(values[-1])


class TextFilter(QueryFilter):
    """Free text (`q`): at most `max_length` characters and no NUL, which PostgreSQL refuses
    in text. Subclasses say what it searches (`description`) and may require it."""

    parameter = key = "q"
    max_length = 200
    required = False

    def read(self, values):
        q = values[-1]
        if len(q) > self.max_length:
            raise ValidationError(
                _("%(parameter)s is too long: at most %(n)s characters.")
                % {"parameter": self.parameter, "n": self.max_length}
            )
        if "\x00" in q:
            raise ValidationError(
                _("%(parameter)s must not contain NUL characters.") % {"parameter": self.parameter}
            )
        return q

    def openapi_parameter(self) -> OpenApiParameter:
        return OpenApiParameter(
            self.parameter, str, required=self.required, description=self.description
        )


class Filters:
    """The filters of one endpoint (or page), read together."""

    def __init__(self, *filters: QueryFilter):
        self.filters = filters

    def __add__(self, other: "Filters") -> "Filters":
        return Filters(*self.filters, *other.filters)

    def read(self, query_dict) -> dict:
        """Selector keyword arguments from a QueryDict (or a plain dict) of query
        parameters: only the filters present. Unknown parameters are ignored."""
        arguments, errors = {}, {}
        for query_filter in self.filters:
            values = _values(query_dict, query_filter.parameter)
            if not values:
                continue
            try:
                value = query_filter.read(values)
            except ValidationError as exc:
                errors[query_filter.parameter] = exc.messages
                continue
            if value is not None:
                arguments[query_filter.key] = value
        if errors:
            raise ValidationError(errors)
        return arguments

    def openapi_parameters(self) -> list[OpenApiParameter]:
        return [query_filter.openapi_parameter() for query_filter in self.filters]


def _values(query_dict, parameter: str) -> list[str]:
    if hasattr(query_dict, "getlist"):
        values = query_dict.getlist(parameter)
    else:
        value = query_dict.get(parameter)
        values = [] if value is None else [value] if isinstance(value, str) else list(value)
    return [str(v).strip() for v in values if v is not None and str(v).strip()]

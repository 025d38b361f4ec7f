"""Query parameters of the map and the list page, read once into selector arguments.

    filters = proposal_filters_from(request.GET)   # may raise ValidationError
    proposals = proposal_list(**filters, user=request.user)

The map (GET /api/proposals/) and the list page use the same function, so what one
shows the other shows.
"""

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Category, Kind

Q_MAX_LENGTH = 200


def proposal_filters_from(query_dict) -> dict:
    """Selector keyword arguments from a QueryDict (or plain dict) of query parameters.

    Returns only the filters present: bbox (minlon, minlat, maxlon, maxlat), categories,
    kinds, q, author ("me"), compatibility (zoning overlay verdicts) and district (a
    district layer feature id). Raises ValidationError({parameter: [message]}).
    """
    filters, errors = {}, {}
    readers = {
        "bbox": ("bbox", _bbox_from),
        "category": ("categories", lambda v: _choices_from(v, Category, "category")),
        "kind": ("kinds", lambda v: _choices_from(v, Kind, "kind")),
        "q": ("q", _q_from),
        "author": ("author", _author_from),
        "compatibility": ("compatibility", _compatibility_from),
        "district": ("district", _district_from),
    }
    for parameter, (key, read) in readers.items():
        raw = _values(query_dict, parameter)
        if not raw:
            continue
        try:
            value = read(raw)
        except ValidationError as exc:
            errors[parameter] = exc.messages
            continue
        if value:
            filters[key] = value
    if errors:
        raise ValidationError(errors)
    return filters


def _values(query_dict, parameter) -> list[str]:
    if hasattr(query_dict, "getlist"):
        values = query_dict.getlist(parameter)
    else:
        value = query_dict.get(parameter)
        values = [] if value is None else [value] if isinstance(value, str) else list(value)
    return [v.strip() for v in values if v is not None and str(v).strip()]


def _bbox_from(raw: list[str]) -> tuple[float, float, float, float]:
    hint = _("use bbox=minlon,minlat,maxlon,maxlat in degrees (WGS 84)")
    parts = raw[-1].split(",")
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


def _choices_from(raw: list[str], choices, parameter: str) -> list[str]:
    values = [v.strip() for item in raw for v in item.split(",") if v.strip()]
    unknown = [v for v in values if v not in choices.values]
    if unknown:
        raise ValidationError(
            _("Unknown %(parameter)s %(unknown)s; use one or more of %(known)s.")
            % {
                "parameter": parameter,
                "unknown": ", ".join(f'"{v[:40]}"' for v in unknown[:5]),
                "known": ", ".join(choices.values),
            }
        )
    return list(dict.fromkeys(values))


def _q_from(raw: list[str]) -> str:
    q = raw[-1]
    if len(q) > Q_MAX_LENGTH:
        raise ValidationError(_("q is too long: at most %(n)s characters.") % {"n": Q_MAX_LENGTH})
    if "\x00" in q:
        raise ValidationError(_("q must not contain NUL characters."))
    return q


def _author_from(raw: list[str]) -> str:
    if raw[-1] != "me":
        raise ValidationError(_('author accepts only "me" (your own pins).'))
    return "me"


def _compatibility_from(raw: list[str]) -> list[str]:
    from layers.models import Compatibility  # the overlay lives in the layers app

    return _choices_from(raw, Compatibility, "compatibility")


def _district_from(raw: list[str]) -> int:
    value = raw[-1]
    if not value.isdigit() or len(value) > 18:
        raise ValidationError(_("district must be the id of a district (a whole number)."))
    return int(value)

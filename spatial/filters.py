"""Query parameters of the cluster map and list, read once into selector arguments.

bbox and category mean exactly what they mean for proposals (proposals.filters)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from proposals.filters import proposal_filters_from

MAX_MIN_SIZE = 1_000_000


def cluster_filters_from(query_dict) -> dict:
    """Selector keyword arguments (contested, categories, min_size, bbox) from a QueryDict;
    raises ValidationError({parameter: [message]}) naming each bad parameter."""
    errors, filters = {}, {}
    shared = {k: query_dict.get(k) for k in ("bbox", "category") if query_dict.get(k)}
    try:
        filters.update(proposal_filters_from(shared))
    except ValidationError as exc:
        errors.update(exc.message_dict)
    contested = (query_dict.get("contested") or "").strip().lower()
    if contested:
        if contested not in ("true", "false"):
            errors["contested"] = [_("contested must be true or false.")]
        else:
            filters["contested"] = contested == "true"
    min_size = (query_dict.get("min_size") or "").strip()
    if min_size:
        try:
            filters["min_size"] = int(min_size)
            if not 2 <= filters["min_size"] <= MAX_MIN_SIZE:
                raise ValueError
        except ValueError:
            errors["min_size"] = [
                _("min_size must be a whole number of claims, at least 2 (a cluster has two).")
            ]
    if errors:
        raise ValidationError(errors)
    return filters

"""Query parameters of the cluster map and list, read once into selector arguments.

bbox and category mean exactly what they mean for proposals (the same filters)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.params import BBoxFilter, ContestedFilter, Filters, QueryFilter
from proposals.filters import CATEGORY

MAX_MIN_SIZE = 1_000_000


class MinSizeFilter(QueryFilter):
    parameter = key = "min_size"
    schema_type = int
    description = "at least this many claims (>= 2)"

    def read(self, values):
        try:
            min_size = int(values[-1])
        except ValueError:
            min_size = 0
        if not 2 <= min_size <= MAX_MIN_SIZE:
            raise ValidationError(
                _("min_size must be a whole number of claims, at least 2 (a cluster has two).")
            )
        return min_size


CLUSTER_FILTERS = Filters(ContestedFilter(), CATEGORY, MinSizeFilter(), BBoxFilter())


def cluster_filters_from(query_dict) -> dict:
    """Selector keyword arguments (contested, categories, min_size, bbox) from a QueryDict;
    raises ValidationError({parameter: [message]}) naming each bad parameter."""
    return CLUSTER_FILTERS.read(query_dict)

"""Query parameters of the cluster map and list, read once into selector arguments.

bbox and category mean exactly what they mean for proposals (the same filters)."""

from django.utils.translation import gettext_lazy as _lazy

from core.params import BBoxFilter, ContestedFilter, Filters, NumberFilter
from proposals.filters import CATEGORY

MAX_MIN_SIZE = 1_000_000


MIN_SIZE = NumberFilter(
    "min_size",
    key="min_size",
    minimum=2,
    maximum=MAX_MIN_SIZE,
    whole=True,
    message=_lazy("min_size must be a whole number of claims, at least 2 (a cluster has two)."),
    description="at least this many claims (>= 2)",
)


CLUSTER_FILTERS = Filters(ContestedFilter(), CATEGORY, MIN_SIZE, BBoxFilter())


def cluster_filters_from(query_dict) -> dict:
    """Selector keyword arguments (contested, categories, min_size, bbox) from a QueryDict;
    raises ValidationError({parameter: [message]}) naming each bad parameter."""
    return CLUSTER_FILTERS.read(query_dict)

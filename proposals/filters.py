"""Query parameters of the proposals on the map, the list page and the exports.

    filters = PROPOSAL_FILTERS.read(request.GET)   # may raise ValidationError
    proposals = proposal_list(**filters, user=request.user)

The map (GET /api/proposals/), the list page and the exports read the same filters, so
what one shows the others show. The overlay's filters (compatibility, district) belong to
the publishing app, which adds them to these.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core import params
from core.params import BBoxFilter, ChoicesFilter, Filters, QueryFilter, SingleChoiceFilter

from .models import Category, Kind
from .selectors import Sort


class TextFilter(params.TextFilter):
    description = "case-insensitive text in title and description"


class AuthorFilter(QueryFilter):
    parameter = key = "author"
    enum = ["me"]
    description = "only your own pins"

    def read(self, values):
        if values[-1] != "me":
            raise ValidationError(_('author accepts only "me" (your own pins).'))
        return "me"


CATEGORY = ChoicesFilter(
    "category", Category, key="categories", description="comma list, e.g. housing,mobility"
)
PROPOSAL_FILTERS = Filters(
    BBoxFilter(),
    CATEGORY,
    ChoicesFilter("kind", Kind, key="kinds", description="proposal or conflict (comma list)"),
    TextFilter(),
    AuthorFilter(),
    SingleChoiceFilter(
        "sort",
        Sort,
        key="sort",
        description="order: newest first (default), most supported or most discussed first",
    ),
)


def proposal_filters_from(query_dict) -> dict:
    """proposal_list() keyword arguments (bbox, categories, kinds, q, author, sort) from a QueryDict
    or plain dict; raises ValidationError({parameter: [message]})."""
    return PROPOSAL_FILTERS.read(query_dict)

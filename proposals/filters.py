"""Query parameters of the proposals on the map, the list page and the exports.

    filters = PROPOSAL_FILTERS.read(request.GET)   # may raise ValidationError
    proposals = proposal_list(**filters, user=request.user)

The map (GET /api/proposals/), the list page and the exports read the same filters, so
what one shows the others show. The overlay's filters (compatibility, district) belong to
the publishing app, which adds them to these.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.params import BBoxFilter, ChoicesFilter, Filters, QueryFilter, SingleChoiceFilter

from .models import Category, Kind
from .selectors import Sort

Q_MAX_LENGTH = 200


class TextFilter(QueryFilter):
    parameter = key = "q"
    description = "case-insensitive text in title and description"

    def read(self, values):
        q = values[-1]
        if len(q) > Q_MAX_LENGTH:
            raise ValidationError(
                _("q is too long: at most %(n)s characters.") % {"n": Q_MAX_LENGTH}
            )
        if "\x00" in q:
            raise ValidationError(_("q must not contain NUL characters."))
        return q


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

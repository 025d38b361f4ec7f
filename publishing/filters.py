"""The overlay's query parameters of proposals (zoning verdict and district), added to the
proposals app's own filters by the map, the list page and the exports."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.params import ChoicesFilter, Filters, QueryFilter
from layers.models import Compatibility
from proposals.filters import PROPOSAL_FILTERS


class DistrictFilter(QueryFilter):
    parameter = key = "district"
    schema_type = int
    description = "id of a district feature (layers app)"

    def read(self, values):
        value = values[-1]
        if not value.isdigit() or len(value) > 18:  # ids are bigint
            raise ValidationError(_("district must be the id of a district (a whole number)."))
        return int(value)


OVERLAY_FILTERS = Filters(
    ChoicesFilter(
        "compatibility",
        Compatibility,
        key="compatibility",
        description="zoning verdict, comma list of compatible, conditional, incompatible, unknown",
    ),
    DistrictFilter(),
)
# The map, the list page and the proposals export.
MAP_FILTERS = PROPOSAL_FILTERS + OVERLAY_FILTERS

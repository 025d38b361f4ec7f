"""The map read model of proposals: the proposals app's reads plus what the layers overlay
found for each proposal (district and zoning verdict), as filters and as properties.

A proposal without an overlay row (no layer imported yet, or the overlay not run) has no
district ("") and counts as "unknown".
"""

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from layers.models import Compatibility
from proposals import selectors as proposal_selectors
from proposals.models import Proposal


def overlay_properties() -> dict:
    """district_name and compatibility, read through one LEFT JOIN on the overlay's key."""
    return {
        "district_name": Coalesce(F("overlay__district_name"), Value("")),
        "compatibility": Coalesce(F("overlay__compatibility"), Value(Compatibility.UNKNOWN.value)),
    }


def map_proposal_list(*, compatibility=None, district=None, **filters) -> QuerySet[Proposal]:
    """proposals.selectors.proposal_list(**filters), narrowed by the overlay: compatibility
    (a list of verdicts, "unknown" matching proposals without an overlay) and district (the
    id of a district feature)."""
    qs = proposal_selectors.proposal_list(**filters)
    if compatibility:
        match = Q(overlay__compatibility__in=compatibility)
        if Compatibility.UNKNOWN in compatibility:
            match |= Q(overlay__isnull=True)
        qs = qs.filter(match)
    if district is not None:
        qs = qs.filter(overlay__district_id=district)
    return qs


def map_feature_collection(qs: QuerySet[Proposal]) -> str:
    """The map's FeatureCollection of `qs` (JSON text, one statement)."""
    return proposal_selectors.proposal_feature_collection(qs, extra_properties=overlay_properties())


def map_feature_collection_sql(qs: QuerySet[Proposal]) -> tuple[str, list]:
    """(sql, params) of the statement map_feature_collection() runs (for benchmarks)."""
    return proposal_selectors.proposal_feature_collection_sql(
        qs, extra_properties=overlay_properties()
    )


def map_feature(*, proposal: Proposal, user=None) -> dict:
    """The detail Feature of one proposal, with its overlay."""
    return proposal_selectors.proposal_feature(
        proposal=proposal, user=user, extra_properties=overlay_properties()
    )

"""{% proposal_negotiation_status proposal %}: "in negotiation" or the outcome, on a pin's page."""

from django import template
from django.utils.translation import gettext as _

from negotiations.selectors import proposal_negotiation_status as status_of
from proposals.models import Status

register = template.Library()


@register.inclusion_tag("frontend/rounds/_proposal_status.html")
def proposal_negotiation_status(proposal):
    return {"status": status_of(proposal)}


@register.filter
def claim_title(proposal) -> str:
    """A claim's title, unless a moderator has hidden the proposal since."""
    if proposal.status == Status.HIDDEN:
        return _("(hidden by a moderator)")
    return proposal.title

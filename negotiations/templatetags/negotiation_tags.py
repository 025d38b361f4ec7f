"""{% proposal_negotiation_status proposal %}: "in negotiation" or the outcome, on a pin's page."""

from django import template

from negotiations.selectors import proposal_negotiation_status as status_of

register = template.Library()


@register.inclusion_tag("frontend/rounds/_proposal_status.html")
def proposal_negotiation_status(proposal):
    return {"status": status_of(proposal)}

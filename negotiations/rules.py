"""Who may do what in a negotiation round, as named predicates.

Object predicates accept a Round or anything with a `.round` (an Option, a Participant).
"""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import add_refusals, is_mediator, is_planner

from .models import Role, State


def _round_of(obj):
    return getattr(obj, "round", obj)


@rules.predicate
def round_is_open(user, obj) -> bool:
    return obj is not None and _round_of(obj).state == State.OPEN


@rules.predicate
def round_is_draft(user, obj) -> bool:
    return obj is not None and _round_of(obj).state == State.DRAFT


@rules.predicate
def round_is_closed(user, obj) -> bool:
    return obj is not None and _round_of(obj).state == State.CLOSED


@rules.predicate
def is_participant(user, obj) -> bool:
    if obj is None or not user.is_authenticated:
        return False
    return _round_of(obj).participants.filter(user=user).exists()


@rules.predicate
def takes_positions(user, obj) -> bool:
    """A participant who is not there as the mediator: an author or an invited person."""
    if obj is None or not user.is_authenticated:
        return False
    return _round_of(obj).participants.filter(user=user).exclude(role=Role.MEDIATOR).exists()


@rules.predicate
def is_option_author(user, option) -> bool:
    return option is not None and option.created_by_id == user.pk


round_is_not_closed = round_is_open | round_is_draft

# Rounds
rules.add_perm("negotiations.open_round", is_mediator)
rules.add_perm("negotiations.change_round", is_mediator & round_is_not_closed)
rules.add_perm("negotiations.close_round", is_mediator & round_is_open)
rules.add_perm("negotiations.next_round", is_mediator & round_is_open)
rules.add_perm("negotiations.invite_participant", is_mediator & round_is_not_closed)
# Closed rounds (their options and outcome) are public; open ones belong to those involved.
rules.add_perm(
    "negotiations.view_round", round_is_closed | is_mediator | is_planner | is_participant
)
rules.add_perm("negotiations.view_consent_matrix", is_mediator)
rules.add_perm(
    "negotiations.view_history", round_is_closed | is_mediator | is_planner | is_participant
)

# Options and positions
rules.add_perm("negotiations.add_option", (is_mediator | is_participant) & round_is_open)
rules.add_perm("negotiations.change_option", (is_mediator | is_option_author) & round_is_open)
rules.add_perm("negotiations.set_position", takes_positions & round_is_open)

# The review queue of clusters, where rounds are opened.
rules.add_perm("negotiations.view_review_queue", is_mediator | is_planner)

# What a refused person is told, per permission.
_IN_THIS_ROUND = _("You may not do this in this round.")
add_refusals(
    {
        "negotiations.open_round": _("Only mediators open rounds."),
        "negotiations.change_round": _IN_THIS_ROUND,
        "negotiations.close_round": _("Only mediators close open rounds."),
        "negotiations.next_round": _("Only mediators start a next round."),
        "negotiations.invite_participant": _("Only mediators invite."),
        "negotiations.view_round": _IN_THIS_ROUND,
        "negotiations.view_consent_matrix": _IN_THIS_ROUND,
        "negotiations.view_history": _IN_THIS_ROUND,
        "negotiations.add_option": _IN_THIS_ROUND,
        "negotiations.change_option": _IN_THIS_ROUND,
        "negotiations.set_position": _("Only participants of an open round give positions."),
        "negotiations.view_review_queue": _("The review queue is for mediators and planners."),
    }
)

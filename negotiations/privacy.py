"""What negotiations gives to "Download my data" and "Delete my account"
(accounts.privacy), and its veto on putting a decided pin back (proposals.hooks):
registered from NegotiationsConfig.ready().

Deleting an account changes nothing here: a round's participants, positions and options
stay, so an open round keeps working; the emptied account is named "deleted user"
(selectors.round_names), and e-mails skip it (it has no address)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import privacy
from proposals import hooks as proposal_hooks

from .models import Option, Participant, Position, RoundClaim, State


def negotiations_export(*, user) -> dict:
    participations = Participant.objects.filter(user=user).order_by("created_at", "id")
    positions = Position.objects.filter(participant__user=user).order_by("updated_at", "id")
    options = Option.objects.filter(created_by=user).order_by("created_at", "id")
    return {
        "negotiations/participations.json": list(
            participations.values(
                "round_id", "round__title", "round__number", "round__state", "role", "created_at"
            )
        ),
        "negotiations/positions.json": list(
            positions.values(
                "option__round_id", "option_id", "option__title", "stance", "reason", "updated_at"
            )
        ),
        "negotiations/options.json": list(
            options.values("round_id", "id", "title", "description", "created_at")
        ),
    }


def negotiations_describe(*, user, keep_pins: bool) -> list[str]:
    rounds = Participant.objects.filter(user=user).values("round_id").distinct().count()
    if not rounds:
        return []
    return [
        ngettext(
            "Your part in %(count)s negotiation round stays, with your positions, shown as "
            "by “deleted user”, so that the round keeps its record.",
            "Your part in %(count)s negotiation rounds stays, with your positions, shown as "
            "by “deleted user”, so that the rounds keep their record.",
            rounds,
        )
        % {"count": rounds}
    ]


def closed_round_veto(*, proposal) -> str | None:
    """A pin a closed round decided on cannot come back on its own."""
    closed = RoundClaim.objects.filter(proposal=proposal, round__state=State.CLOSED).exists()
    if closed:
        return _(
            "A closed negotiation round decided on this proposal: it cannot be put back on the map."
        )
    return None


def register() -> None:
    privacy.exporters.register(
        negotiations_export, order=30, reason="rounds after the pins they are about"
    )
    privacy.describers.register(negotiations_describe, order=30, reason="after the pins")
    proposal_hooks.reinstate_vetoes.register(
        closed_round_veto, order=10, reason="the only veto so far"
    )

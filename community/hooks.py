"""Where the community app listens to the apps below it (called from AppConfig.ready())."""

from negotiations import hooks as negotiation_hooks
from proposals import hooks as proposal_hooks

from . import notices


def register() -> None:
    proposal_hooks.after_proposal_write.register(
        notices.after_proposal_write,
        order=30,
        reason="notices only tell what happened; they need nothing of the overlay or the "
        "clusters. A hook that fails after them rolls their rows back, and their e-mails "
        "leave only on commit, so a failed write still tells nobody",
    )
    negotiation_hooks.after_round_event.register(
        notices.after_round_event,
        order=10,
        reason="notices to the followers of the pins a round concerns",
    )

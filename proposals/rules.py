"""Who may do what with proposals: named predicates and django-rules permissions."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import add_refusals, is_moderator

from .models import Status


@rules.predicate
def is_author(user, proposal) -> bool:
    return proposal is not None and user.is_authenticated and proposal.author_id == user.pk


@rules.predicate
def is_active(user, proposal) -> bool:
    return proposal is not None and proposal.status == Status.ACTIVE


@rules.predicate
def is_hidden(user, proposal) -> bool:
    return proposal is not None and proposal.status == Status.HIDDEN


is_signed_in = rules.is_authenticated

# Everybody sees active pins; authors and moderators also see withdrawn and hidden ones.
rules.add_perm("proposals.view_proposal", is_active | is_author | is_moderator)
rules.add_perm("proposals.add_proposal", is_signed_in)
# Only the author edits or withdraws a pin (services refuse it once it is not active).
rules.add_perm("proposals.change_proposal", is_author)
rules.add_perm("proposals.delete_proposal", is_author)
# The author puts a pin they withdrew back (services refuse other states, and pins a
# closed round holds).
rules.add_perm("proposals.reinstate_proposal", is_author)
# Moderators hide (with a reason) and restore.
rules.add_perm("proposals.hide_proposal", is_moderator)
rules.add_perm("proposals.restore_proposal", is_moderator & is_hidden)
rules.add_perm("proposals.hide_comment", is_moderator)
# Signed-in people support and comment on active pins.
rules.add_perm("proposals.add_support", is_signed_in & is_active)
rules.add_perm("proposals.add_comment", is_signed_in & is_active)

add_refusals(
    {
        "proposals.change_proposal": _("Only the author can edit this proposal."),
        "proposals.delete_proposal": _("Only the author can withdraw this proposal."),
        "proposals.reinstate_proposal": _(
            "Only the author can put a withdrawn proposal back on the map."
        ),
        "proposals.hide_proposal": _("Only moderators can hide proposals."),
        "proposals.restore_proposal": _("Only moderators can restore hidden proposals."),
        "proposals.hide_comment": _("Only moderators can hide comments."),
    }
)

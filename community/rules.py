"""Who may do what with photos, follows and reports: named predicates and permissions."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import add_refusals, is_moderator
from proposals.models import Status


@rules.predicate
def may_add_photo(user, target) -> bool:
    """The author of an active pin, or of a comment on one (target: Proposal or Comment)."""
    if target is None or not user.is_authenticated:
        return False
    proposal = getattr(target, "proposal", target)
    return target.author_id == user.pk and proposal.status == Status.ACTIVE


@rules.predicate
def is_uploader(user, photo) -> bool:
    return photo is not None and user.is_authenticated and photo.uploader_id == user.pk


is_signed_in = rules.is_authenticated

rules.add_perm("community.add_photo", may_add_photo)
rules.add_perm("community.delete_photo", is_uploader | is_moderator)
rules.add_perm("community.hide_photo", is_moderator)
rules.add_perm("community.follow", is_signed_in)
rules.add_perm("community.add_report", is_signed_in)
rules.add_perm("community.moderate_reports", is_moderator)

add_refusals(
    {
        "community.add_photo": _(
            "Only the author of an active pin (or of the comment) can add photos to it."
        ),
        "community.delete_photo": _("Only the person who uploaded a photo can remove it."),
        "community.hide_photo": _("Only moderators can hide photos."),
        "community.follow": _("Sign in to follow pins."),
        "community.add_report": _("Sign in to report content."),
        "community.moderate_reports": _("Only moderators can see and decide reports."),
    }
)

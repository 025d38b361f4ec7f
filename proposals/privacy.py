"""What proposals gives to "Download my data" and "Delete my account" (accounts.privacy):
registered from ProposalsConfig.ready()."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import privacy
from core.geojson import feature_collection

from . import services
from .models import Comment, Proposal, Support


def proposals_export(*, user) -> dict:
    """The user's pins (every status) as GeoJSON, their comments and supports as JSON."""
    pins = Proposal.objects.filter(author=user).order_by("created_at", "id")
    properties = {
        name: name
        for name in (
            "id",
            "kind",
            "category",
            "title",
            "description",
            "scope",
            "status",
            "hidden_reason",
            "support_count",
            "comment_count",
            "created_at",
            "updated_at",
        )
    }
    comments = Comment.objects.filter(author=user).order_by("created_at", "id")
    supports = Support.objects.filter(user=user).order_by("created_at", "id")
    return {
        "proposals/pins.geojson": feature_collection(pins, properties=properties, name="pins"),
        "proposals/comments.json": list(
            comments.values("id", "proposal_id", "proposal__title", "body", "created_at")
        ),
        "proposals/supports.json": list(
            supports.values("proposal_id", "proposal__title", "created_at")
        ),
    }


def proposals_erase(*, user, keep_pins: bool) -> None:
    """Supports go (the counts follow); comments stay, shown as by "deleted user"; pins
    stay without a name, or are deleted except where a round holds them."""
    for support in Support.objects.filter(user=user).select_related("proposal"):
        services.support_remove(proposal=support.proposal, user=user)
    if not keep_pins:
        for proposal in Proposal.objects.filter(author=user).order_by("id"):
            services.proposal_erase(proposal=proposal, user=user)


def proposals_describe(*, user, keep_pins: bool) -> list[str]:
    pins = list(Proposal.objects.filter(author=user))
    sentences = []
    if keep_pins:
        if pins:
            sentences.append(
                ngettext(
                    "Your %(count)s pin stays, shown as by “deleted user”.",
                    "Your %(count)s pins stay, shown as by “deleted user”.",
                    len(pins),
                )
                % {"count": len(pins)}
            )
    else:
        held = sum(1 for pin in pins if services.proposal_is_held(pin))
        if len(pins) - held:
            sentences.append(
                ngettext(
                    "%(count)s pin is deleted, with the supports and comments on it.",
                    "%(count)s pins are deleted, with the supports and comments on them.",
                    len(pins) - held,
                )
                % {"count": len(pins) - held}
            )
        if held:
            sentences.append(
                ngettext(
                    "%(count)s pin stays, shown as by “deleted user”, because a negotiation "
                    "round is about it.",
                    "%(count)s pins stay, shown as by “deleted user”, because a negotiation "
                    "round is about them.",
                    held,
                )
                % {"count": held}
            )
    if not pins:
        sentences.append(_("You have no pins."))
    comments = Comment.objects.filter(author=user).count()
    if comments:
        sentences.append(
            ngettext(
                "Your %(count)s comment stays, shown as by “deleted user”.",
                "Your %(count)s comments stay, shown as by “deleted user”.",
                comments,
            )
            % {"count": comments}
        )
    supports = Support.objects.filter(user=user).count()
    if supports:
        sentences.append(
            ngettext(
                "Your %(count)s support is removed.",
                "Your %(count)s supports are removed.",
                supports,
            )
            % {"count": supports}
        )
    return sentences


def register() -> None:
    privacy.exporters.register(
        proposals_export, order=10, reason="pins, comments and supports after the account"
    )
    privacy.erasers.register(
        proposals_erase,
        order=10,
        reason="supports and pins go before the account row is emptied; the pins' hooks "
        "(overlay, clusters) run while the author still exists",
    )
    privacy.describers.register(proposals_describe, order=10, reason="pins first")

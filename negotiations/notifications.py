"""E-mails about rounds, through Django's mail API, sent after the transaction commits.

One message per person (no one sees the others' addresses). People without an e-mail
address are skipped; `Participant.notified_at` records who was told.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail as django_send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Participant, Round

logger = logging.getLogger(__name__)


def send_mail(**kwargs) -> bool:
    """Send one message; a mail server failure is logged, never undoes the round's write."""
    try:
        django_send_mail(**kwargs)
    except Exception:  # noqa: BLE001 - any backend error: log it, the write stays committed
        # The count only: addresses stay out of the log.
        logger.exception("Could not send e-mail to %d recipient(s)", len(kwargs["recipient_list"]))
        return False
    return True


def _round_url(round_id: int) -> str:
    return settings.SITE_URL + reverse("frontend:round-detail", args=[round_id])


def _send_invitations(participant_ids: list[int]) -> None:
    participants = Participant.objects.filter(pk__in=participant_ids).select_related(
        "round", "user"
    )
    for participant in participants:
        if not participant.user.email:
            continue
        negotiation_round = participant.round
        sent = send_mail(
            subject=_("You are invited to a negotiation round: %(title)s")
            % {"title": negotiation_round.title},
            message=_(
                "Hello %(name)s,\n\n"
                "a mediator has opened round %(number)s “%(title)s” about claims "
                "on the same space as yours (or invited you to it). Please read the options "
                "and say for each whether you support it, can live with it or object:\n\n"
                "%(url)s\n"
            )
            % {
                "name": participant.user.public_name,
                "number": negotiation_round.number,
                "title": negotiation_round.title,
                "url": _round_url(negotiation_round.pk),
            },
            from_email=None,
            recipient_list=[participant.user.email],
        )
        if sent:
            Participant.objects.filter(pk=participant.pk).update(notified_at=timezone.now())


def _send_outcome(round_id: int) -> None:
    negotiation_round = Round.objects.get(pk=round_id)
    participants = negotiation_round.participants.select_related("user").exclude(user__email="")
    for participant in participants:
        send_mail(
            subject=_("Outcome of the negotiation round: %(title)s")
            % {"title": negotiation_round.title},
            message=_(
                "Hello %(name)s,\n\nround %(number)s “%(title)s” is closed. "
                "Read the outcome and what becomes of each proposal here:\n\n%(url)s\n"
            )
            % {
                "name": participant.user.public_name,
                "number": negotiation_round.number,
                "title": negotiation_round.title,
                "url": _round_url(negotiation_round.pk),
            },
            from_email=None,
            recipient_list=[participant.user.email],
        )


def invitations_send(*, participant_ids: list[int]) -> None:
    if participant_ids:
        transaction.on_commit(lambda: _send_invitations(list(participant_ids)))


def outcome_send(*, round_id: int) -> None:
    transaction.on_commit(lambda: _send_outcome(round_id))

"""Notice e-mails: one per notice, or one daily digest per person; run by the worker.

Every message carries a one-click unsubscribe link (signed with django.core.signing, so it
needs no sign-in and cannot be forged) in its text and in the List-Unsubscribe headers
(RFC 2369, with RFC 8058's List-Unsubscribe-Post for mail programs' own button).
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Delivery, Notice
from .texts import notice_text, notice_url

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "community.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_from_token(token: str):
    """The user a genuine unsubscribe token names, or None (forged, altered, unknown)."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return get_user_model().objects.filter(pk=data["u"]).first()


def unsubscribe_url(user) -> str:
    return settings.SITE_URL + reverse("frontend:unsubscribe", args=[unsubscribe_token(user)])


def _language(user) -> str:
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def _message(user, *, subject: str, lines: list[str], kind: str) -> EmailMessage:
    link = unsubscribe_url(user)
    body = "\n\n".join(
        [
            _("Hello %(name)s,") % {"name": user.public_name},
            *lines,
            _("You get this e-mail because you follow these pins or reported content."),
            _("Change how you get notices: %(url)s")
            % {"url": settings.SITE_URL + reverse("frontend:notices")},
            _("No more e-mails (one click): %(url)s") % {"url": link},
        ]
    )
    return EmailMessage(
        subject=subject,
        body=body + "\n",
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-Stadtmacher-Kind": kind,
        },
    )


def _send(message: EmailMessage) -> bool:
    try:
        message.send()
    except Exception:  # noqa: BLE001 - any backend error: log the count, keep the notice
        logger.exception("Could not send a notice e-mail to %d recipient(s)", len(message.to))
        return False
    return True


def _claim(notice_ids) -> list[Notice]:
    """Mark notices as mailed (only those no one else has): a redelivered task or a second
    worker never mails one twice."""
    now = timezone.now()
    with transaction.atomic():
        notices = list(
            Notice.objects.select_for_update(skip_locked=True)
            .filter(pk__in=list(notice_ids), mailed_at__isnull=True)
            .exclude(user__email="")
            .select_related("user")
        )
        Notice.objects.filter(pk__in=[n.pk for n in notices]).update(mailed_at=now)
    return notices


def _unclaim(notices) -> None:
    Notice.objects.filter(pk__in=[n.pk for n in notices]).update(mailed_at=None)


def send_notices(notice_ids) -> int:
    """Mail each notice to its person at once (the immediate choice). Returns how many left."""
    sent = 0
    for notice in _claim(notice_ids):
        user = notice.user
        if getattr(getattr(user, "mail_preference", None), "delivery", Delivery.IMMEDIATE) != (
            Delivery.IMMEDIATE
        ):
            _unclaim([notice])  # the choice changed since: the digest or nobody takes it
            continue
        with translation.override(_language(user)):
            text = notice_text(notice)
            message = _message(
                user,
                subject=_("Stadtmacher: %(text)s") % {"text": text[:120]},
                lines=[text, notice_url(notice)],
                kind="notice",
            )
        if _send(message):
            sent += 1
        else:
            _unclaim([notice])
    return sent


def send_digests() -> int:
    """One e-mail per person who chose the daily digest, with all their notices not mailed
    yet. Returns how many e-mails left."""
    pending = (
        Notice.objects.filter(
            mailed_at__isnull=True, user__mail_preference__delivery=Delivery.DAILY
        )
        .exclude(user__email="")
        .values_list("user_id", "pk")
    )
    by_user: dict[int, list[int]] = {}
    for user_id, pk in pending:
        by_user.setdefault(user_id, []).append(pk)
    sent = 0
    for ids in by_user.values():
        notices = sorted(_claim(ids), key=lambda n: (n.created_at, n.pk))
        if not notices:
            continue
        user = notices[0].user
        with translation.override(_language(user)):
            lines = [f"- {notice_text(n)}\n  {notice_url(n)}" for n in notices]
            message = _message(
                user,
                subject=_("Stadtmacher: %(n)s new notices") % {"n": len(notices)},
                lines=lines,
                kind="digest",
            )
        if _send(message):
            sent += 1
        else:
            _unclaim(notices)
    return sent

"""An e-mail backend for servers without a mail server (no EMAIL_URL, DEBUG off).

Django's console backend would print every message, recipients and body included, to the
server log. This one sends nothing and logs only how many messages of which kind were
dropped: the kind is the message's X-Stadtmacher-Kind header, else its MIME type.
"""

import logging
from collections import Counter

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("stadtmacher.mail")


def _kind(message) -> str:
    return message.extra_headers.get("X-Stadtmacher-Kind") or message.content_subtype


class CountOnlyEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        messages = list(email_messages or [])
        if messages:
            kinds = Counter(_kind(m) for m in messages)
            logger.warning(
                "%d e-mail(s) not sent (no EMAIL_URL configured): %s",
                len(messages),
                ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())),
            )
        return len(messages)

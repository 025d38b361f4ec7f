"""Account e-mails: sign-up confirmation, "this address has an account", e-mail change,
password reset. Rendered here in the reader's language, sent by the Celery worker after the
transaction commits (accounts.tasks), so a request never waits for the mail server and a
rolled-back write sends nothing. Without a broker the task runs in-process.

Templates: registration/<kind>_subject.txt and registration/<kind>_email.txt, with
`site_url` and `city` besides what the caller gives.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from .tasks import send_account_mail


def account_mail_send(*, kind: str, to: str, context: dict) -> None:
    context = {"site_url": settings.SITE_URL, "city": settings.CITY_NAME, **context}
    subject = render_to_string(f"registration/{kind}_subject.txt", context)
    subject = " ".join(subject.split())  # one line: a header cannot hold a newline
    body = render_to_string(f"registration/{kind}_email.txt", context)
    transaction.on_commit(
        lambda: send_account_mail.delay(subject=subject, body=body, to=to, kind=kind)
    )

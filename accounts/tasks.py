"""Background jobs of the accounts app (eager in-process when no broker is configured)."""

from celery import shared_task
from django.core.mail import EmailMessage


@shared_task(acks_late=True, name="accounts.tasks.send_account_mail")
def send_account_mail(*, subject: str, body: str, to: str, kind: str) -> None:
    """Send one account e-mail (a reset link, a confirmation link) to one address."""
    EmailMessage(subject, body, to=[to], headers={"X-Stadtmacher-Kind": kind}).send()

"""Background jobs of the community app: notice e-mails (eager in-process without a broker)."""

from celery import shared_task

from . import mail


@shared_task(acks_late=True)
def notices_mail(notice_ids: list[int]) -> int:
    """E-mail these notices to the people who want them at once; returns how many left."""
    return mail.send_notices(notice_ids)


@shared_task(acks_late=True)
def notices_digest() -> int:
    """The daily digest (CELERY_BEAT_SCHEDULE or `manage.py notices_digest`)."""
    return mail.send_digests()

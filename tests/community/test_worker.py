"""Notice e-mails leave from a real Celery worker on the real Redis, after the commit."""

import time

import pytest
from django.contrib.gis.geos import Point
from django.core import mail

from community.models import Notice
from proposals import services as pins
from tests.factories import CITY_CENTRE
from tests.layers.test_tasks import redis_worker  # noqa: F401 - the worker fixture


@pytest.mark.django_db(transaction=True)
def test_a_comment_notice_is_mailed_by_the_worker(redis_worker, resident, other_resident):  # noqa: F811
    pin = pins.proposal_create(
        author=resident, kind="proposal", category="mobility", title="Crossing",
        geom=Point(*CITY_CENTRE, srid=4326),
    )  # fmt: skip
    pins.comment_create(proposal=pin, author=other_resident, body="Yes, please")
    notice = Notice.objects.get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not mail.outbox:
        time.sleep(0.2)
    (message,) = mail.outbox  # sent by the worker thread (the locmem outbox is per process)
    assert message.to == [resident.email]
    assert "Crossing" in message.body and message.extra_headers["List-Unsubscribe"]
    notice.refresh_from_db()
    assert notice.mailed_at is not None

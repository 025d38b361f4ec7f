"""Two writers at the same moment: the row lock makes the second see the first's change."""

import threading
import time

import pytest
from django.db import connection, transaction

from accounts import roles
from negotiations import services
from negotiations.models import Round
from tests.factories import UserFactory

from .factories import round_create


@pytest.mark.django_db(transaction=True)
def test_concurrent_writer_waits_for_the_lock_and_is_refused_as_stale():
    first, second = (UserFactory(roles=[roles.MEDIATOR]) for _ in range(2))
    negotiation_round = round_create(mediator=first, title="Start")
    seen = negotiation_round.version
    outcome = {}

    def second_writer():
        try:
            services.round_update(
                negotiation_round=negotiation_round,
                mediator=second,
                expected_version=seen,
                title="Second",
            )
            outcome["result"] = "saved"
        except services.VersionConflict:
            outcome["result"] = "conflict"
        finally:
            connection.close()

    with transaction.atomic():
        Round.objects.select_for_update().get(
            pk=negotiation_round.pk
        )  # the first writer holds the row
        thread = threading.Thread(target=second_writer)
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive()  # blocked on the lock, not reading a stale version
        services.round_update(
            negotiation_round=negotiation_round,
            mediator=first,
            expected_version=seen,
            title="First",
        )
    thread.join(timeout=10)
    assert outcome == {"result": "conflict"}
    negotiation_round.refresh_from_db()
    assert negotiation_round.title == "First" and negotiation_round.version == seen + 1

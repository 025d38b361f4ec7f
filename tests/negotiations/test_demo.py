from django.core import mail

from negotiations.demo import demo_rounds_create
from negotiations.models import HistoryEntry, Position, Round, State

from .factories import cluster_create


def test_demo_creates_a_finished_and_an_open_round_once(mediator):
    top = cluster_create(score=5.0)
    second = cluster_create(score=3.0)
    cluster_create(score=1.0)
    report = demo_rounds_create()
    finished = Round.objects.get(cluster=top)
    current = Round.objects.get(cluster=second)
    assert finished.state == State.CLOSED and finished.outcome.resolutions.count() == 2
    assert current.state == State.OPEN and current.options.count() == 2
    assert Position.objects.filter(option__round=current, stance="object").exists()
    assert "finished" in report and "open" in report
    assert mail.outbox == []
    entries = HistoryEntry.objects.count()
    assert demo_rounds_create() == "rounds already there"
    assert Round.objects.count() == 2 and HistoryEntry.objects.count() == entries


def test_demo_without_clusters_does_nothing(mediator):
    assert "no rounds" in demo_rounds_create()
    assert not Round.objects.exists()

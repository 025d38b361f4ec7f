from django.core import mail

from negotiations.demo import demo_rounds_create
from negotiations.models import HistoryEntry, Position, Round, State
from proposals.models import Category
from tests.factories import ProposalFactory

from .factories import cluster_create, square


def test_demo_creates_a_finished_and_an_open_round_once(mediator):
    top = cluster_create(score=5.0)
    second = cluster_create(score=3.0)
    cluster_create(score=1.0)
    report = demo_rounds_create()
    finished = Round.objects.get(cluster=top)
    current = Round.objects.get(cluster=second)
    assert finished.state == State.CLOSED and finished.outcome.resolutions.count() == 2
    assert current.state == State.OPEN and current.options.count() == 3
    assert Position.objects.filter(option__round=current, stance="object").exists()
    assert "finished" in report and "open" in report
    assert mail.outbox == []
    entries = HistoryEntry.objects.count()
    assert demo_rounds_create() == "rounds already there"
    assert Round.objects.count() == 2 and HistoryEntry.objects.count() == entries


def test_demo_without_clusters_does_nothing(mediator):
    assert "no rounds" in demo_rounds_create()
    assert not Round.objects.exists()


def test_a_housing_against_green_cluster_gets_a_shared_use_in_the_demo_language(mediator):
    """The default cluster holds a housing proposal and a green-space conflict."""
    cluster_create(score=5.0)
    assert demo_rounds_create(language="de", describe=lambda c: ("Gleisdreieck", None)).endswith(
        "(de)"
    )
    finished = Round.objects.get()
    assert finished.title == "Gleisdreieck: Wohnungen oder Grün? Eine gemeinsame Nutzung finden"
    titles = list(finished.options.order_by("id").values_list("title", flat=True))
    assert titles[0] == "Wohnbebauung am Rand, Park im Kern"
    assert finished.outcome.chosen_option.title == titles[0]
    assert finished.options.order_by("id")[0].geom is not None  # the park in the middle
    # each side argues its own case: the green side objects to building on the whole site
    green = finished.claims.get(category=Category.GREEN_SPACE).author
    against = Position.objects.get(
        option__round=finished, option__title=titles[2], participant__user=green
    )
    assert against.stance == "object"
    assert "Grünfläche" in against.reason
    results = dict(finished.outcome.resolutions.values_list("proposal__category", "result"))
    assert results == {"housing": "modified", "green_space": "adopted"}


def test_english_demo_rounds_and_a_fallback_named_by_the_categories(mediator):
    mobility = [
        ProposalFactory(geom=square(), category=Category.MOBILITY),
        ProposalFactory(geom=square(0.0005), category=Category.PUBLIC_SPACE),
    ]
    cluster_create(mobility, score=5.0)
    demo_rounds_create(language="en")
    finished = Round.objects.get()
    assert finished.title in (
        "Mobility or Public space? Finding a shared solution",
        "Public space or Mobility? Finding a shared solution",
    )
    assert finished.options.order_by("id")[0].title == "Both, side by side"
    assert not any(
        word in text
        for text in Position.objects.filter(option__round=finished).values_list("reason", flat=True)
        for word in ("Fläche", "Wohn", "oder")
    )

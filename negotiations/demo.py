"""Negotiation rounds for the demo city: one finished, one open, on the two most contested
clusters. Called at the end of `manage.py demo_city`; idempotent (does nothing when the
clusters already have rounds). Written through the services, so the history is real.
"""

from datetime import timedelta

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts import roles
from accounts.models import User

from . import services
from .models import Result, Role, Round, Stance

REASONS = (
    "It takes away the only shade on the square in summer.",
    "Delivery traffic would go right past the school entrance.",
    "Too little space is left for the weekly market.",
)
SUPPORT_FIRST = (Stance.SUPPORT, Stance.CAN_LIVE_WITH, Stance.OBJECT)
OBJECT_FIRST = (Stance.OBJECT, Stance.CAN_LIVE_WITH, Stance.SUPPORT)


def _positions(negotiation_round, options) -> None:
    """Every author gives a position on every option, in a fixed, varied pattern."""
    people = list(negotiation_round.participants.exclude(role=Role.MEDIATOR).select_related("user"))
    for i, participant in enumerate(people):
        for j, option in enumerate(options):
            pattern = SUPPORT_FIRST if j == 0 else OBJECT_FIRST
            stance = pattern[i % 3]
            reason = REASONS[(i + j) % len(REASONS)] if stance == Stance.OBJECT else ""
            services.position_set(
                option=option, user=participant.user, stance=stance, reason=reason
            )


def _options(negotiation_round, mediator) -> list:
    claims = list(negotiation_round.claims.order_by("id"))
    centre = claims[0].geom.centroid
    compromise = centre.buffer(0.0006)  # a small area (about 40 x 65 m) around the first claim
    compromise.srid = 4326
    return [
        services.option_add(
            negotiation_round=negotiation_round,
            user=mediator,
            title="Shared use: green courtyard with homes on the edge",
            description="Homes along the street side; the inner yard stays green and public.",
            geometry=compromise,
        ),
        services.option_add(
            negotiation_round=negotiation_round,
            user=mediator,
            title="Keep everything as it is for now",
            description="No building; revisit after the district plan is updated.",
        ),
    ]


def _resolutions(negotiation_round) -> list[dict]:
    results = (Result.ADOPTED, Result.MODIFIED, Result.ESCALATED, Result.WITHDRAWN)
    return [
        {"proposal": p.pk, "result": results[i % len(results)], "note": ""}
        for i, p in enumerate(negotiation_round.claims.order_by("id"))
    ]


def demo_rounds_create() -> str:
    """Create the demo rounds; returns a one-line report for the demo loader."""
    from spatial.models import Cluster

    mediator = User.objects.filter(groups__name=roles.MEDIATOR).order_by("id").first()
    clusters = list(Cluster.objects.current().filter(contested=True).order_by("-score", "id")[:2])
    if mediator is None or not clusters:
        return "no rounds (needs a mediator and contested clusters)"
    if Round.objects.filter(cluster__in=clusters).exists():
        return "rounds already there"
    # The residents are fictional: no e-mails for the demo rounds.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        with transaction.atomic():
            finished = services.round_open(
                cluster=clusters[0],
                mediator=mediator,
                title="Green space or homes: finding a shared use",
            )
            options = _options(finished, mediator)
            _positions(finished, options)
            services.round_close(
                negotiation_round=finished,
                mediator=mediator,
                summary="Homes along the street, a public green courtyard behind them. "
                "Two claims are adopted in modified form; the zoning question goes to the "
                "council.",
                chosen_option=options[0],
                resolutions=_resolutions(finished),
            )
        report = f"round {finished.pk} finished"
        if len(clusters) > 1:
            with transaction.atomic():
                current = services.round_open(
                    cluster=clusters[1],
                    mediator=mediator,
                    title="Sharing the square: market, traffic and play",
                    deadline=timezone.now() + timedelta(days=14),
                )
                _positions(current, _options(current, mediator))
            report += f", round {current.pk} open"
    return report

"""Negotiation rounds for the demo city: one finished, one open, on the two most contested
clusters. Called at the end of `manage.py demo_city`; idempotent (does nothing when the
clusters already have rounds). Written through the services, so the history is real.

What the rounds say fits the cluster (demo_texts.py): a cluster of housing and green-space
claims gets "Homes along the edge, a park in the middle"; each participant's positions and
reasons follow the side their own claims are on; the finished round's resolutions follow
the outcome. The content is user content, so it is written in one language, the demo's
(`language`, by default the site's LANGUAGE_CODE), like a mediator would write it; the
interface around it is translated as usual.
"""

from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone, translation

from accounts import roles
from accounts.models import User
from proposals.models import Category, Proposal, Status

from . import demo_texts, services
from .models import Result, Role, Round, Stance

SUPPORT, LIVE, OBJECT = Stance.SUPPORT, Stance.CAN_LIVE_WITH, Stance.OBJECT
# (option index, side) -> stances, taken in turn by the participants of that side. Option
# 0 is the compromise, 1 is side b's way, 2 is side a's way.
STANCES = {
    (0, "a"): (SUPPORT, LIVE, SUPPORT),
    (0, "b"): (LIVE, SUPPORT, OBJECT),
    (0, "other"): (LIVE, SUPPORT),
    (1, "a"): (OBJECT, OBJECT, LIVE),
    (1, "b"): (SUPPORT,),
    (1, "other"): (LIVE, OBJECT),
    (2, "a"): (SUPPORT,),
    (2, "b"): (OBJECT,),
    (2, "other"): (OBJECT, LIVE),
}
RESULTS = {"a": Result.MODIFIED, "b": Result.ADOPTED, "other": Result.ESCALATED}


class _Script:
    """A script of demo_texts in one language, fitted to a cluster."""

    def __init__(self, script: dict, language: str, place: str, labels: dict[str, str]):
        self.script, self.language = script, language
        self.sides = script["sides"] or {
            side: {category} for side, category in zip("ab", labels, strict=False)
        }
        others = demo_texts.OTHER_USES[language]  # a cluster of one category has no b
        names = [labels.get(next(iter(self.sides.get(s, ())), ""), others) for s in "ab"]
        self.words = {"place": place, "a": names[0], "b": names[1]}

    def text(self, entry: dict) -> str:
        return entry[self.language].format(**self.words).strip(": ")

    def side_of(self, categories) -> str:
        for side in "ab":
            if self.sides.get(side, set()) & set(categories):
                return side
        return "other"


def _language(language: str | None) -> str:
    language = (language or settings.LANGUAGE_CODE or "en")[:2]
    return language if language in ("de", "en") else "en"


def _claims(cluster):
    """The cluster's active claims: what a round opened on it snapshots."""
    members = cluster.members.values("proposal_id")
    return Proposal.objects.filter(pk__in=members, status=Status.ACTIVE)


def _pick(counts: Counter, name: str | None) -> dict:
    """The named script, else the one whose two sides hold most claims (both present),
    else the fallback."""
    if name in demo_texts.SCRIPTS:
        return demo_texts.SCRIPTS[name]
    best, score = demo_texts.FALLBACK, 0
    for script in demo_texts.SCRIPTS.values():
        held = [sum(counts[c] for c in script["sides"][side]) for side in "ab"]
        if min(held) > 0 and sum(held) > score:
            best, score = script, sum(held)
    return best


def _script_for(cluster, language, describe) -> _Script:
    place, name = describe(cluster) if describe else ("", None)
    counts = Counter(_claims(cluster).values_list("category", flat=True))
    with translation.override(language):
        labels = {c: str(Category(c).label) for c, _n in counts.most_common(2)}
    script = _pick(counts, name)
    return _Script(script, language, place or _district(cluster), labels)


def _district(cluster) -> str:
    """The district most of the cluster's claims lie in (from the overlay), or ""."""
    names = Counter(
        _claims(cluster)
        .filter(overlay__district_name__gt="")
        .values_list("overlay__district_name", flat=True)
    )
    return names.most_common(1)[0][0] if names else ""


def _sides(negotiation_round, script: _Script) -> dict[int, str]:
    """{user id: side} of the round's participants, by the categories of their claims."""
    claims: dict[int, list[str]] = {}
    for author, category in negotiation_round.claims.values_list("author_id", "category"):
        claims.setdefault(author, []).append(category)
    return {author: script.side_of(categories) for author, categories in claims.items()}


def _positions(negotiation_round, options, script: _Script) -> None:
    """Every author takes a position on every option, as their side would, with a reason
    when they object or can only live with it."""
    sides = _sides(negotiation_round, script)
    people = list(negotiation_round.participants.exclude(role=Role.MEDIATOR).order_by("user_id"))
    turn: Counter = Counter()
    for participant in people:
        side = sides.get(participant.user_id, "other")
        for index, option in enumerate(options):
            stances = STANCES[index, side]
            stance = stances[turn[index, side] % len(stances)]
            reason = script.script["reasons"].get((side, index))
            if isinstance(reason, list):
                reason = reason[turn[index, side] % len(reason)]
            services.position_set(
                option=option,
                user=participant.user,
                stance=stance,
                reason=script.text(reason) if reason and stance != SUPPORT else "",
            )
            turn[index, side] += 1


def _core(cluster):
    """The middle of the cluster's outline (for "a park in the middle"), in EPSG:4326."""
    outline = cluster.outline.transform(settings.ANALYSIS_SRID, clone=True)
    width = outline.area**0.5
    core = outline.buffer(-width / 5)
    if core.empty or core.area < 100:
        core = outline.centroid.buffer(max(width / 6, 15))
    core.transform(4326)
    return core


def _options(negotiation_round, mediator, script: _Script) -> list:
    return [
        services.option_add(
            negotiation_round=negotiation_round,
            user=mediator,
            title=script.text(option["title"]),
            description=script.text(option["description"]),
            geometry=_core(negotiation_round.cluster) if option["shape"] == "core" else None,
        )
        for option in script.script["options"]
    ]


def _resolutions(negotiation_round, script: _Script) -> list[dict]:
    resolutions = []
    for proposal in negotiation_round.claims.order_by("id"):
        side = script.side_of([proposal.category])
        resolutions.append(
            {
                "proposal": proposal.pk,
                "result": RESULTS[side],
                "note": script.text(script.script["notes"][side]),
            }
        )
    return resolutions


Describe = Callable[[object], tuple[str, str | None]]


def _finished_round(cluster, mediator, language, describe) -> Round:
    script = _script_for(cluster, language, describe)
    negotiation_round = services.round_open(
        cluster=cluster, mediator=mediator, title=script.text(script.script["title"])
    )
    options = _options(negotiation_round, mediator, script)
    _positions(negotiation_round, options, script)
    services.round_close(
        negotiation_round=negotiation_round,
        mediator=mediator,
        summary=script.text(script.script["summary"]),
        chosen_option=options[0],
        resolutions=_resolutions(negotiation_round, script),
    )
    return negotiation_round


def _open_round(cluster, mediator, language, describe) -> Round:
    script = _script_for(cluster, language, describe)
    negotiation_round = services.round_open(
        cluster=cluster,
        mediator=mediator,
        title=script.text(script.script["title"]),
        deadline=timezone.now() + timedelta(days=14),
    )
    _positions(negotiation_round, _options(negotiation_round, mediator, script), script)
    return negotiation_round


def demo_rounds_create(*, language: str | None = None, describe: Describe | None = None) -> str:
    """Create the demo rounds; returns a one-line report for the demo loader.

    `describe(cluster)` may name the place and the script (a key of demo_texts.SCRIPTS) of
    a cluster; without it the place is the claims' district and the script is chosen by
    the claims' categories."""
    from spatial.models import Cluster

    language = _language(language)
    mediator = User.objects.filter(groups__name=roles.MEDIATOR).order_by("id").first()
    clusters = list(Cluster.objects.current().filter(contested=True).order_by("-score", "id")[:2])
    if mediator is None or not clusters:
        return "no rounds (needs a mediator and contested clusters)"
    if Round.objects.filter(cluster__in=clusters).exists():
        return "rounds already there"
    # The residents are fictional: no e-mails for the demo rounds.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        with transaction.atomic():
            finished = _finished_round(clusters[0], mediator, language, describe)
        report = f"round {finished.pk} finished"
        if len(clusters) > 1:
            with transaction.atomic():
                current = _open_round(clusters[1], mediator, language, describe)
            report += f", round {current.pk} open"
    return f"{report} ({language})"

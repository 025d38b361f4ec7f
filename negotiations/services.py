"""Writes for negotiation rounds. Keyword-only, one transaction each, each writes history.

Each checks the named permission of the person it acts for (accounts.rules.require,
docs/architecture.md "Permissions") right after locking the round (SELECT ... FOR UPDATE):
the rules of a round read its state and its participants, which concurrent writes change,
so the lock makes the check hold when the write lands (none lands in a round that closed
meanwhile). Writes to a round's own fields or to an option take `expected_version` (the
API's If-Match) and raise VersionConflict when stale; the lock also makes that comparison
safe against two concurrent writers.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.rules import REFUSALS, require
from proposals.geometry import geometry_from_geojson
from proposals.models import Proposal, Status

from . import hooks, notifications
from .models import (
    HistoryEntry,
    Option,
    Outcome,
    Participant,
    Position,
    Resolution,
    Result,
    Role,
    Round,
    RoundClaim,
    Stance,
    State,
)


class VersionConflict(Exception):
    """The client wrote against an older version of a round or option."""

    def __init__(self, obj):
        self.obj = obj
        kind = _("round") if isinstance(obj, Round) else _("option")
        super().__init__(
            _(
                "This %(kind)s was changed by someone else in the meantime (now version "
                "%(version)s). Reload it, check the changes and apply yours again."
            )
            % {"kind": kind, "version": obj.version}
        )


class ClaimsInOpenRound(ValidationError):
    """The claims to negotiate are already in another open round. A ValidationError (the
    input is refused), which the rounds API answers with 409 naming the round."""

    def __init__(self, negotiation_round: Round):
        self.round = negotiation_round
        super().__init__(
            _(
                "These claims are already being negotiated in the open round “%(title)s” "
                "(round %(number)s, no. %(id)s). Continue there instead of opening another "
                "round on them."
            )
            % {
                "title": negotiation_round.title,
                "number": negotiation_round.number,
                "id": negotiation_round.pk,
            },
            code="claims_in_open_round",
        )


def _open_round_of(claim_ids, *, besides: Round | None = None) -> Round | None:
    """The open round (other than `besides`) that holds any of the claims, earliest first."""
    rounds = Round.objects.filter(
        state=State.OPEN,
        round_claims__proposal_id__in=list(claim_ids),
        round_claims__in_open_round=True,
    )
    if besides is not None:
        rounds = rounds.exclude(pk=besides.pk)
    return rounds.order_by("opened_at", "id").first()


def _snapshot(negotiation_round: Round, claim_ids) -> None:
    """Record the claims of an opening round. The partial unique index
    claim_in_one_open_round refuses a claim that is in another open round, also when two
    mediators open rounds at the same moment (the second insert waits for the first
    transaction and then fails), so there is no check-then-insert race."""
    try:
        with transaction.atomic():
            RoundClaim.objects.bulk_create(
                [
                    RoundClaim(round=negotiation_round, proposal_id=pk, in_open_round=True)
                    for pk in sorted(claim_ids)
                ]
            )
    except IntegrityError as exc:
        other = _open_round_of(claim_ids, besides=negotiation_round)
        if "claim_in_one_open_round" not in str(exc) or other is None:
            raise
        raise ClaimsInOpenRound(other) from exc


def _release_claims(negotiation_round: Round) -> None:
    """A closing round lets go of its claims: they may be negotiated in another round."""
    negotiation_round.round_claims.filter(in_open_round=True).update(in_open_round=False)


def _check_version(obj, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise VersionConflict(obj)


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _invite_authors(negotiation_round: Round, claim_ids, mediator) -> list[Participant]:
    """Make the authors of the claims participants of the round (once each); returns the
    participants that are new."""
    invited = []
    authors = Proposal.objects.filter(pk__in=claim_ids).values_list("author", flat=True)
    for author_id in sorted(set(authors)):
        participant, created = Participant.objects.get_or_create(
            round=negotiation_round,
            user_id=author_id,
            defaults={"role": Role.AUTHOR, "invited_by": mediator},
        )
        if created:
            invited.append(participant)
    return invited


def history_add(*, negotiation_round: Round, actor, action: str, **payload) -> HistoryEntry:
    """Append one entry to the round's history (the only way entries are written), and
    tell the apps registered in hooks.after_round_event."""
    entry = HistoryEntry.objects.create(
        round=negotiation_round, actor=actor, action=action, payload=payload
    )
    hooks.after_round_event.run(negotiation_round=negotiation_round, action=action, payload=payload)
    return entry


def _geometry(geometry):
    """None, a parsed GeoJSON geometry (validated like proposals) or a GEOSGeometry."""
    if geometry is None or hasattr(geometry, "geom_type"):
        return geometry
    try:
        return geometry_from_geojson(geometry)
    except ValidationError as exc:
        raise ValidationError({"geometry": exc.messages}) from exc


def _cluster_claim_ids(cluster) -> set[int]:
    if cluster is None:
        return set()
    return set(
        cluster.members.filter(proposal__status=Status.ACTIVE).values_list("proposal_id", flat=True)
    )


def _participant_add(*, negotiation_round, user, role, invited_by) -> tuple[Participant, bool]:
    return Participant.objects.get_or_create(
        round=negotiation_round, user=user, defaults={"role": role, "invited_by": invited_by}
    )


def _start(
    *, negotiation_round: Round, mediator, claim_ids: set[int], carry_participants=()
) -> None:
    """Open the round: snapshot the claims, invite mediator, authors and carried participants."""
    if not claim_ids:
        raise ValidationError(_("The cluster has no active claims to negotiate."))
    _snapshot(negotiation_round, claim_ids)
    negotiation_round.state = State.OPEN
    negotiation_round.opened_at = timezone.now()
    negotiation_round.version += 1
    negotiation_round.save(update_fields=["state", "opened_at", "version"])

    _participant_add(
        negotiation_round=negotiation_round, user=mediator, role=Role.MEDIATOR, invited_by=mediator
    )
    invited = []
    for old in carry_participants:
        participant, created = _participant_add(
            negotiation_round=negotiation_round, user=old.user, role=old.role, invited_by=mediator
        )
        if created and participant.role != Role.MEDIATOR:
            invited.append(participant)
    invited += _invite_authors(negotiation_round, claim_ids, mediator)
    history_add(
        negotiation_round=negotiation_round,
        actor=mediator,
        action="opened",
        number=negotiation_round.number,
        claims=sorted(claim_ids),
        participants=[p.user_id for p in invited],
    )
    notifications.invitations_send(participant_ids=[p.pk for p in invited])


@transaction.atomic
def round_open(*, cluster, mediator, title: str = "", deadline=None, draft: bool = False) -> Round:
    """Create a round on `cluster` and (unless `draft`) open it at once."""
    require(mediator, "negotiations.open_round")
    cluster = type(cluster).objects.select_for_update().get(pk=cluster.pk)
    if cluster.dissolved_at is not None:
        raise ValidationError(_("This cluster no longer exists."))
    rounds = Round.objects.filter(cluster=cluster)
    running = rounds.exclude(state=State.CLOSED).order_by("id").first()
    if running is not None and running.state == State.OPEN:
        raise ClaimsInOpenRound(running)
    if running is not None:
        raise ValidationError(_("This cluster already has a round that is not closed."))
    number = (rounds.aggregate(n=Max("number"))["n"] or 0) + 1
    previous = rounds.filter(number=number - 1).first()
    title = (title or "").strip() or _("Negotiation on cluster %(id)s") % {"id": cluster.pk}
    negotiation_round = Round.objects.create(
        cluster=cluster,
        number=number,
        previous=previous if previous and not hasattr(previous, "next_round") else None,
        title=title[:200],
        deadline=deadline,
        created_by=mediator,
    )
    history_add(
        negotiation_round=negotiation_round,
        actor=mediator,
        action="created",
        title=negotiation_round.title,
    )
    if not draft:
        _start(
            negotiation_round=negotiation_round,
            mediator=mediator,
            claim_ids=_cluster_claim_ids(cluster),
        )
    return negotiation_round


@transaction.atomic
def round_publish(
    *, negotiation_round: Round, mediator, expected_version: int | None = None
) -> Round:
    """Open a draft round: the snapshot of the cluster is taken now."""
    negotiation_round = _locked(Round, negotiation_round.pk)
    require(mediator, "negotiations.change_round", negotiation_round)
    _check_version(negotiation_round, expected_version)
    if negotiation_round.state != State.DRAFT:
        raise ValidationError(_("Only a draft round can be opened."))
    running = Round.objects.filter(cluster=negotiation_round.cluster_id, state=State.OPEN).first()
    if running is not None:
        raise ClaimsInOpenRound(running)
    _start(
        negotiation_round=negotiation_round,
        mediator=mediator,
        claim_ids=_cluster_claim_ids(negotiation_round.cluster),
    )
    return negotiation_round


@transaction.atomic
def round_claims_add(
    *,
    negotiation_round: Round,
    mediator,
    proposal_ids: list[int] | None = None,
    expected_version: int | None = None,
) -> list[int]:
    """Add claims that joined the round's cluster since it opened to the open round
    (default: all of them; `proposal_ids` picks some). Their authors are invited and
    e-mailed; the history records it. Returns the ids added."""
    from .selectors import round_changes

    negotiation_round = _locked(Round, negotiation_round.pk)
    require(mediator, "negotiations.change_round", negotiation_round)
    _check_version(negotiation_round, expected_version)
    if negotiation_round.state != State.OPEN:
        raise ValidationError(_("Claims can only be added to an open round."))
    joined = {c["id"] for c in round_changes(negotiation_round)["joined"]}
    wanted = joined if proposal_ids is None else set(proposal_ids)
    if wanted - joined:
        raise ValidationError(
            {"proposals": _("Not claims that joined since: %s") % sorted(wanted - joined)}
        )
    if not wanted:
        raise ValidationError(_("No claims have joined since the round opened."))
    _snapshot(negotiation_round, wanted)
    invited = _invite_authors(negotiation_round, wanted, mediator)
    negotiation_round.version += 1
    negotiation_round.save(update_fields=["version"])
    history_add(
        negotiation_round=negotiation_round,
        actor=mediator,
        action="claims_added",
        claims=sorted(wanted),
        participants=[p.user_id for p in invited],
    )
    notifications.invitations_send(participant_ids=[p.pk for p in invited])
    return sorted(wanted)


@transaction.atomic
def round_update(
    *, negotiation_round: Round, mediator, expected_version: int | None = None, **fields
) -> Round:
    """Change the title and/or deadline of a round that is not closed."""
    negotiation_round = _locked(Round, negotiation_round.pk)
    require(mediator, "negotiations.change_round", negotiation_round)
    _check_version(negotiation_round, expected_version)
    unknown = set(fields) - {"title", "deadline"}
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    if "title" in fields:
        fields["title"] = (fields["title"] or "").strip()
        if not fields["title"]:
            raise ValidationError({"title": _("A round needs a title.")})
    for name, value in fields.items():
        setattr(negotiation_round, name, value)
    negotiation_round.version += 1
    negotiation_round.save(update_fields=[*fields, "version"])
    history_add(
        negotiation_round=negotiation_round,
        actor=mediator,
        action="updated",
        **{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in fields.items()},
    )
    return negotiation_round


@transaction.atomic
def participant_invite(*, negotiation_round: Round, mediator, user) -> Participant:
    """Invite `user` (a planner, a local initiative...) and tell them by e-mail. Idempotent."""
    negotiation_round = _locked(Round, negotiation_round.pk)
    require(mediator, "negotiations.invite_participant", negotiation_round)
    participant, created = _participant_add(
        negotiation_round=negotiation_round, user=user, role=Role.INVITED, invited_by=mediator
    )
    if created:
        history_add(
            negotiation_round=negotiation_round, actor=mediator, action="invited", user=user.pk
        )
        if negotiation_round.state == State.OPEN:
            notifications.invitations_send(participant_ids=[participant.pk])
    return participant


@transaction.atomic
def option_add(
    *,
    negotiation_round: Round,
    user,
    title: str,
    description: str = "",
    geometry=None,
    revised_from=None,
) -> Option:
    negotiation_round = _locked(Round, negotiation_round.pk)
    require(user, "negotiations.add_option", negotiation_round)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("An option needs a title.")})
    option = Option.objects.create(
        round=negotiation_round,
        title=title[:200],
        description=description or "",
        geom=_geometry(geometry),
        created_by=user,
        revised_from=revised_from,
    )
    history_add(
        negotiation_round=negotiation_round,
        actor=user,
        action="option_added",
        option=option.pk,
        title=option.title,
        has_geometry=option.geom is not None,
    )
    return option


_UNSET = object()


@transaction.atomic
def option_update(
    *,
    option: Option,
    user,
    expected_version: int | None = None,
    title: str | None = None,
    description: str | None = None,
    geometry=_UNSET,
) -> Option:
    """Revise an option. `geometry=None` removes the compromise geometry."""
    option = Option.objects.select_for_update().get(pk=option.pk)
    option.round = _locked(Round, option.round_id)
    require(user, "negotiations.change_option", option)
    _check_version(option, expected_version)
    changed = []
    if title is not None:
        title = title.strip()
        if not title:
            raise ValidationError({"title": _("An option needs a title.")})
        option.title = title[:200]
        changed.append("title")
    if description is not None:
        option.description = description
        changed.append("description")
    if geometry is not _UNSET:
        option.geom = _geometry(geometry)
        changed.append("geom")
    option.version += 1
    option.save(update_fields=[*changed, "version", "updated_at"])
    history_add(
        negotiation_round=option.round,
        actor=user,
        action="option_updated",
        option=option.pk,
        fields=changed,
        version=option.version,
    )
    return option


@transaction.atomic
def position_set(*, option: Option, user, stance: str, reason: str = "") -> Position:
    """Give or change one's position on an option, until the round closes."""
    option = Option.objects.get(pk=option.pk)
    option.round = _locked(Round, option.round_id)  # a concurrent close finishes first
    require(user, "negotiations.set_position", option)
    if stance not in Stance.values:
        raise ValidationError({"stance": _("Choose support, can live with or object.")})
    reason = (reason or "").strip()
    if stance == Stance.OBJECT and not reason:
        raise ValidationError({"reason": _("Please give a reason for your objection.")})
    # has_perm lets a superuser through, but only participants own a position.
    participant = Participant.objects.filter(round=option.round, user=user).first()
    if participant is None:
        raise PermissionDenied(REFUSALS["negotiations.set_position"])
    position, _created = Position.objects.update_or_create(
        option=option, participant=participant, defaults={"stance": stance, "reason": reason}
    )
    history_add(
        negotiation_round=option.round,
        actor=user,
        action="position_set",
        option=option.pk,
        stance=stance,
        reason=reason,
    )
    return position


@transaction.atomic
def round_close(
    *,
    negotiation_round: Round,
    mediator,
    summary: str,
    resolutions: list[dict],
    chosen_option: Option | None = None,
    expected_version: int | None = None,
) -> Outcome:
    """Close an open round with its outcome: one resolution for every proposal involved.

    `resolutions`: [{"proposal": <Proposal or id>, "result": "adopted"|..., "note": "..."}].
    """
    negotiation_round = _locked(Round, negotiation_round.pk)
    require(mediator, "negotiations.close_round", negotiation_round)
    _check_version(negotiation_round, expected_version)
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"summary": _("Write a summary of the outcome.")})
    if chosen_option is not None and chosen_option.round_id != negotiation_round.pk:
        raise ValidationError({"chosen_option": _("The chosen option is not from this round.")})
    by_proposal = _resolutions_by_proposal(negotiation_round, resolutions)
    outcome = Outcome.objects.create(
        round=negotiation_round, chosen_option=chosen_option, summary=summary, decided_by=mediator
    )
    Resolution.objects.bulk_create(
        [
            Resolution(outcome=outcome, proposal_id=pk, result=r["result"], note=r["note"])
            for pk, r in sorted(by_proposal.items())
        ]
    )
    negotiation_round.state = State.CLOSED
    negotiation_round.closed_at = timezone.now()
    negotiation_round.version += 1
    negotiation_round.save(update_fields=["state", "closed_at", "version"])
    _release_claims(negotiation_round)
    history_add(
        negotiation_round=negotiation_round,
        actor=mediator,
        action="closed",
        chosen_option=chosen_option.pk if chosen_option else None,
        summary=summary,
        resolutions={str(pk): r["result"] for pk, r in sorted(by_proposal.items())},
    )
    notifications.outcome_send(round_id=negotiation_round.pk)
    return outcome


def _resolutions_by_proposal(negotiation_round: Round, resolutions) -> dict[int, dict]:
    snapshot = set(negotiation_round.round_claims.values_list("proposal_id", flat=True))
    by_proposal: dict[int, dict] = {}
    for item in resolutions or ():
        proposal = item.get("proposal")
        pk = getattr(proposal, "pk", proposal)
        if pk not in snapshot:
            raise ValidationError(
                {"resolutions": _("Proposal %(id)s is not part of this round.") % {"id": pk}}
            )
        if pk in by_proposal:
            raise ValidationError(
                {"resolutions": _("Proposal %(id)s has two resolutions.") % {"id": pk}}
            )
        if item.get("result") not in Result.values:
            raise ValidationError(
                {
                    "resolutions": _("Unknown result for proposal %(id)s: choose one of %(r)s.")
                    % {"id": pk, "r": ", ".join(Result.values)}
                }
            )
        by_proposal[pk] = {"result": item["result"], "note": (item.get("note") or "").strip()}
    missing = sorted(snapshot - set(by_proposal))
    if missing:
        raise ValidationError(
            {
                "resolutions": _("Every proposal needs a resolution; missing: %(ids)s.")
                % {"ids": ", ".join(str(pk) for pk in missing)}
            }
        )
    return by_proposal


@transaction.atomic
def round_next(
    *,
    negotiation_round: Round,
    mediator,
    expected_version: int | None = None,
    option_ids: list[int] | None = None,
    title: str = "",
    deadline=None,
) -> Round:
    """Close an open round without outcome and open round n+1 with its options copied.

    The new round carries the previous snapshot plus claims that have joined the cluster
    since, and the previous participants; `option_ids` picks the options to carry (default
    all), each copied with `revised_from` pointing at the original. Positions start afresh.
    """
    negotiation_round = _locked(Round, negotiation_round.pk)
    require(mediator, "negotiations.next_round", negotiation_round)
    _check_version(negotiation_round, expected_version)
    options = list(negotiation_round.options.all())
    if option_ids is not None:
        wanted = set(option_ids)
        unknown = wanted - {o.pk for o in options}
        if unknown:
            raise ValidationError(
                {"option_ids": _("Not options of this round: %s") % sorted(unknown)}
            )
        options = [o for o in options if o.pk in wanted]
    negotiation_round.state = State.CLOSED
    negotiation_round.closed_at = timezone.now()
    negotiation_round.version += 1
    negotiation_round.save(update_fields=["state", "closed_at", "version"])
    _release_claims(negotiation_round)
    new = Round.objects.create(
        cluster_id=negotiation_round.cluster_id,
        number=negotiation_round.number + 1,
        previous=negotiation_round,
        title=((title or "").strip() or negotiation_round.title)[:200],
        deadline=deadline or negotiation_round.deadline,
        created_by=mediator,
    )
    history_add(
        negotiation_round=negotiation_round, actor=mediator, action="continued", next_round=new.pk
    )
    history_add(
        negotiation_round=new, actor=mediator, action="created", previous_round=negotiation_round.pk
    )
    claim_ids = set(negotiation_round.round_claims.values_list("proposal_id", flat=True))
    claim_ids |= _cluster_claim_ids(negotiation_round.cluster)
    _start(
        negotiation_round=new,
        mediator=mediator,
        claim_ids=claim_ids,
        carry_participants=negotiation_round.participants.select_related("user"),
    )
    for option in options:
        copy = Option.objects.create(
            round=new,
            title=option.title,
            description=option.description,
            geom=option.geom,
            created_by=option.created_by,
            revised_from=option,
        )
        history_add(
            negotiation_round=new,
            actor=mediator,
            action="option_carried",
            option=copy.pk,
            source=option.pk,
        )
    return new

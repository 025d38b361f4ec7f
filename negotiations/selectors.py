"""Reads for negotiation rounds. Map data is built in PostGIS (ST_AsGeoJSON + json_agg)."""

import json

from django.contrib.gis.db.models import GeometryField
from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext

from accounts.rules import is_mediator, is_planner
from core.geojson import FeatureCollection, feature_collection
from layers.models import Feature, LayerKind, LayerState
from proposals.models import Proposal, Status

from .models import HistoryEntry, Option, Outcome, Participant, Position, Round, RoundClaim, State


def round_list(*, user, cluster_id=None, state=None) -> QuerySet[Round]:
    """Rounds `user` may see: closed ones for everyone; open and draft ones for
    mediators, planners and the round's participants."""
    rounds = Round.objects.select_related("cluster", "outcome", "next_round").order_by("-id")
    if not (is_mediator(user) or is_planner(user)):
        visible = Q(state=State.CLOSED)
        if user.is_authenticated:
            visible |= Q(participants__user=user) & ~Q(state=State.DRAFT)
        rounds = rounds.filter(visible).distinct()
    if cluster_id is not None:
        rounds = rounds.filter(cluster_id=cluster_id)
    if state is not None:
        rounds = rounds.filter(state=state)
    return rounds


def round_claim_ids(negotiation_round: Round) -> list[int]:
    return list(negotiation_round.round_claims.values_list("proposal_id", flat=True))


def round_changes(negotiation_round: Round) -> dict:
    """What changed against the round's snapshot while it is open, anchored to its claims
    (not to `Round.cluster`, whose id may be gone after a merge, split or dissolution):

    - joined: active claims now clustered with a claim of the snapshot, not in it;
    - left: active claims of the snapshot now in none of those clusters (alone);
    - withdrawn: claims of the snapshot withdrawn or hidden (their resolution is still due).

    Each as {"id", "title", "status", "url"} (the proposal's page), by id. Empty once closed.
    """
    empty = {"joined": [], "left": [], "withdrawn": []}
    if negotiation_round.state != State.OPEN:
        return empty
    from spatial.models import ClusterMember

    snapshot = set(round_claim_ids(negotiation_round))
    active = set(
        Proposal.objects.filter(pk__in=snapshot, status=Status.ACTIVE).values_list("pk", flat=True)
    )
    clusters = set(
        ClusterMember.objects.filter(proposal_id__in=active).values_list("cluster_id", flat=True)
    )
    if negotiation_round.cluster_id is not None:
        clusters.add(negotiation_round.cluster_id)
    members = ClusterMember.objects.filter(
        cluster_id__in=clusters, proposal__status=Status.ACTIVE
    ).values_list("proposal_id", flat=True)
    current = set(members)
    ids = {
        "joined": current - snapshot,
        "left": active - current,
        "withdrawn": snapshot - active,
    }
    wanted = set().union(*ids.values())
    claims = Proposal.objects.filter(pk__in=wanted).order_by("pk").values("pk", "title", "status")
    by_id = {
        c["pk"]: {
            "id": c["pk"],
            "title": c["title"],
            "status": c["status"],
            "url": reverse("frontend:proposal-detail", args=[c["pk"]]),
        }
        for c in claims
    }
    return {key: [by_id[pk] for pk in sorted(found)] for key, found in ids.items()}


def round_cluster_changes(negotiation_round: Round) -> dict:
    """The ids of round_changes: claims that joined, and claims of the snapshot that left
    (moved away or withdrawn)."""
    changes = round_changes(negotiation_round)
    return {
        "added": [c["id"] for c in changes["joined"]],
        "removed": sorted(c["id"] for c in changes["left"] + changes["withdrawn"]),
    }


def pseudonym(number: int) -> str:
    return gettext("Resident %(number)s") % {"number": number}


def round_names(round_id: int) -> dict[int, str]:
    """{user id: how the round shows them}: their public name, or, for a person who chose
    not to show it, a pseudonym numbered by the order they joined the round ("Resident 3").
    The number is stable within the round and says nothing across rounds, so no public
    output of a round needs (or may carry) the user id of an anonymous person. A deleted
    account is "deleted user"."""
    participants = Participant.objects.filter(round_id=round_id).select_related("user")
    return {
        p.user_id: p.user.public_name
        if p.user.show_name_publicly or p.user.deleted_at
        else pseudonym(number)
        for number, p in enumerate(participants.order_by("created_at", "id"), start=1)
    }


def name_in_round(names: dict[int, str], user) -> str | None:
    """The round's name for `user` (None for no user); a non-participant keeps public_name."""
    if user is None:
        return None
    return names.get(user.pk) or user.public_name


def public_user_id(user) -> int | None:
    """The id of a person who shows their name; None for one who chose anonymity."""
    return user.pk if user is not None and user.show_name_publicly else None


def public_payload(payload: dict, names: dict[int, str]) -> dict:
    """A history payload as the public sees it: the people it names (stored as user ids
    for the audit) become their names in the round, never ids."""
    shown, unknown = dict(payload), gettext("a resident")
    if "participants" in shown:
        shown["participants"] = [names.get(pk, unknown) for pk in shown["participants"]]
    if "user" in shown:
        shown["name"] = names.get(shown.pop("user"), unknown)
    return shown


def round_participants(negotiation_round: Round) -> list[Participant]:
    """The participants, each with `public_name`: their name in this round."""
    names = round_names(negotiation_round.pk)
    participants = list(negotiation_round.participants.select_related("user", "invited_by"))
    for participant in participants:
        participant.public_name = names[participant.user_id]
    return participants


def participant_of(negotiation_round: Round, user) -> Participant | None:
    if not user.is_authenticated:
        return None
    return negotiation_round.participants.filter(user=user).first()


def round_options(negotiation_round: Round, *, for_user=None):
    """The options, each with `created_by_name` (the author's name in the round); with
    `for_user`, each carries `my_position` (or None)."""
    names = round_names(negotiation_round.pk)
    options = negotiation_round.options.select_related("created_by")
    if for_user is not None and for_user.is_authenticated:
        mine = Position.objects.filter(participant__user=for_user)
        options = options.prefetch_related(Prefetch("positions", mine, to_attr="my_positions"))
    result = list(options)
    for option in result:
        positions = getattr(option, "my_positions", [])
        option.my_position = positions[0] if positions else None
        option.created_by_name = name_in_round(names, option.created_by)
    return result


def consent_matrix(negotiation_round: Round) -> dict:
    """Who stands where on which option, and why they object.

    {"options": [{"id","title","counts":{"support","can_live_with","object","none"}}],
     "participants": [{"id","user_id","name","role"}],
     "cells": {"<participant_id>": {"<option_id>": {"stance","reason"}}},
     "objections": [{"option_id","option","participant","reason"}]}
    """
    options = list(negotiation_round.options.order_by("id"))
    participants = [p for p in round_participants(negotiation_round) if p.takes_positions]
    positions = Position.objects.filter(option__round=negotiation_round).select_related("option")
    cells: dict[str, dict[str, dict]] = {str(p.pk): {} for p in participants}
    counts = {
        o.pk: {"support": 0, "can_live_with": 0, "object": 0, "none": len(participants)}
        for o in options
    }
    names = {p.pk: p.public_name for p in participants}
    objections = []
    for position in positions:
        if str(position.participant_id) not in cells:
            continue
        cells[str(position.participant_id)][str(position.option_id)] = {
            "stance": position.stance,
            "reason": position.reason,
        }
        counts[position.option_id][position.stance] += 1
        counts[position.option_id]["none"] -= 1
        if position.stance == "object":
            objections.append(
                {
                    "option_id": position.option_id,
                    "option": position.option.title,
                    "participant": names[position.participant_id],
                    "reason": position.reason,
                }
            )
    people = [
        {"id": p.pk, "user_id": public_user_id(p.user), "name": names[p.pk], "role": p.role}
        for p in participants
    ]
    return {
        "options": [{"id": o.pk, "title": o.title, "counts": counts[o.pk]} for o in options],
        "participants": people,
        "cells": cells,
        # The same cells as rows aligned with "options" (None: no position yet).
        "rows": [
            {**person, "cells": [cells[str(person["id"])].get(str(o.pk)) for o in options]}
            for person in people
        ],
        "objections": objections,
    }


def round_history(negotiation_round: Round) -> list[HistoryEntry]:
    """The entries, each with `actor_name` and `public_payload` (names, not user ids)."""
    names = round_names(negotiation_round.pk)
    entries = list(negotiation_round.history.select_related("actor").order_by("at", "id"))
    for entry in entries:
        entry.actor_name = name_in_round(names, entry.actor)
        entry.public_payload = public_payload(entry.payload, names)
    return entries


def round_outcome(negotiation_round: Round) -> Outcome | None:
    """The outcome (None if none yet), with `decided_by_name`: the mediator's name in the round."""
    try:
        outcome = (
            Outcome.objects.select_related("chosen_option", "decided_by")
            .prefetch_related("resolutions__proposal")
            .get(round=negotiation_round)
        )
    except Outcome.DoesNotExist:
        return None
    outcome.decided_by_name = name_in_round(round_names(negotiation_round.pk), outcome.decided_by)
    return outcome


def proposal_negotiation_status(proposal) -> dict | None:
    """Public negotiation status of a proposal: None if it was never negotiated.

    {"state": "in_negotiation"|"decided"|"continued", "round": Round,
     "result": "adopted"|...|None, "result_label": str|None, "note": str, "summary": str}
    """
    claim = (
        RoundClaim.objects.filter(proposal=proposal)
        .exclude(round__state=State.DRAFT)
        .select_related("round")
        .order_by("-round__opened_at", "-round_id")
        .first()
    )
    if claim is None:
        return None
    negotiation_round = claim.round
    status = {
        "round": negotiation_round,
        "result": None,
        "result_label": None,
        "note": "",
        "summary": "",
    }
    if negotiation_round.state == State.OPEN:
        return {**status, "state": "in_negotiation"}
    outcome = round_outcome(negotiation_round)
    if outcome is None:
        return {**status, "state": "continued"}
    resolution = next(r for r in outcome.resolutions.all() if r.proposal_id == proposal.pk)
    return {
        **status,
        "state": "decided",
        "result": resolution.result,
        "result_label": resolution.get_result_display(),
        "note": resolution.note,
        "summary": outcome.summary,
    }


# --- Map data, built in PostGIS ---------------------------------------------------------


class AnyOf(Func):
    """value = ANY(array): whether the array holds the value (false for an empty array)."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def _id_array(ids) -> Value:
    return Value(list(ids), output_field=ArrayField(IntegerField()))


# ST_* functions as plain Funcs: GeoDjango's own (GeoFunc) cannot take an OuterRef, and the
# review queue cuts the zoning of each cluster with its outline.
class Envelope(Func):
    function = "ST_Envelope"
    output_field = GeometryField(srid=4326)


class Intersection(Func):
    function = "ST_Intersection"
    output_field = GeometryField(srid=4326)


class Expand(Func):
    """ST_Expand(geometry, distance): the bounding box grown by distance on every side."""

    function = "ST_Expand"
    output_field = GeometryField(srid=4326)


class CollectAll(Func):
    """ST_Collect over the rows of the query it is selected in (one row, no GROUP BY)."""

    function = "ST_Collect"
    output_field = GeometryField(srid=4326)


def _claims_collection(ids, snapshot, current) -> dict:
    """The claims by id; a hidden claim keeps its place without its title."""
    claims = Proposal.objects.filter(id__in=ids).order_by("id")
    title = Case(When(status=Status.HIDDEN, then=Value("")), default=F("title"))
    return json.loads(
        feature_collection(
            claims,
            properties={
                "id": "id",
                "title": title,
                "kind": "kind",
                "category": "category",
                "status": "status",
                "in_snapshot": AnyOf(F("id"), _id_array(snapshot)),
                "in_cluster": AnyOf(F("id"), _id_array(current)),
            },
        )
    )


# Areas claimed twice: pairwise intersections of the polygonal claims (drawing only).
_OVERLAPS_SQL = """
SELECT ST_AsGeoJSON(ST_CollectionExtract(ST_Collect(ST_Intersection(a.geom, b.geom)), 3), 6)
FROM proposals_proposal a
JOIN proposals_proposal b ON a.id < b.id AND ST_Intersects(a.geom, b.geom)
WHERE a.id = ANY(%(ids)s) AND b.id = ANY(%(ids)s)
  AND ST_Dimension(a.geom) = 2 AND ST_Dimension(b.geom) = 2
"""

# The zoning underneath a map: zones of usable zoning layers within 0.002° (about 200 m)
# of its envelope, cut to that box.
MARGIN_DEGREES = 0.002


def _zones_within(box):
    """The zoning features meeting `box` (a geometry expression), by id."""
    return Feature.objects.filter(
        layer__kind=LayerKind.ZONING, layer__state=LayerState.DONE, geom__intersects=box
    ).order_by("id")


def _zone_properties() -> dict:
    return {"zone": "zone_code", "name": "name"}


def _zoning_collection(ids) -> dict:
    """The zoning around the claims `ids`, cut to their envelope widened by the margin."""
    claims = Proposal.objects.filter(id__in=ids).order_by()
    box = Subquery(claims.values(g=Expand(Envelope(CollectAll("geom")), MARGIN_DEGREES)))
    return json.loads(
        feature_collection(
            _zones_within(box),
            geometry=Intersection("geom", box),
            properties=_zone_properties(),
        )
    )


# Pairwise overlaps grow with the square of the claims; big hotspots are drawn without them.
OVERLAP_MAX_CLAIMS = 200


def _one_json(sql: str, params: dict):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    value = row[0] if row else None
    return json.loads(value) if isinstance(value, str) else value


def claims_map_data(*, ids, snapshot=(), current=()) -> dict:
    """{"claims": FeatureCollection, "overlaps": geometry|None, "zoning": FeatureCollection}"""
    ids = sorted(set(ids))
    params = {"ids": ids, "snapshot": list(snapshot), "current": list(current)}
    overlaps = None
    if ids and len(ids) <= OVERLAP_MAX_CLAIMS:
        overlaps = _one_json(_OVERLAPS_SQL, params)
    empty = {"type": "FeatureCollection", "features": []}
    return {
        "claims": _claims_collection(ids, snapshot, current) if ids else empty,
        "overlaps": overlaps,
        "zoning": _zoning_collection(ids) if ids else empty,
    }


def round_map_data(negotiation_round: Round) -> dict:
    """Claims of the snapshot (and any that joined the cluster since) plus the options."""
    snapshot = round_claim_ids(negotiation_round)
    changes = round_cluster_changes(negotiation_round)
    current = (set(snapshot) - set(changes["removed"])) | set(changes["added"])
    data = claims_map_data(ids=set(snapshot) | current, snapshot=snapshot, current=current)
    options = Option.objects.filter(round_id=negotiation_round.pk, geom__isnull=False).order_by(
        "id"
    )
    properties = {"id": "id", "title": "title", "version": "version"}
    data["options"] = json.loads(feature_collection(options, properties=properties))
    return data


# The review queue's maps for many clusters at once: one query per map layer.
def _queue_claims(clusters: list[int]) -> dict:
    """{cluster id: FeatureCollection of its active claims by id}."""
    claims = Proposal.objects.filter(
        cluster_membership__cluster=OuterRef("pk"), status=Status.ACTIVE
    ).order_by("id")
    properties = {"id": "id", "title": "title", "kind": "kind", "category": "category"}
    return _per_cluster(clusters, FeatureCollection(claims, properties=properties))


_QUEUE_OVERLAPS_SQL = """
SELECT m1.cluster_id,
       ST_AsGeoJSON(ST_CollectionExtract(ST_Collect(ST_Intersection(a.geom, b.geom)), 3), 6)
FROM spatial_clustermember m1
JOIN spatial_clustermember m2 ON m2.cluster_id = m1.cluster_id AND m1.proposal_id < m2.proposal_id
JOIN proposals_proposal a ON a.id = m1.proposal_id
JOIN proposals_proposal b ON b.id = m2.proposal_id
WHERE m1.cluster_id = ANY(%(clusters)s)
  AND ST_Dimension(a.geom) = 2 AND ST_Dimension(b.geom) = 2 AND ST_Intersects(a.geom, b.geom)
GROUP BY m1.cluster_id
"""


def _queue_zoning(clusters: list[int]) -> dict:
    """{cluster id: FeatureCollection of the zoning around it, cut to its widened envelope}."""
    box = Expand(Envelope(OuterRef("outline")), MARGIN_DEGREES)
    zoning = FeatureCollection(
        _zones_within(box), geometry=Intersection("geom", box), properties=_zone_properties()
    )
    return _per_cluster(clusters, zoning)


def _per_cluster(clusters: list[int], collection: FeatureCollection) -> dict:
    """{cluster id: collection}, the collection correlated with each cluster, one query."""
    if not clusters:
        return {}
    from spatial.models import Cluster

    # As text: psycopg decodes a json value itself, which Django's JSONField does not expect.
    rows = Cluster.objects.filter(pk__in=clusters).values_list("pk", Cast(collection, TextField()))
    return {pk: json.loads(text) for pk, text in rows}


def _grouped(sql: str, clusters: list[int]) -> dict:
    if not clusters:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(sql, {"clusters": clusters})
        rows = cursor.fetchall()
    return {pk: json.loads(v) if isinstance(v, str) else v for pk, v in rows}


def review_queue(*, limit: int = 30):
    """Current contested clusters, highest score first, each with its map data
    (claims, areas claimed twice, zoning underneath), built in PostGIS in three queries."""
    from spatial.models import Cluster

    clusters = list(
        with_negotiating_round(Cluster.objects.current().filter(contested=True))
        .order_by("-score", "id")
        .prefetch_related(
            Prefetch("rounds", Round.objects.order_by("-number"), to_attr="round_list")
        )[:limit]
    )
    ids = [c.pk for c in clusters]
    small = [c.pk for c in clusters if c.claim_count <= OVERLAP_MAX_CLAIMS]
    claims = _queue_claims(ids)
    overlaps = _grouped(_QUEUE_OVERLAPS_SQL, small)
    zoning = _queue_zoning(ids)
    empty = {"type": "FeatureCollection", "features": []}
    for cluster in clusters:
        cluster.map_data = {
            "claims": claims.get(cluster.pk, empty),
            "overlaps": overlaps.get(cluster.pk),
            "zoning": zoning.get(cluster.pk, empty),
        }
        cluster.latest_round = cluster.round_list[0] if cluster.round_list else None
        cluster.negotiating_round = _negotiating(cluster)
    return clusters


def _negotiating_round(field: str) -> Subquery:
    """`field` of the open round holding most of the outer cluster's claims, with its count
    (`claims`), as a correlated subquery."""
    held = (
        RoundClaim.objects.filter(
            in_open_round=True, proposal__cluster_membership__cluster=OuterRef("pk")
        )
        .values("round_id")
        .annotate(claims=Count("id"), number=F("round__number"))
        .order_by("-claims", "round_id")
        .values(field)[:1]
    )
    return Subquery(held, output_field=IntegerField())


def with_negotiating_round(clusters: QuerySet) -> QuerySet:
    """Annotate each cluster with the open round that holds most of its claims: its id,
    number and how many of the cluster's claims it holds (None when none)."""
    return clusters.annotate(
        negotiating_round_id=_negotiating_round("round_id"),
        negotiating_round_number=_negotiating_round("number"),
        negotiating_claims=_negotiating_round("claims"),
    )


def _negotiating(cluster) -> dict | None:
    """The round a cluster is mostly (more than half of its claims) negotiated in, whichever
    cluster that round was opened on: a cluster that merged, split or got a new id is still
    in negotiation."""
    held = cluster.negotiating_claims or 0
    if held * 2 <= cluster.claim_count:
        return None
    return {"pk": cluster.negotiating_round_id, "number": cluster.negotiating_round_number}

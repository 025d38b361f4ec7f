"""Reads for negotiation rounds. Map data is built in PostGIS (ST_AsGeoJSON + json_agg)."""

import json

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet

from accounts.rules import is_mediator, is_planner
from proposals.models import Status

from .models import HistoryEntry, Outcome, Participant, Position, Round, RoundClaim, State


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


def round_cluster_changes(negotiation_round: Round) -> dict:
    """What changed in the cluster since the round opened: claims that joined it and
    claims of the snapshot that left it (moved away or withdrawn). Empty once closed."""
    if negotiation_round.state != State.OPEN or negotiation_round.cluster_id is None:
        return {"added": [], "removed": []}
    snapshot = set(round_claim_ids(negotiation_round))
    current = set(
        negotiation_round.cluster.members.filter(proposal__status=Status.ACTIVE).values_list(
            "proposal_id", flat=True
        )
    )
    return {"added": sorted(current - snapshot), "removed": sorted(snapshot - current)}


def round_participants(negotiation_round: Round) -> QuerySet[Participant]:
    return negotiation_round.participants.select_related("user", "invited_by")


def participant_of(negotiation_round: Round, user) -> Participant | None:
    if not user.is_authenticated:
        return None
    return negotiation_round.participants.filter(user=user).first()


def round_options(negotiation_round: Round, *, for_user=None):
    """The options; with `for_user`, each carries `my_position` (or None)."""
    options = negotiation_round.options.select_related("created_by")
    if for_user is not None and for_user.is_authenticated:
        mine = Position.objects.filter(participant__user=for_user)
        options = options.prefetch_related(Prefetch("positions", mine, to_attr="my_positions"))
    result = list(options)
    for option in result:
        positions = getattr(option, "my_positions", [])
        option.my_position = positions[0] if positions else None
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
    names = {p.pk: p.user.public_name for p in participants}
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
        {"id": p.pk, "user_id": p.user_id, "name": names[p.pk], "role": p.role}
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


def round_history(negotiation_round: Round) -> QuerySet[HistoryEntry]:
    return negotiation_round.history.select_related("actor").order_by("at", "id")


def round_outcome(negotiation_round: Round) -> Outcome | None:
    try:
        return (
            Outcome.objects.select_related("chosen_option", "decided_by")
            .prefetch_related("resolutions__proposal")
            .get(round=negotiation_round)
        )
    except Outcome.DoesNotExist:
        return None


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

_CLAIMS_SQL = """
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(
    json_build_object(
        'type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(p.geom, 6)::json,
        'properties', json_build_object(
            'id', p.id, 'title', CASE WHEN p.status = 'hidden' THEN '' ELSE p.title END,
            'kind', p.kind, 'category', p.category,
            'status', p.status, 'in_snapshot', p.id = ANY(%(snapshot)s),
            'in_cluster', p.id = ANY(%(current)s)))
    ORDER BY p.id), '[]'::json))
FROM proposals_proposal p WHERE p.id = ANY(%(ids)s)
"""

# Areas claimed twice: pairwise intersections of the polygonal claims (drawing only).
_OVERLAPS_SQL = """
SELECT ST_AsGeoJSON(ST_CollectionExtract(ST_Collect(ST_Intersection(a.geom, b.geom)), 3), 6)
FROM proposals_proposal a
JOIN proposals_proposal b ON a.id < b.id AND ST_Intersects(a.geom, b.geom)
WHERE a.id = ANY(%(ids)s) AND b.id = ANY(%(ids)s)
  AND ST_Dimension(a.geom) = 2 AND ST_Dimension(b.geom) = 2
"""

_ZONING_SQL = """
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(
    json_build_object(
        'type', 'Feature', 'id', f.id,
        'geometry', ST_AsGeoJSON(ST_Intersection(f.geom, env.g), 6)::json,
        'properties', json_build_object('zone', f.zone_code, 'name', f.name))), '[]'::json))
FROM layers_feature f
JOIN layers_layer l ON l.id = f.layer_id AND l.kind = 'zoning' AND l.state = 'done'
CROSS JOIN (SELECT ST_Expand(ST_Envelope(ST_Collect(geom)), 0.002) AS g
            FROM proposals_proposal WHERE id = ANY(%(ids)s)) env
WHERE ST_Intersects(f.geom, env.g)
"""

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
        "claims": _one_json(_CLAIMS_SQL, params) if ids else empty,
        "overlaps": overlaps,
        "zoning": (_one_json(_ZONING_SQL, params) or empty) if ids else empty,
    }


def round_map_data(negotiation_round: Round) -> dict:
    """Claims of the snapshot (and any that joined the cluster since) plus the options."""
    snapshot = round_claim_ids(negotiation_round)
    changes = round_cluster_changes(negotiation_round)
    current = (set(snapshot) - set(changes["removed"])) | set(changes["added"])
    data = claims_map_data(ids=set(snapshot) | current, snapshot=snapshot, current=current)
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT json_build_object('type', 'FeatureCollection', 'features',
                   COALESCE(json_agg(json_build_object('type', 'Feature', 'id', o.id,
                       'geometry', ST_AsGeoJSON(o.geom, 6)::json,
                       'properties', json_build_object('id', o.id, 'title', o.title,
                           'version', o.version)) ORDER BY o.id), '[]'::json))
               FROM negotiations_option o WHERE o.round_id = %s AND o.geom IS NOT NULL""",
            [negotiation_round.pk],
        )
        options = cursor.fetchone()[0]
    data["options"] = json.loads(options) if isinstance(options, str) else options
    return data


# The review queue's maps for many clusters at once: one grouped query per layer.
_QUEUE_CLAIMS_SQL = """
SELECT m.cluster_id, json_build_object('type', 'FeatureCollection', 'features', json_agg(
    json_build_object(
        'type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(p.geom, 6)::json,
        'properties', json_build_object(
            'id', p.id, 'title', p.title, 'kind', p.kind, 'category', p.category))
    ORDER BY p.id))
FROM spatial_clustermember m JOIN proposals_proposal p ON p.id = m.proposal_id
WHERE m.cluster_id = ANY(%(clusters)s) AND p.status = 'active'
GROUP BY m.cluster_id
"""

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

_QUEUE_ZONING_SQL = """
SELECT c.id, json_build_object('type', 'FeatureCollection', 'features', json_agg(
    json_build_object(
        'type', 'Feature', 'id', f.id,
        'geometry', ST_AsGeoJSON(ST_Intersection(f.geom, env.g), 6)::json,
        'properties', json_build_object('zone', f.zone_code, 'name', f.name))))
FROM spatial_cluster c
CROSS JOIN LATERAL (SELECT ST_Expand(ST_Envelope(c.outline), 0.002) AS g) env
JOIN layers_feature f ON ST_Intersects(f.geom, env.g)
JOIN layers_layer l ON l.id = f.layer_id AND l.kind = 'zoning' AND l.state = 'done'
WHERE c.id = ANY(%(clusters)s)
GROUP BY c.id
"""


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
        Cluster.objects.current()
        .filter(contested=True)
        .order_by("-score", "id")
        .prefetch_related(
            Prefetch("rounds", Round.objects.order_by("-number"), to_attr="round_list")
        )[:limit]
    )
    ids = [c.pk for c in clusters]
    small = [c.pk for c in clusters if c.claim_count <= OVERLAP_MAX_CLAIMS]
    claims = _grouped(_QUEUE_CLAIMS_SQL, ids)
    overlaps = _grouped(_QUEUE_OVERLAPS_SQL, small)
    zoning = _grouped(_QUEUE_ZONING_SQL, ids)
    empty = {"type": "FeatureCollection", "features": []}
    for cluster in clusters:
        cluster.map_data = {
            "claims": claims.get(cluster.pk, empty),
            "overlaps": overlaps.get(cluster.pk),
            "zoning": zoning.get(cluster.pk, empty),
        }
        cluster.latest_round = cluster.round_list[0] if cluster.round_list else None
    return clusters

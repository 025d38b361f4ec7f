"""The overlay of proposals on zoning and district layers, computed in PostGIS.

Every function here is one set-based SQL statement (plus at most one small read), so
recomputing 100,000 proposals is one round trip. Metric work happens in ANALYSIS_SRID on
`layers_featurepart`: zone polygons pre-cut by ST_Subdivide and pre-transformed.

Share of a zone = the proposal's area (polygons) or length (lines) inside the zone,
divided by the proposal's own area or length (or by the total inside the layer, when
overlapping zones make that larger). A point counts fully for the zone that contains it
(split evenly when it lies on a boundary of several). Overall compatibility is the worst
verdict among the zoning zones it touches, with a missing rule ranking between conditional
and compatible: incompatible > conditional > unknown > compatible; no zone at all is unknown.
Only layers in effect count (a zoning layer a planner has not confirmed yet does not).
The district comes from the authoritative district layer; only when none is chosen, the
district feature with the largest share decides (ties: the oldest layer), so a new upload
never takes the districts over by itself.
"""

import json

from django.conf import settings
from django.db import connection, transaction

from . import hooks
from .compatibility import SEVERITY, VERDICTS
from .compatibility import Compatibility as C

# Severity of a rule's verdict ({v}: NULL when no rule covers the category) and back; the
# word of a severity ({w}) is the overall compatibility.
_UNKNOWN = SEVERITY[C.UNKNOWN]
WORST = (
    "CASE {v} "
    + " ".join(f"WHEN '{word}' THEN {SEVERITY[word]}" for word in VERDICTS)
    + f" ELSE {_UNKNOWN} END"
)
COMPATIBILITY = (
    "CASE {w} "
    + " ".join(f"WHEN {SEVERITY[word]} THEN '{word}'" for word in VERDICTS)
    + f" ELSE '{C.UNKNOWN}' END"
)

# One row per (proposal, part it touches) with the proposal's amount inside the part.
# The parts are the outer side; active proposals are found through the spatial app's GiST
# index on ST_Transform(geom, ANALYSIS_SRID), and PostGIS caches the prepared part.
PIECES_SQL = """
SELECT p.id AS proposal_id, p.category, fp.layer_id, fp.feature_id,
       ST_Dimension(p.geom) AS dim,
       CASE ST_Dimension(p.geom) WHEN 1 THEN ST_Length(ST_Transform(p.geom, {srid}))
            WHEN 2 THEN ST_Area(ST_Transform(p.geom, {srid})) ELSE 0 END AS measure,
       CASE WHEN GeometryType(p.geom) = 'POINT' THEN 1.0
            WHEN ST_Dimension(p.geom) = 0
                THEN ST_NumGeometries(ST_Intersection(ST_Transform(p.geom, {srid}), fp.geom))
            WHEN ST_Covers(fp.geom, ST_Transform(p.geom, {srid})) THEN
                CASE ST_Dimension(p.geom) WHEN 1 THEN ST_Length(ST_Transform(p.geom, {srid}))
                     ELSE ST_Area(ST_Transform(p.geom, {srid})) END
            WHEN ST_Dimension(p.geom) = 1
                THEN ST_Length(ST_Intersection(ST_Transform(p.geom, {srid}), fp.geom))
            ELSE ST_Area(ST_Intersection(ST_Transform(p.geom, {srid}), fp.geom)) END AS amount
FROM layers_featurepart fp
JOIN proposals_proposal p ON ST_Intersects(fp.geom, ST_Transform(p.geom, {srid}))
WHERE {scope}
"""

# From the pieces to one overlay row per proposal in scope (CTEs after "WITH ...,").
AGGREGATE_SQL = """
hit AS MATERIALIZED (
    SELECT piece.proposal_id, piece.category, piece.measure, l.id AS layer_id, l.slug, l.kind,
           l.authoritative,
           f.id AS feature_id, f.zone_code, COALESCE(NULLIF(f.name, ''), f.zone_code) AS name,
           CASE WHEN piece.dim = 0 THEN max(piece.amount) ELSE sum(piece.amount) END AS amount
    FROM overlay_piece piece
    JOIN layers_layer l ON l.id = piece.layer_id AND l.state = 'done' AND l.in_effect
    JOIN layers_feature f ON f.id = piece.feature_id
    GROUP BY piece.proposal_id, piece.category, piece.dim, piece.measure, l.id, f.id
),
shared AS MATERIALIZED (
    SELECT hit.*, amount / NULLIF(GREATEST(measure,
               sum(amount) OVER (PARTITION BY proposal_id, layer_id)), 0) AS share
    FROM hit WHERE amount > 0
),
zone AS (
    SELECT proposal_id, layer_id, slug, category, zone_code, sum(share) AS share
    FROM shared WHERE kind = 'zoning'
    GROUP BY proposal_id, layer_id, slug, category, zone_code
),
zones AS (
    SELECT z.proposal_id,
           jsonb_agg(jsonb_build_object('layer', z.slug, 'zone_code', z.zone_code,
                     'share', round(z.share::numeric, 4), 'verdict', r.verdict)
                     ORDER BY z.slug, z.share DESC, z.zone_code) AS zones,
           max({worst_r}) AS worst
    FROM zone z
    LEFT JOIN layers_zoningrule r
      ON r.layer_id = z.layer_id AND r.zone_code = z.zone_code AND r.category = z.category
    GROUP BY z.proposal_id
),
district AS (
    SELECT DISTINCT ON (proposal_id) proposal_id, feature_id, name
    FROM shared WHERE kind = 'district' AND (authoritative OR NOT EXISTS (
        SELECT 1 FROM layers_layer a WHERE a.authoritative AND a.state = 'done'))
    ORDER BY proposal_id, share DESC, layer_id, feature_id
)
INSERT INTO layers_proposaloverlay
    (proposal_id, district_id, district_name, compatibility, zones, computed_at)
SELECT p.id, d.feature_id, COALESCE(d.name, ''), {compatibility},
       COALESCE(z.zones, '[]'::jsonb), now()
FROM proposals_proposal p
LEFT JOIN zones z ON z.proposal_id = p.id LEFT JOIN district d ON d.proposal_id = p.id
WHERE {scope}
ON CONFLICT (proposal_id) DO UPDATE SET
    district_id = EXCLUDED.district_id, district_name = EXCLUDED.district_name,
    compatibility = EXCLUDED.compatibility, zones = EXCLUDED.zones,
    computed_at = EXCLUDED.computed_at
"""

VERDICTS_SQL = """
WITH e AS (
    SELECT o.proposal_id, pr.category, z.elem, z.ord
    FROM layers_proposaloverlay o
    JOIN proposals_proposal pr ON pr.id = o.proposal_id
    CROSS JOIN LATERAL jsonb_array_elements(o.zones) WITH ORDINALITY AS z(elem, ord)
    WHERE o.zones @> %(match)s::jsonb
),
v AS (
    SELECT e.proposal_id, e.ord,
           CASE WHEN e.elem->>'layer' = %(slug)s
                THEN jsonb_set(e.elem, '{{verdict}}', COALESCE(to_jsonb(r.verdict), 'null'::jsonb))
                ELSE e.elem END AS elem
    FROM e LEFT JOIN layers_zoningrule r
      ON r.layer_id = %(layer)s AND r.zone_code = e.elem->>'zone_code' AND r.category = e.category
),
agg AS (
    SELECT proposal_id, jsonb_agg(elem ORDER BY ord) AS zones, max({worst_elem}) AS worst
    FROM v GROUP BY proposal_id
)
UPDATE layers_proposaloverlay o
SET zones = agg.zones, compatibility = {compatibility}, computed_at = now()
FROM agg WHERE o.proposal_id = agg.proposal_id
"""


def _sql(template: str, **parts: str) -> str:
    return template.format(
        worst_r=WORST.format(v="r.verdict"),
        worst_elem=WORST.format(v="elem->>'verdict'"),
        compatibility=COMPATIBILITY.format(w="worst"),
        **parts,
    )


@transaction.atomic
def overlay_refresh(*, proposal_ids: list[int] | None = None) -> int:
    """Recompute the overlay of the given proposals (all active ones when None).

    Returns the number of overlay rows written. For all proposals the pieces go to a
    temporary table first: CREATE TABLE AS may use parallel workers, INSERT may not.
    """
    if proposal_ids is not None and not proposal_ids:
        return 0
    srid = int(settings.ANALYSIS_SRID)
    params = {"ids": list(proposal_ids or [])}
    with connection.cursor() as cursor:
        if proposal_ids is None:
            scope = "p.status = 'active'"
            cursor.execute("SET LOCAL jit = off")  # compiling costs more than it saves here
            cursor.execute("SET LOCAL work_mem = '64MB'")
            cursor.execute("DROP TABLE IF EXISTS overlay_piece")
            cursor.execute(
                "CREATE TEMP TABLE overlay_piece ON COMMIT DROP AS "
                + PIECES_SQL.format(srid=srid, scope=scope)
            )
            cursor.execute("ANALYZE overlay_piece")
            cursor.execute("WITH " + _sql(AGGREGATE_SQL, scope=scope), params)
            written = cursor.rowcount
            cursor.execute("DROP TABLE overlay_piece")
            hooks.run_after_bulk_change()
            return written
        scope = "p.id = ANY(%(ids)s)"
        pieces = PIECES_SQL.format(srid=srid, scope=scope)
        cursor.execute(
            f"WITH overlay_piece AS MATERIALIZED ({pieces}), " + _sql(AGGREGATE_SQL, scope=scope),
            params,
        )
        return cursor.rowcount


CHANGES_SQL = """
SELECT coalesce(b.compatibility, 'unknown'), o.compatibility,
       b.district_id IS DISTINCT FROM o.district_id, count(*)
FROM layers_proposaloverlay o
JOIN proposals_proposal p ON p.id = o.proposal_id AND p.status = 'active'
{join} overlay_before b USING (proposal_id)
WHERE {scope}
GROUP BY 1, 2, 3
"""


def _snapshot(cursor, scope: str = "TRUE", params=None) -> None:
    cursor.execute("DROP TABLE IF EXISTS overlay_before")
    cursor.execute(
        "CREATE TEMP TABLE overlay_before ON COMMIT DROP AS "
        "SELECT proposal_id, compatibility, district_id FROM layers_proposaloverlay o "
        f"WHERE {scope}",
        params,
    )


def _changes(cursor, *, join: str = "JOIN", scope: str = "TRUE", params=None) -> dict:
    """What changed against overlay_before for live proposals: counts, and the verdict
    changes by (from, to), largest first."""
    cursor.execute(CHANGES_SQL.format(join=join, scope=scope), params)
    rows = cursor.fetchall()
    cursor.execute("DROP TABLE overlay_before")
    transitions: dict[tuple[str, str], int] = {}
    district = 0
    for before, after, moved, n in rows:
        if before != after:
            transitions[before, after] = transitions.get((before, after), 0) + n
        district += n if moved else 0
    return {
        "compatibility_changed": sum(transitions.values()),
        "now_unknown": sum(n for (_b, a), n in transitions.items() if a == C.UNKNOWN),
        "district_changed": district,
        "transitions": [
            {"from": b, "to": a, "count": n}
            for (b, a), n in sorted(transitions.items(), key=lambda t: (-t[1], t[0]))
        ],
    }


def overlay_refresh_counting_changes() -> dict:
    """Refresh the overlay of all active proposals and count what changed for them: their
    compatibility (a new zoning layer without rules turns "compatible" into "unknown"),
    with the changes by (from, to), and their district (a newly authoritative district
    layer takes over)."""
    with connection.cursor() as cursor:
        _snapshot(cursor)
        overlay_refresh()
        return _changes(cursor)


PROPOSALS_IN_LAYER_SQL = """
SELECT DISTINCT p.id FROM layers_featurepart fp
JOIN proposals_proposal p ON ST_Intersects(fp.geom, ST_Transform(p.geom, {srid}))
WHERE fp.layer_id = %s AND p.status = 'active'
"""


def overlay_preview_in_effect(*, layer_id: int) -> dict:
    """What putting the (zoning) layer into effect would change, without changing it: the
    overlay of the live proposals that touch the layer is recomputed with the layer in
    effect inside a savepoint, compared, and rolled back. The same counts as
    overlay_refresh_counting_changes, plus `proposals` (how many touch the layer)."""
    srid = int(settings.ANALYSIS_SRID)
    with connection.cursor() as cursor:
        cursor.execute(PROPOSALS_IN_LAYER_SQL.format(srid=srid), [layer_id])
        touching = [row[0] for row in cursor.fetchall()]
        scope, params = "o.proposal_id = ANY(%(ids)s)", {"ids": touching}
        with transaction.atomic():
            _snapshot(cursor, scope, params)
            cursor.execute("UPDATE layers_layer SET in_effect = TRUE WHERE id = %s", [layer_id])
            overlay_refresh(proposal_ids=touching)
            # a proposal without an overlay row yet counts as "unknown" before
            changes = _changes(cursor, join="LEFT JOIN", scope=scope, params=params)
            transaction.set_rollback(True)
    return {**changes, "proposals": len(touching)}


def overlay_refresh_verdicts(*, layer_id: int, slug: str) -> int:
    """After a rule change: new verdicts for the zones of one layer, no spatial work."""
    with connection.cursor() as cursor:
        cursor.execute(
            _sql(VERDICTS_SQL),
            {"match": json.dumps([{"layer": slug}]), "slug": slug, "layer": layer_id},
        )
        written = cursor.rowcount
    hooks.run_after_bulk_change()
    return written


def proposals_using_layer(*, layer_id: int, slug: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT proposal_id FROM layers_proposaloverlay
               WHERE zones @> %s::jsonb
                  OR district_id IN (SELECT id FROM layers_feature WHERE layer_id = %s)""",
            [json.dumps([{"layer": slug}]), layer_id],
        )
        return [row[0] for row in cursor.fetchall()]

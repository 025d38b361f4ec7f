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
The district is the district feature with the largest share.
"""

import json

from django.conf import settings
from django.db import connection

WORST = """CASE {v} WHEN 'incompatible' THEN 3 WHEN 'conditional' THEN 2
    WHEN 'compatible' THEN 0 ELSE 1 END"""
COMPATIBILITY = """CASE {w} WHEN 3 THEN 'incompatible' WHEN 2 THEN 'conditional'
    WHEN 0 THEN 'compatible' ELSE 'unknown' END"""

REFRESH_SQL = """
WITH p AS MATERIALIZED (
    SELECT id, category, ST_Dimension(geom) AS dim, ST_Transform(geom, %(srid)s) AS g
    FROM proposals_proposal WHERE {scope}
),
hit AS (
    SELECT p.id AS proposal_id, p.category, p.dim, l.id AS layer_id, l.slug, l.kind,
           f.id AS feature_id, f.zone_code, COALESCE(NULLIF(f.name, ''), f.zone_code) AS name,
           CASE WHEN p.dim = 0 THEN max(ST_NumGeometries(ST_Intersection(p.g, fp.geom)))
                ELSE sum(CASE
                    WHEN ST_CoveredBy(p.g, fp.geom) THEN
                        CASE p.dim WHEN 1 THEN ST_Length(p.g) ELSE ST_Area(p.g) END
                    WHEN p.dim = 1 THEN ST_Length(ST_Intersection(p.g, fp.geom))
                    ELSE ST_Area(ST_Intersection(p.g, fp.geom)) END)
           END AS amount
    FROM p
    JOIN layers_featurepart fp ON ST_Intersects(fp.geom, p.g)
    JOIN layers_layer l ON l.id = fp.layer_id AND l.state = 'done'
    JOIN layers_feature f ON f.id = fp.feature_id
    GROUP BY p.id, p.category, p.dim, l.id, l.slug, l.kind, f.id, f.zone_code, f.name
),
shared AS (
    SELECT hit.*, hit.amount / NULLIF(GREATEST(
            CASE hit.dim WHEN 0 THEN 0 WHEN 1 THEN ST_Length(p.g) ELSE ST_Area(p.g) END,
            sum(hit.amount) OVER (PARTITION BY hit.proposal_id, hit.layer_id)), 0) AS share
    FROM hit JOIN p ON p.id = hit.proposal_id
    WHERE hit.amount > 0
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
    FROM shared WHERE kind = 'district'
    ORDER BY proposal_id, share DESC, layer_id DESC, feature_id
)
INSERT INTO layers_proposaloverlay
    (proposal_id, district_id, district_name, compatibility, zones, computed_at)
SELECT p.id, d.feature_id, COALESCE(d.name, ''), {compatibility},
       COALESCE(z.zones, '[]'::jsonb), now()
FROM p LEFT JOIN zones z ON z.proposal_id = p.id LEFT JOIN district d ON d.proposal_id = p.id
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


def overlay_refresh(*, proposal_ids: list[int] | None = None) -> int:
    """Recompute the overlay of the given proposals (all when None); returns rows written."""
    if proposal_ids is not None and not proposal_ids:
        return 0
    scope = "TRUE" if proposal_ids is None else "id = ANY(%(ids)s)"
    with connection.cursor() as cursor:
        cursor.execute(
            _sql(REFRESH_SQL, scope=scope),
            {"srid": settings.ANALYSIS_SRID, "ids": list(proposal_ids or [])},
        )
        return cursor.rowcount


def overlay_refresh_verdicts(*, layer_id: int, slug: str) -> int:
    """After a rule change: new verdicts for the zones of one layer, no spatial work."""
    with connection.cursor() as cursor:
        cursor.execute(
            _sql(VERDICTS_SQL),
            {"match": json.dumps([{"layer": slug}]), "slug": slug, "layer": layer_id},
        )
        return cursor.rowcount


def proposals_using_layer(*, layer_id: int, slug: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT proposal_id FROM layers_proposaloverlay
               WHERE zones @> %s::jsonb
                  OR district_id IN (SELECT id FROM layers_feature WHERE layer_id = %s)""",
            [json.dumps([{"layer": slug}]), layer_id],
        )
        return [row[0] for row in cursor.fetchall()]

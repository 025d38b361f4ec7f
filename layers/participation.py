"""Participation per district: active proposals per 1,000 inhabitants, for the choropleth.

One SQL statement: a proposal counts for the district the overlay assigned it (largest
share) when that district belongs to this layer; otherwise (not overlaid yet, or the overlay
chose another district layer) for the district of this layer that contains a point on its
surface. The view answers GET /api/layers/{slug}/participation/ (layers/participation_urls.py).
"""

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny

from proposals.models import Status

from .models import Layer, LayerKind, LayerState

CLASSES = 5  # choropleth classes (quantiles of the rate)

PARTICIPATION_SQL = """
WITH d AS (
    SELECT id, name, population, geom FROM layers_feature WHERE layer_id = %(layer)s
),
assigned AS (
    SELECT coalesce(od.id, pip.id) AS district_id
    FROM proposals_proposal p
    LEFT JOIN layers_proposaloverlay o ON o.proposal_id = p.id
    LEFT JOIN d od ON od.id = o.district_id
    LEFT JOIN LATERAL (
        SELECT d.id FROM d
        WHERE od.id IS NULL AND ST_Intersects(d.geom, ST_PointOnSurface(p.geom))
        ORDER BY d.id LIMIT 1
    ) pip ON true
    WHERE p.status = %(active)s
),
counted AS (
    SELECT d.id, d.name, d.population, d.geom, count(a.district_id) AS proposals,
           round(count(a.district_id) * 1000.0 / nullif(d.population, 0), 3) AS per_1000
    FROM d LEFT JOIN assigned a ON a.district_id = d.id
    GROUP BY d.id, d.name, d.population, d.geom
),
breaks AS (
    SELECT percentile_cont(%(quantiles)s::float8[]) WITHIN GROUP (ORDER BY per_1000) AS b
    FROM counted WHERE per_1000 IS NOT NULL
)
SELECT json_build_object(
    'type', 'FeatureCollection',
    'breaks', (SELECT coalesce(to_json(b), '[]'::json) FROM breaks),
    'total', (SELECT count(*) FROM assigned WHERE district_id IS NOT NULL),
    'unassigned', (SELECT count(*) FROM assigned WHERE district_id IS NULL),
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature', 'id', c.id,
        'geometry', ST_AsGeoJSON(c.geom, 6)::json,
        'properties', json_build_object('id', c.id, 'name', c.name,
            'population', c.population, 'proposals', c.proposals, 'per_1000', c.per_1000))
        ORDER BY c.id), '[]'::json))::text
FROM counted c
"""


def participation_geojson(*, layer: Layer) -> str:
    """Districts of `layer` with proposals, population and per_1000 (None without a
    population), plus `breaks`: the upper bounds of the lower CLASSES-1 quantile classes."""
    quantiles = [i / CLASSES for i in range(1, CLASSES)]
    params = {"layer": layer.pk, "active": Status.ACTIVE, "quantiles": quantiles}
    with connection.cursor() as cursor:
        cursor.execute(PARTICIPATION_SQL, params)
        return cursor.fetchone()[0]


class ParticipationView(GenericAPIView):
    serializer_class = serializers.Serializer
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Proposals per 1,000 inhabitants per district (GeoJSON with class breaks)",
        responses={(200, "application/geo+json"): dict},
    )
    def get(self, request, slug):
        layer = get_object_or_404(Layer, slug=slug)
        if layer.state != LayerState.DONE:
            raise NotFound(_("No such layer (or it is not ready yet)."))
        if layer.kind != LayerKind.DISTRICT:
            raise ValidationError(
                {"layer": _("Participation is counted per district: choose a district layer.")}
            )
        return HttpResponse(participation_geojson(layer=layer), content_type="application/geo+json")

"""Reads of the spatial app. Big reads are built as GeoJSON by PostGIS in one query."""

from django.contrib.gis.geos import Polygon
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext

from .models import Cluster

EMPTY = '{"type": "FeatureCollection", "features": []}'


def cluster_list(*, contested=None, categories=None, min_size=None, bbox=None) -> QuerySet:
    """Current clusters matching the filters, contested first, then by score."""
    qs = Cluster.objects.current()
    if contested is not None:
        qs = qs.filter(contested=contested)
    if categories:
        qs = qs.filter(categories__overlap=list(categories))
    if min_size:
        qs = qs.filter(claim_count__gte=min_size)
    if bbox:
        qs = qs.filter(outline__intersects=Polygon.from_bbox(bbox))
    return qs.order_by("-contested", "-score", "-claim_count", "id")


def _language(language: str | None) -> str:
    return "de" if (language or "")[:2] == "de" else "en"


CLUSTER_PROPERTIES = """json_build_object(
    'id', c.id, 'contested', c.contested, 'score', c.score,
    'explanation', coalesce(c.explanation ->> %s, c.explanation ->> 'en', ''),
    'categories', to_json(c.categories), 'claim_count', c.claim_count,
    'proposal_count', c.proposal_count, 'conflict_count', c.conflict_count,
    'incompatible_count', c.incompatible_count, 'author_count', c.author_count,
    'support_count', c.support_count, 'overlap_area_m2', round(c.overlap_area_m2::numeric, 1),
    'updated_at', c.updated_at)"""


def cluster_feature_collection(qs: QuerySet, *, language: str | None = None) -> str:
    """RFC 7946 FeatureCollection (text) of the clusters in `qs`, in its order."""
    try:
        inner, params = qs.values("id").query.sql_with_params()
    except EmptyResultSet:
        return EMPTY
    sql = f"""
        SELECT json_build_object('type', 'FeatureCollection', 'features',
               coalesce(json_agg(json_build_object(
                   'type', 'Feature', 'id', c.id,
                   'geometry', ST_AsGeoJSON(c.outline, 6)::json,
                   'properties', {CLUSTER_PROPERTIES}) ORDER BY o.n), '[]'::json))::text
        FROM (SELECT q.id, row_number() OVER () AS n FROM ({inner}) q) o
        JOIN spatial_cluster c ON c.id = o.id"""
    with connection.cursor() as cur:
        cur.execute(sql, [_language(language), *params])
        return cur.fetchone()[0]


def cluster_detail(cluster_id: int, *, language: str | None = None) -> str | None:
    """One cluster as a GeoJSON Feature (text) with statistics, both explanations and its
    members as a FeatureCollection of proposals; None when there is no such cluster.
    A dissolved cluster is still answered (negotiation rounds refer to it)."""
    sql = f"""
        SELECT json_build_object(
            'type', 'Feature', 'id', c.id, 'geometry', ST_AsGeoJSON(c.outline, 6)::json,
            'properties', {CLUSTER_PROPERTIES}::jsonb || jsonb_build_object(
                'explanations', c.explanation, 'dissolved_at', c.dissolved_at,
                'created_at', c.created_at,
                'members', json_build_object('type', 'FeatureCollection', 'features', (
                    SELECT coalesce(json_agg(json_build_object(
                        'type', 'Feature', 'id', p.id,
                        'geometry', ST_AsGeoJSON(p.geom, 6)::json,
                        'properties', json_build_object(
                            'id', p.id, 'kind', p.kind, 'category', p.category,
                            'title', p.title, 'support_count', p.support_count,
                            'author_name', CASE WHEN u.show_name_publicly
                                THEN coalesce(nullif(trim(u.first_name || ' ' || u.last_name),
                                                     ''), u.username)
                                ELSE %s END,
                            'compatibility', coalesce(o.compatibility, 'unknown'))
                    ) ORDER BY p.id), '[]'::json)
                    FROM spatial_clustermember m
                    JOIN proposals_proposal p ON p.id = m.proposal_id
                    JOIN accounts_user u ON u.id = p.author_id
                    LEFT JOIN layers_proposaloverlay o ON o.proposal_id = p.id
                    WHERE m.cluster_id = c.id))))::text
        FROM spatial_cluster c WHERE c.id = %s"""
    with connection.cursor() as cur:
        cur.execute(sql, [_language(language), gettext("a resident"), cluster_id])
        row = cur.fetchone()
    return row[0] if row else None

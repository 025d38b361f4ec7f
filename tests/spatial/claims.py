"""Generated claims for the spatial tests: shapely geometries in ANALYSIS_SRID metres around
the city centre, written straight into proposals_proposal (without hooks) or through the
proposals services (with hooks)."""

import numpy as np
import shapely
from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry
from django.db import connection

from proposals.services import proposal_create

CATEGORIES = ["housing", "mobility", "green_space", "public_space", "commons", "other"]


def centre_xy():
    with connection.cursor() as cur:
        cur.execute(
            "SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_Point(12.375, 51.345), "
            "4326), %s) p",
            [settings.ANALYSIS_SRID],
        )
        return cur.fetchone()


def mixed_geometries(n, *, seed, spread=800.0):
    """Points, lines and polygons (sizes 2..40 m) scattered over a square of `spread` m."""
    rng = np.random.default_rng(seed)
    cx, cy = centre_xy()
    xy = rng.uniform(-spread / 2, spread / 2, (n, 2)) + (cx, cy)
    kind = rng.integers(0, 3, n)
    points = shapely.points(xy)
    areas = shapely.buffer(points, rng.uniform(2, 40, n), quad_segs=3)
    lines = shapely.linestrings(np.stack([xy, xy + rng.normal(0, 30, (n, 2))], axis=1))
    return np.where(kind == 0, points, np.where(kind == 1, areas, lines))


def insert_claims(author, geoms, *, categories=None, kinds=None) -> list[int]:
    """Insert active proposals for metric geometries in one statement; returns their ids."""
    n = len(geoms)
    categories = categories or ["housing"] * n
    kinds = kinds or ["proposal"] * n
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO proposals_proposal (author_id, kind, category, title, description, "
            "geom, status, hidden_reason, support_count, comment_count, created_at, updated_at) "
            "SELECT %s, k, c, 'claim', '', ST_Transform(ST_GeomFromWKB(w, %s), 4326), "
            "'active', '', 0, 0, now(), now() "
            "FROM unnest(%s::bytea[], %s::text[], %s::text[]) AS u(w, c, k) RETURNING id",
            [author.pk, settings.ANALYSIS_SRID, list(shapely.to_wkb(geoms)), categories, kinds],
        )
        return [row[0] for row in cur.fetchall()]


def metric(wkt: str) -> GEOSGeometry:
    """A WKT in metres relative to the city centre, as a 4326 GEOSGeometry for services."""
    cx, cy = centre_xy()
    geom = shapely.transform(shapely.from_wkt(wkt), lambda c: c + (cx, cy))
    g = GEOSGeometry(memoryview(shapely.to_wkb(geom)), srid=settings.ANALYSIS_SRID)
    g.transform(4326)
    return g


def create(author, wkt, *, category="housing", kind="proposal"):
    """A proposal through the proposals service, so the cluster hook runs."""
    return proposal_create(
        author=author, kind=kind, category=category, title="claim", geom=metric(wkt)
    )

"""The city outline and district outlines that proposals validate claims against (registered
as proposals.hooks.outline_providers in LayersConfig.ready()).

The city outline is the union of the usable district layers' features. It is computed once
per state of those layers (their ids, feature counts and import times) and kept in the
process, so checking a pin costs one small query, not a union of every district.
"""

from django.contrib.gis.geos import GEOSGeometry
from django.db import connection

from .models import Feature
from .selectors import district_layers

_cache: dict = {}


def district_outline(*, district_id: int | None = None) -> GEOSGeometry | None:
    """proposals' outline provider: the city outline (district_id None) or one district's."""
    layers = district_layers()
    if district_id is not None:
        feature = Feature.objects.filter(layer__in=layers, pk=district_id).only("geom").first()
        return feature.geom if feature is not None else None
    key = tuple(layers.order_by("id").values_list("id", "feature_count", "finished_at"))
    if not key:
        return None
    if key not in _cache:
        with connection.cursor() as cur:
            # Snapped by a centimetre: neighbouring districts digitised with slivers
            # between them still form one area, so a pin on a shared border is inside.
            cur.execute(
                "SELECT ST_AsEWKB(ST_Buffer(ST_Union(geom), 1e-7)) FROM layers_feature "
                "WHERE layer_id = ANY(%s)",
                [[row[0] for row in key]],
            )
            (wkb,) = cur.fetchone()
        _cache.clear()
        _cache[key] = GEOSGeometry(memoryview(wkb)) if wkb is not None else None
    return _cache[key]

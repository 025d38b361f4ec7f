"""What the demo rounds are about, per hotspot of the demo city: the place's name and the
script of negotiations/demo_texts.py that fits what is claimed there (hotspots.py)."""

import shapely

from . import city, hotspots

SCRIPTS = {
    "Kleingärten Sonnenhang": "housing_or_green",
    "Brache Gleisdreieck": "housing_or_green",
    "Elsterufer": "business_or_open",
    "Nordhafen Kai": "business_or_open",
    "Alte Spinnerei": "homes_or_culture",
}
NEAR_M = 50  # a cluster belongs to the hotspot whose site, widened by this, it overlaps most


def describe(cluster) -> tuple[str, str | None]:
    """(hotspot name, script name or None) of a cluster, or ("", None) off the hotspots."""
    outline = cluster.outline.transform(city.SRID, clone=True)
    shape = shapely.from_wkb(bytes(outline.wkb))
    best, overlap = None, 0.0
    for hotspot in hotspots.hotspots():
        area = shapely.intersection(shape, hotspot.site.buffer(NEAR_M)).area
        if area > overlap:
            best, overlap = hotspot.name, area
    return (best, SCRIPTS.get(best)) if best else ("", None)

from pathlib import Path

import pytest
from django.utils import translation

from basemap.services import basemap_import

EXTRACT = Path(__file__).parent / "data" / "kirchberg_iller.osm"
# The extract's neighbourhood (minlon, minlat, maxlon, maxlat) as the city for these tests.
KIRCHBERG = (10.06, 48.13, 10.08, 48.14)


def import_kirchberg(settings):
    """The real extract imported as the base map of a city around it."""
    settings.CITY_BBOX = KIRCHBERG
    return basemap_import(path=EXTRACT)


@pytest.fixture
def kirchberg(settings, db):
    return import_kirchberg(settings)


@pytest.fixture(autouse=True)
def english():
    """The messages asserted here are the English source text."""
    with translation.override("en"):
        yield

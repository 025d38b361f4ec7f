import pytest

from proposals import hooks
from proposals.models import Comment, Proposal, Support

# A small square (about 6 ha) inside the demo city (lon, lat), below CLAIM_MAX_AREA_HA.
SQUARE = [[12.37, 51.34], [12.374, 51.34], [12.374, 51.342], [12.37, 51.342], [12.37, 51.34]]


def feature(geometry=None, **properties):
    """A GeoJSON Feature body as a client sends it."""
    props = {"kind": "proposal", "category": "housing", "title": "A park here", "description": ""}
    props.update(properties)
    return {
        "type": "Feature",
        "geometry": geometry or {"type": "Polygon", "coordinates": [SQUARE]},
        "properties": props,
    }


def database_state():
    """Everything the proposals app stores, to show a request changed nothing."""
    proposals = [
        {**row, "geom": row["geom"].ewkt} for row in Proposal.objects.order_by("id").values()
    ]
    supports = list(Support.objects.order_by("id").values())
    comments = list(Comment.objects.order_by("id").values())
    return proposals, supports, comments


@pytest.fixture
def recorded_hooks():
    """Register a hook that records (proposal id, change, in a transaction?) for each write."""
    from django.db import connection

    calls = []

    def record(*, proposal, change):
        calls.append((proposal.pk, change, connection.in_atomic_block))

    with hooks.after_proposal_write.register_temporarily(record, order=100):
        yield calls


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English, the source language (the site default is German)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield

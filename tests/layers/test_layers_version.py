"""layers_version() changes with every change to which layers there are and what they
are (pages cache district names and whether zoning applies under it)."""

import pytest

from layers.models import LayerState
from layers.selectors import layers_version
from tests.layers.planner_data import district_layer, zoning_layer

pytestmark = pytest.mark.django_db


def test_the_version_changes_with_each_change_to_the_usable_layers():
    seen = [layers_version()]
    layer = district_layer()
    seen.append(layers_version())
    zoning = zoning_layer()
    seen.append(layers_version())
    layer.name = "Stadtteile"
    layer.save()
    seen.append(layers_version())
    zoning.in_effect = False
    zoning.save()
    seen.append(layers_version())
    zoning.delete()
    seen.append(layers_version())
    assert len(set(seen)) == len(seen)


def test_an_imports_progress_leaves_the_version_alone_its_end_does_not():
    layer = district_layer()
    layer.state = LayerState.RUNNING
    layer.save()
    running = layers_version()
    layer.progress = 50
    layer.save()
    assert layers_version() == running
    layer.state = LayerState.DONE
    layer.save()
    assert layers_version() != running

"""Features belong to a layer: the statement-level checks that replace the foreign key."""

import pytest
from django.db import IntegrityError, connection, transaction

from layers.models import Feature, Layer
from layers.services import layer_delete, layer_import

pytestmark = pytest.mark.django_db


def test_a_feature_of_a_layer_that_does_not_exist_is_refused():
    with pytest.raises(IntegrityError, match="layer that does not exist"), transaction.atomic():
        Feature.objects.create(layer_id=987654, geom="SRID=4326;POINT(12.37 51.34)")


def test_moving_a_feature_to_a_layer_that_does_not_exist_is_refused(zones_gpkg):
    layer = layer_import(path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone")

    with pytest.raises(IntegrityError, match="layer that does not exist"), transaction.atomic():
        Feature.objects.filter(layer=layer).update(layer_id=987654)


def test_a_layer_cannot_be_deleted_behind_its_features_back(zones_gpkg):
    layer = layer_import(path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone")

    refused = pytest.raises(IntegrityError, match="still has features")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM layers_layer WHERE id = %s", [layer.id])

    assert Feature.objects.filter(layer=layer).count() == 2


def test_deleting_a_layer_through_the_service_or_the_orm_takes_its_features(zones_gpkg):
    first = layer_import(path=zones_gpkg, name="First", kind="zoning", zone_field="zone")
    second = layer_import(path=zones_gpkg, name="Second", kind="other")

    layer_delete(layer=first)
    Layer.objects.filter(pk=second.pk).delete()

    assert not Feature.objects.exists()

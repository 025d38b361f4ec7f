"""The OSM import reads a real extract (tests/basemap/data, ODbL) into the base map and
the gazetteer, and refuses what it cannot use without changing anything."""

from collections import Counter

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from basemap.models import BasemapFeature, BasemapVersion, Place
from basemap.osm import OSM_ATTRIBUTION
from basemap.services import BasemapImportError, basemap_import
from layers import hooks
from layers.services import layer_delete
from tests.basemap.conftest import EXTRACT, KIRCHBERG
from tests.layers.planner_data import district_layer

pytestmark = pytest.mark.django_db


def test_a_real_extract_becomes_streets_buildings_and_addresses(kirchberg):
    kinds = Counter(BasemapFeature.objects.values_list("kind", "klass"))
    assert kinds[("building", "")] == 32
    assert kinds[("street", "minor")] == 4
    assert kinds[("street", "service")] == 8
    assert kinds[("street", "path")] == 2
    goethe = BasemapFeature.objects.filter(kind="street", name="Goethestraße").get()
    assert goethe.geom.geom_type == "LineString"
    assert goethe.geom.extent[0] == pytest.approx(10.0703, abs=0.002)

    places = Counter(Place.objects.values_list("kind", flat=True))
    assert places == {"address": 16, "street": 3}
    address = Place.objects.get(name="Haydnstraße 5")
    assert (address.norm, address.street_norm, address.housenumber) == (
        "haydnstr 5",
        "haydnstr",
        "5",
    )
    assert address.geom.x == pytest.approx(10.0695, abs=0.0005)
    assert address.geom.y == pytest.approx(48.1357, abs=0.0005)

    assert kirchberg.attribution == OSM_ATTRIBUTION
    assert (kirchberg.source, kirchberg.features, kirchberg.places) == (
        "kirchberg_iller.osm",
        46,
        19,
    )


def test_importing_again_replaces_the_base_map(kirchberg):
    again = basemap_import(path=EXTRACT)
    assert again.pk > kirchberg.pk
    assert BasemapFeature.objects.count() == 46
    assert Place.objects.count() == 19


def test_an_extract_of_another_place_is_refused_and_changes_nothing(kirchberg, settings):
    settings.CITY_BBOX = (12.25, 51.27, 12.50, 51.42)
    with pytest.raises(BasemapImportError, match="inside Auenstadt"):
        basemap_import(path=EXTRACT)
    assert BasemapFeature.objects.count() == 46
    assert BasemapVersion.objects.count() == 1


def test_a_broken_file_is_refused_with_its_name(tmp_path, settings):
    settings.CITY_BBOX = KIRCHBERG
    broken = tmp_path / "city.osm"
    broken.write_text("<osm><node id='1' lat='48.1' lon=")
    with pytest.raises(BasemapImportError, match="city.osm"):
        basemap_import(path=broken)
    other = tmp_path / "city.geojson"
    other.write_text("{}")
    with pytest.raises(BasemapImportError, match=r"\.osm\.pbf or \.osm"):
        basemap_import(path=other)
    assert not BasemapVersion.objects.exists()


def test_only_planners_import(resident, planner, settings):
    settings.CITY_BBOX = KIRCHBERG
    with pytest.raises(PermissionDenied, match="planners"):
        basemap_import(path=EXTRACT, user=resident)
    assert basemap_import(path=EXTRACT, user=planner).features == 46


def test_the_command_reports_what_it_imported_and_refuses_loudly(settings, capsys):
    settings.CITY_BBOX = KIRCHBERG
    call_command("import_basemap", str(EXTRACT))
    assert "46 features, 19 places from kirchberg_iller.osm" in capsys.readouterr().out
    with pytest.raises(CommandError, match="not an OpenStreetMap extract"):
        call_command("import_basemap", "streets.shp")


def test_the_gazetteer_follows_the_district_layer(kirchberg):
    layer = district_layer()
    hooks.run_after_bulk_change()  # what an import of the layer runs when it is done
    assert set(Place.objects.filter(kind="district").values_list("name", flat=True)) == {
        "Westend",
        "Ostend",
    }
    layer_delete(layer=layer)
    assert not Place.objects.filter(kind="district").exists()

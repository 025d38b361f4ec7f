"""What the map pages learn about the base map and the search (frontend/pages/basemap.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from config.csp import policy
from tests.frontend.test_pages import page_config

pytestmark = pytest.mark.django_db


def test_before_an_import_there_is_no_base_map_and_search_asks_the_gazetteer():
    config = page_config(Client().get("/"))
    assert config["basemap"] is None
    assert config["geocoder"] == {"kind": "local", "url": reverse("api:place-search")}


def test_after_an_import_the_map_gets_versioned_tiles_and_the_attribution(kirchberg):
    config = page_config(Client().get("/"))
    assert config["basemap"]["url"] == f"/tiles/basemap/{{z}}/{{x}}/{{y}}.pbf?v={kirchberg.pk}"
    assert config["basemap"]["attribution"] == "© OpenStreetMap contributors (ODbL)"
    assert config["basemap"]["script"].endswith("protomaps-leaflet.js")


def test_a_raster_tile_server_takes_precedence(kirchberg, settings):
    settings.BASEMAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    config = page_config(Client().get("/"))
    assert config["basemap"] is None
    assert config["tiles"]["url"] == settings.BASEMAP_TILE_URL


def test_an_external_geocoder_is_named_to_the_page_and_allowed_by_the_csp(settings):
    settings.GEOCODER_URL = "https://photon.example.org/api"
    settings.GEOCODER_KIND = "photon"
    config = page_config(Client().get("/"))
    assert config["geocoder"] == {"kind": "photon", "url": "https://photon.example.org/api"}
    connect = policy(tile_url="", geocoder_url=settings.GEOCODER_URL)["DIRECTIVES"]["connect-src"]
    assert connect == ["'self'", "https://photon.example.org"]
    assert policy(tile_url="")["DIRECTIVES"]["connect-src"] == ["'self'"]


def test_the_mediators_small_maps_get_the_same_base_map(kirchberg, mediator):
    """The review queue's claims maps (rounds/map.js) draw the base map under the claims."""
    client = Client()
    client.force_login(mediator)
    config = page_config(client.get(reverse("frontend:review")))
    assert config["base"]["basemap"]["url"].endswith(f"?v={kirchberg.pk}")
    assert config["base"]["tiles"] is None

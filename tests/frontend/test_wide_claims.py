"""The map page lists the claims about a whole district or the city beside the map, with a
count per district (German by default), and offers those scopes in the drawing form."""

import pytest
from django.test import Client

from proposals.services import proposal_create
from tests.layers.planner_data import district_layer

pytestmark = pytest.mark.django_db


def wide(author, title, scope, district_id=None):
    return proposal_create(
        author=author,
        kind="proposal",
        category="mobility",
        title=title,
        scope=scope,
        district_id=district_id,
    )


def test_the_map_page_lists_wide_claims_with_counts_per_district(resident):
    layer = district_layer()
    westend = layer.features.get(name="Westend")
    wide(resident, "Tempo 30 in ganz Westend", "district", westend.pk)
    wide(resident, "Mehr Bänke in der ganzen Stadt", "city")
    page = Client().get("/").content.decode()
    section = page.split('id="wide-claims"')[1].split("</section>")[0]
    assert "Tempo 30 in ganz Westend" in section
    assert "Mehr Bänke in der ganzen Stadt" in section
    assert "Westend: 1 Vorschlag" in section
    assert "Ostend: 0 Vorschläge" in section
    assert "Ganze Stadt: 1 Vorschlag" in section


def test_the_drawing_form_offers_the_district_and_city_scopes(resident):
    district_layer()
    client = Client()
    client.force_login(resident)
    page = client.get("/").content.decode()
    assert 'name="scope" value="district"' in page
    assert 'name="scope" value="city"' in page
    assert '<option value="' in page.split('id="draw-district"')[1]


def test_without_districts_only_the_city_scope_is_offered(resident):
    client = Client()
    client.force_login(resident)
    page = client.get("/").content.decode()
    assert 'name="scope" value="district"' not in page
    assert 'name="scope" value="city"' in page
    assert "Noch keine Vorschläge zu einem ganzen Stadtteil oder der ganzen Stadt." in page

"""District and zoning on the pages: a pin's page, the list and the filter form."""

import re

import pytest
import shapely
from django.contrib.gis.geos import Point
from django.test import Client
from django.urls import reverse

from layers.outlines import district_outline
from layers.services import layer_import, zoning_rules_set
from proposals.hooks import outline_providers
from proposals.services import proposal_create
from tests.layers.files import at, frame, square, to_lonlat, write_gpkg, zones_frame

from .test_pages import page_config

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def city(tmp_path):
    """Zones WA on x 0..100 m and GE on 100..200 m (y 0..100 m); district Nord covers WA,
    Süd covers GE. Housing is allowed in WA, not in GE; green space in WA with conditions."""
    zones = write_gpkg(tmp_path / "zones.gpkg", {"zones": zones_frame()})
    zoning = layer_import(
        path=zones, name="Zoning", kind="zoning", zone_field="zone", in_effect=True
    )
    zoning_rules_set(
        layer=zoning,
        matrix={
            "WA": {"housing": "compatible", "green_space": "conditional"},
            "GE": {"housing": "incompatible"},
        },
    )
    districts = frame(
        [
            {"name": "Nord", "geometry": square(0, 0, 100)},
            {"name": "Süd", "geometry": square(100, 0, 100)},
        ]
    )
    path = write_gpkg(tmp_path / "districts.gpkg", {"districts": districts})
    layer = layer_import(path=path, name="Districts", kind="district", name_field="name")
    return {
        "nord": layer.features.get(name="Nord"),
        "sued": layer.features.get(name="Süd"),
    }


def pin(user, title, geom_utm, category="housing"):
    return proposal_create(
        author=user, kind="proposal", category=category, title=title, geom=to_lonlat(geom_utm)
    )


def pin_outside_the_districts(user, title, geom_utm):
    """A pin from before the district layer existed: new pins outside every district are
    refused (proposals.geometry.claim_place_check), old ones stay."""
    with outline_providers.replace_temporarily(district_outline, lambda **kwargs: None):
        return pin(user, title, geom_utm)


def zoning_section(response) -> str:
    html = response.content.decode()
    start = html.index('id="zoning"')
    return html[start : html.index("</section>", start)]


def zone_rows(section: str) -> list[tuple[str, ...]]:
    """The cells of the zones table, row by row."""
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    return [
        tuple(
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        )
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_pin_page_shows_the_district_and_the_area_share_of_each_zone(client, city, resident):
    # 30 m of the 40 m wide square lie in WA, 10 m in GE.
    proposal = pin(resident, "Homes by the border", shapely.box(*at(70, 10), *at(110, 50)))

    response = client.get(f"/proposals/{proposal.pk}/")

    assert response.status_code == 200
    section = zoning_section(response)
    assert "Nord" in section  # the district with the largest share
    assert "Share of its area" in section
    assert zone_rows(section) == [("WA", "75 %", "allowed"), ("GE", "25 %", "not allowed")]
    # The worst verdict of the zones it touches decides the badge.
    assert 'class="compat compat-incompatible"' in section
    assert "Not allowed by zoning" in section


def test_pin_page_shows_the_length_share_of_a_line(client, city, resident):
    line = shapely.LineString([at(20, 50), at(120, 50)])
    proposal = pin(resident, "Cycle lane", line, category="green_space")

    section = zoning_section(client.get(f"/proposals/{proposal.pk}/"))

    assert "Share of its length" in section
    # Green space is allowed with conditions in WA; GE has no rule for it.
    assert zone_rows(section) == [
        ("WA", "80 %", "allowed with conditions"),
        ("GE", "20 %", "no rule"),
    ]
    assert "Allowed with conditions" in section  # conditional ranks worse than no rule


def test_pin_page_shows_the_zone_of_a_point_without_a_share(client, city, resident):
    proposal = pin(resident, "Flats on the yard", shapely.Point(at(150, 50)))

    section = zoning_section(client.get(f"/proposals/{proposal.pk}/"))

    assert "The point lies in:" in section
    assert zone_rows(section) == [("GE", "not allowed")]  # the zone, no share
    assert "%" not in section
    assert "Süd" in section


def test_pin_page_says_when_no_rule_applies(client, city, resident):
    proposal = pin(resident, "Bus stop", shapely.Point(at(50, 50)), category="mobility")

    section = zoning_section(client.get(f"/proposals/{proposal.pk}/"))

    assert zone_rows(section) == [("WA", "no rule")]
    assert 'class="compat compat-unknown"' in section
    assert "No zoning rule" in section


def test_pin_page_outside_every_zone_says_so(client, city, resident):
    proposal = pin_outside_the_districts(resident, "Far away", shapely.Point(at(900, 900)))

    section = zoning_section(client.get(f"/proposals/{proposal.pk}/"))

    assert "outside every zone" in section
    assert "District:" not in section


def test_pin_page_without_any_layer_shows_no_zoning_section(client, resident):
    proposal = proposal_create(
        author=resident,
        kind="proposal",
        category="housing",
        title="Before the planners came",
        geom=Point(12.37, 51.34, srid=4326),
    )

    response = client.get(f"/proposals/{proposal.pk}/")

    assert response.status_code == 200
    assert 'id="zoning"' not in response.content.decode()


def test_pin_page_links_its_district_to_the_filtered_list(client, city, resident):
    proposal = pin(resident, "Homes", shapely.Point(at(50, 50)))

    html = client.get(f"/proposals/{proposal.pk}/").content.decode()

    assert f'href="/proposals/?district={city["nord"].pk}"' in html


def test_district_names_from_a_layer_are_escaped_on_the_pin_page(client, city, resident):
    city["nord"].__class__.objects.filter(pk=city["nord"].pk).update(name="<b>x</b>")
    proposal = pin(resident, "Homes", shapely.Point(at(50, 50)))

    html = client.get(f"/proposals/{proposal.pk}/").content.decode()

    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


# --- list page and filters -------------------------------------------------------------------


@pytest.fixture
def pins(city, resident):
    return {
        "wa": pin(resident, "Homes in WA", shapely.Point(at(50, 50))),
        "ge": pin(resident, "Homes in GE", shapely.Point(at(150, 50))),
        "out": pin_outside_the_districts(resident, "Homes outside", shapely.Point(at(900, 900))),
    }


def result_titles(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    titles = [t for t in ("Homes in WA", "Homes in GE", "Homes outside") if f">{t}</a>" in html]
    return sorted(titles)


def test_list_filtered_by_district_shows_only_its_pins(client, city, pins):
    response = client.get("/proposals/", {"district": city["sued"].pk})

    assert result_titles(response) == ["Homes in GE"]
    html = response.content.decode()
    assert f'<option value="{city["sued"].pk}" selected>Süd</option>' in html


def test_list_filtered_by_compatibility_shows_only_those_pins(client, pins):
    response = client.get("/proposals/", {"compatibility": "incompatible"})

    assert result_titles(response) == ["Homes in GE"]
    assert '<option value="incompatible" selected>Not allowed by zoning</option>' in (
        response.content.decode()
    )
    assert result_titles(client.get("/proposals/", {"compatibility": "unknown"})) == [
        "Homes outside"
    ]


def test_list_filters_by_district_and_compatibility_together(client, city, pins):
    response = client.get(
        "/proposals/", {"district": city["nord"].pk, "compatibility": "incompatible"}
    )

    assert result_titles(response) == []


def test_list_shows_the_badge_and_district_of_each_pin(client, pins):
    html = client.get("/proposals/").content.decode()

    ge = html[html.index(">Homes in GE</a>") :]
    ge = ge[: ge.index("</article>")]
    assert 'class="compat compat-incompatible"' in ge
    assert "Not allowed by zoning" in ge
    assert "District: Süd" in ge


def test_list_links_to_the_map_with_the_same_overlay_filters(client, city, pins):
    html = client.get(
        "/proposals/", {"district": city["nord"].pk, "compatibility": "compatible"}
    ).content.decode()

    link = html[html.index('id="map-link"') - 300 : html.index('id="map-link"')]
    assert f"district={city['nord'].pk}" in link
    assert "compatibility=compatible" in link
    # The selects carry them, so they are not repeated as hidden fields.
    assert 'type="hidden" name="district"' not in html


def test_a_bad_district_filter_answers_400_with_the_reason(client, city):
    response = client.get("/proposals/", {"district": "north"})

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_map_page_offers_the_district_and_compatibility_filters(client, city):
    response = client.get("/")

    html = response.content.decode()
    assert 'name="district"' in html and ">Nord</option>" in html and ">Süd</option>" in html
    assert 'name="compatibility"' in html
    # The popup's compatibility badge (a server-side label) and district line (script text).
    assert page_config(response)["compatibilities"]["incompatible"] == "Not allowed by zoning"
    german = Client(headers={"accept-language": "de"}).get(reverse("javascript-catalog"))
    assert '"District: %(name)s": "Stadtteil: %(name)s"' in german.content.decode()


def test_map_page_without_layers_has_no_overlay_filters(client):
    html = client.get("/").content.decode()

    assert 'name="district"' not in html
    assert 'name="compatibility"' not in html


def test_a_compatibility_list_from_a_link_stays_selected(client, pins):
    response = client.get("/proposals/", {"compatibility": "compatible,unknown"})

    assert result_titles(response) == ["Homes in WA", "Homes outside"]
    assert '<option value="compatible,unknown" selected>' in response.content.decode()


def test_the_zoning_words_are_german_by_default(city, resident):
    proposal = pin(resident, "Wohnungen", shapely.Point(at(150, 50)))

    section = zoning_section(Client().get(f"/proposals/{proposal.pk}/"))

    assert "Laut Bebauungsplan unzulässig" in section
    assert zone_rows(section) == [("GE", "unzulässig")]
    assert "Stadtteil:" in section


def test_planner_can_export_the_pins_of_one_district(city, pins, planner):
    client = Client(headers={"accept-language": "en"})
    client.force_login(planner)

    html = client.get("/planner/").content.decode()
    assert 'id="export-district"' in html
    assert f'<option value="{city["sued"].pk}">Süd</option>' in html
    response = client.get("/api/export/proposals.csv", {"district": city["sued"].pk})

    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Homes in GE" in body.decode() and "Homes in WA" not in body.decode()


def test_a_zone_code_links_to_the_legend_that_names_it_and_says_what_it_allows(
    client, city, resident, tmp_path
):
    path = write_gpkg(tmp_path / "named.gpkg", {"zones": zones_frame()})
    layer = layer_import(
        path=path,
        name="Plan",
        kind="zoning",
        zone_field="zone",
        name_field="label",
        in_effect=True,
    )
    zoning_rules_set(layer=layer, matrix={"WA": {"housing": "compatible"}})
    proposal = pin(resident, "Homes", shapely.box(*at(10, 10), *at(50, 50)))

    section = zoning_section(client.get(reverse("frontend:proposal-detail", args=[proposal.pk])))
    anchor = f"zone-{layer.slug}-wa"
    assert f'<a href="/zoning/#{anchor}">WA – Residential</a>' in section

    legend = client.get(reverse("frontend:zoning-legend")).content.decode()
    row = legend[legend.index(f'id="{anchor}"') :]
    row = row[: row.index("</tr>")]
    assert "WA – Residential" in row
    assert '<td class="verdict-compatible">allowed</td>' in row  # housing, the first category
    assert '<td class="verdict-none">no rule</td>' in row

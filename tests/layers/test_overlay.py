"""Overlay of proposals on zoning and district layers, checked against hand-computed shares.

Zones (EPSG:25833, metres from ORIGIN): WA = [0,100]x[0,100], GE = [100,200]x[0,100].
"""

import pytest
import shapely

from layers.models import Compatibility, ProposalOverlay
from layers.overlay import overlay_refresh
from layers.services import layer_delete, layer_import, zoning_rules_set
from proposals.models import Category
from proposals.services import proposal_create, proposal_update

from .files import at, frame, square, to_lonlat, write_gpkg

pytestmark = pytest.mark.django_db


@pytest.fixture
def zoning(zones_gpkg):
    return layer_import(
        path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone", in_effect=True
    )


@pytest.fixture
def districts(tmp_path):
    gdf = frame(
        [
            {"name": "Altstadt", "pop": 1000, "geometry": square(0, 0, 120)},
            {"name": "Neustadt", "pop": 5000, "geometry": shapely.box(*at(120, 0), *at(400, 120))},
        ]
    )
    path = write_gpkg(tmp_path / "districts.gpkg", {"districts": gdf})
    return layer_import(
        path=path, name="Districts", kind="district", name_field="name", population_field="pop"
    )


def pin(author, geom_utm, category=Category.HOUSING):
    return proposal_create(
        author=author, kind="proposal", category=category, title="Here", geom=to_lonlat(geom_utm)
    )


def zones_of(proposal) -> dict[str, float]:
    overlay = ProposalOverlay.objects.get(proposal=proposal)
    return {z["zone_code"]: z["share"] for z in overlay.zones}


def test_square_half_in_each_zone_has_shares_half_and_half(zoning, resident):
    proposal = pin(resident, square(50, 0, 100))

    assert zones_of(proposal) == {"WA": pytest.approx(0.5), "GE": pytest.approx(0.5)}
    zones = ProposalOverlay.objects.get(proposal=proposal).zones
    assert {z["layer"] for z in zones} == {"zoning"}


def test_square_partly_outside_every_zone_counts_only_the_inside(zoning, resident):
    proposal = pin(resident, square(150, 0, 100))  # x 150..250: half in GE, half outside

    assert zones_of(proposal) == {"GE": pytest.approx(0.5)}


def test_line_share_is_by_length(zoning, resident):
    line = shapely.LineString([at(50, 50), at(200, 50)])  # 50 m in WA, 100 m in GE

    proposal = pin(resident, line)

    assert zones_of(proposal) == {
        "WA": pytest.approx(1 / 3, abs=1e-4),
        "GE": pytest.approx(2 / 3, abs=1e-4),
    }


def test_point_belongs_to_the_zone_that_contains_it(zoning, resident):
    proposal = pin(resident, shapely.Point(at(150, 30)))

    assert zones_of(proposal) == {"GE": 1.0}


def test_area_that_only_touches_a_zone_does_not_count_it(zoning, resident):
    proposal = pin(resident, square(200, 0, 50))  # shares GE's right edge, no area

    assert zones_of(proposal) == {}
    assert ProposalOverlay.objects.get(proposal=proposal).compatibility == Compatibility.UNKNOWN


def test_compatibility_is_the_worst_verdict_of_the_touched_zones(zoning, resident):
    zoning_rules_set(
        layer=zoning,
        matrix={"WA": {"housing": "compatible"}, "GE": {"housing": "incompatible"}},
    )
    inside_wa = pin(resident, square(10, 10, 20))
    across = pin(resident, square(50, 0, 100))
    green_in_wa = pin(resident, square(10, 10, 20), category=Category.GREEN_SPACE)

    def compatibility(p):
        return ProposalOverlay.objects.get(proposal=p).compatibility

    assert compatibility(inside_wa) == Compatibility.COMPATIBLE
    assert compatibility(across) == Compatibility.INCOMPATIBLE
    assert compatibility(green_in_wa) == Compatibility.UNKNOWN  # no rule for green space
    verdicts = {
        z["zone_code"]: z["verdict"] for z in ProposalOverlay.objects.get(proposal=across).zones
    }
    assert verdicts == {"WA": "compatible", "GE": "incompatible"}


def test_missing_rule_ranks_below_conditional(zoning, resident):
    zoning_rules_set(layer=zoning, matrix={"WA": {"housing": "conditional"}})
    across = pin(resident, square(50, 0, 100))  # WA conditional, GE without a rule

    assert ProposalOverlay.objects.get(proposal=across).compatibility == "conditional"


def test_rule_change_updates_existing_overlays(zoning, resident):
    proposal = pin(resident, square(10, 10, 20))
    assert ProposalOverlay.objects.get(proposal=proposal).compatibility == "unknown"

    zoning_rules_set(layer=zoning, matrix={"WA": {"housing": "incompatible"}})

    overlay = ProposalOverlay.objects.get(proposal=proposal)
    assert overlay.compatibility == "incompatible"
    assert overlay.zones == [
        {"layer": "zoning", "zone_code": "WA", "share": 1.0, "verdict": "incompatible"}
    ]


def test_moving_a_proposal_recomputes_its_overlay(zoning, resident):
    proposal = pin(resident, square(10, 10, 20))
    assert zones_of(proposal) == {"WA": 1.0}

    proposal_update(proposal=proposal, user=resident, geom=to_lonlat(square(110, 10, 20)))

    assert zones_of(proposal) == {"GE": 1.0}


def test_changing_the_category_recomputes_the_verdict(zoning, resident):
    zoning_rules_set(
        layer=zoning, matrix={"WA": {"housing": "compatible", "mobility": "incompatible"}}
    )
    proposal = pin(resident, square(10, 10, 20))

    proposal_update(proposal=proposal, user=resident, category=Category.MOBILITY)

    assert ProposalOverlay.objects.get(proposal=proposal).compatibility == "incompatible"


def test_district_is_the_one_with_the_largest_share(districts, resident):
    proposal = pin(resident, square(50, 0, 100))  # 70 m in Altstadt, 30 m in Neustadt

    overlay = ProposalOverlay.objects.get(proposal=proposal)
    assert overlay.district_name == "Altstadt"
    assert overlay.district.layer == districts
    assert overlay.zones == []  # districts are not zones


def test_importing_a_layer_computes_overlays_of_existing_proposals(zones_gpkg, resident):
    proposal = pin(resident, square(50, 0, 100))
    assert zones_of(proposal) == {}

    layer_import(path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone", in_effect=True)

    assert zones_of(proposal) == {"WA": 0.5, "GE": 0.5}


def test_deleting_a_layer_clears_it_from_overlays(zoning, districts, resident):
    proposal = pin(resident, square(50, 0, 100))

    layer_delete(layer=zoning)
    assert zones_of(proposal) == {}
    assert ProposalOverlay.objects.get(proposal=proposal).district_name == "Altstadt"

    layer_delete(layer=districts)
    overlay = ProposalOverlay.objects.get(proposal=proposal)
    assert (overlay.district, overlay.district_name) == (None, "")


def test_refresh_of_all_proposals_is_idempotent(zoning, resident):
    first = pin(resident, square(50, 0, 100))
    second = pin(resident, shapely.Point(at(10, 10)))

    assert overlay_refresh() == 2
    assert overlay_refresh() == 2
    assert zones_of(first) == {"WA": 0.5, "GE": 0.5}
    assert zones_of(second) == {"WA": 1.0}


def test_the_report_counts_the_verdicts_a_rule_less_zoning_layer_changes(
    zoning, resident, zones_gpkg
):
    zoning_rules_set(layer=zoning, matrix={"WA": {Category.HOUSING: "compatible"}})
    housing = pin(resident, square(10, 10, 20))
    assert ProposalOverlay.objects.get(proposal=housing).compatibility == "compatible"

    # put into effect at once (import_layer --yes): the changes are counted after the fact
    second = layer_import(
        path=zones_gpkg, name="Zoning 2", kind="zoning", zone_field="zone", in_effect=True
    )

    assert ProposalOverlay.objects.get(proposal=housing).compatibility == "unknown"
    assert second.report["side_effects"] == {
        "compatibility_changed": 1,
        "now_unknown": 1,
        "district_changed": 0,
        "transitions": [{"from": "compatible", "to": "unknown", "count": 1}],
    }


def test_the_authoritative_district_layer_is_an_explicit_choice(
    districts, resident, planner, tmp_path, client
):
    from tests.conftest import client_for

    proposal = pin(resident, square(10, 10, 20))
    assert ProposalOverlay.objects.get(proposal=proposal).district_name == "Altstadt"
    newer = frame([{"name": "Ortsteil Mitte", "geometry": square(-500, -500, 2000)}])
    ortsteile = layer_import(
        path=write_gpkg(tmp_path / "ortsteile.gpkg", {"o": newer}),
        name="Ortsteile",
        kind="district",
        name_field="name",
    )
    # The first district layer decides; the newer one covers the proposal fully too, but
    # does not take over by being newer (the import's report says nothing changed).
    districts.refresh_from_db()
    assert districts.authoritative and not ortsteile.authoritative
    assert ProposalOverlay.objects.get(proposal=proposal).district_name == "Altstadt"
    assert ortsteile.report["side_effects"]["district_changed"] == 0

    api = client_for(planner)
    response = api.post(f"/api/layers/{ortsteile.slug}/authoritative/")
    assert response.status_code == 200, response.content
    assert response.json()["district_changed"] == 1
    assert ProposalOverlay.objects.get(proposal=proposal).district_name == "Ortsteil Mitte"
    listed = {layer["slug"]: layer["authoritative"] for layer in api.get("/api/layers/").json()}
    assert listed == {districts.slug: False, ortsteile.slug: True}

    assert (
        client_for(resident).post(f"/api/layers/{districts.slug}/authoritative/").status_code == 403
    )
    # no choice: the largest share decides, equal shares go to the older layer
    assert (
        api.delete(f"/api/layers/{ortsteile.slug}/authoritative/").json()["district_changed"] == 1
    )
    assert ProposalOverlay.objects.get(proposal=proposal).district_name == "Altstadt"

"""Proposals filtered by the overlay: ?compatibility= and ?district= on the proposals API."""

import pytest

from layers.services import layer_import, zoning_rules_set
from proposals.services import proposal_create
from tests.layers.files import frame, square, to_lonlat, write_gpkg

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(zones_gpkg, tmp_path, resident):
    """WA allows housing, GE forbids it; district Nord covers WA, Süd covers GE."""
    zoning = layer_import(
        path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone", in_effect=True
    )
    zoning_rules_set(
        layer=zoning, matrix={"WA": {"housing": "compatible"}, "GE": {"housing": "incompatible"}}
    )

    def pin(title, geom):
        return proposal_create(
            author=resident, kind="proposal", category="housing", title=title, geom=geom
        )

    # Pinned before the districts exist: once they do, a pin outside them is refused.
    nowhere = pin("Homes outside", to_lonlat(square(500, 500, 20)))
    gdf = frame(
        [
            {"name": "Nord", "geometry": square(0, 0, 100)},
            {"name": "Süd", "geometry": square(100, 0, 100)},
        ]
    )
    path = write_gpkg(tmp_path / "d.gpkg", {"districts": gdf})
    districts = layer_import(path=path, name="Districts", kind="district", name_field="name")
    return {
        "homes": pin("Homes in WA", to_lonlat(square(10, 10, 20))),
        "factory": pin("Homes in GE", to_lonlat(square(110, 10, 20))),
        "nowhere": nowhere,
        "nord": districts.features.get(name="Nord"),
    }


def titles(api, **params):
    response = api.get("/api/proposals/", params)
    assert response.status_code == 200, response.content
    return sorted(f["properties"]["title"] for f in response.json()["features"])


def test_filter_by_compatibility(api, city):
    assert titles(api, compatibility="incompatible") == ["Homes in GE"]
    assert titles(api, compatibility="compatible,unknown") == ["Homes in WA", "Homes outside"]


def test_filter_by_district(api, city):
    assert titles(api, district=city["nord"].pk) == ["Homes in WA"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [({"compatibility": "forbidden"}, "compatibility"), ({"district": "north"}, "district")],
)
def test_bad_overlay_filters_answer_400_naming_the_parameter(api, city, params, parameter):
    response = api.get("/api/proposals/", params)

    assert response.status_code == 400
    assert parameter in response.json()


def test_map_features_carry_their_district_and_compatibility(api, city):
    response = api.get("/api/proposals/")

    assert response.status_code == 200
    properties = {
        f["properties"]["title"]: (
            f["properties"]["district_name"],
            f["properties"]["compatibility"],
        )
        for f in response.json()["features"]
    }
    assert properties == {
        "Homes in WA": ("Nord", "compatible"),
        "Homes in GE": ("Süd", "incompatible"),
        "Homes outside": ("", "unknown"),
    }


def test_a_pins_detail_feature_carries_its_district_and_compatibility(api, city):
    response = api.get(f"/api/proposals/{city['factory'].pk}/")

    assert response.status_code == 200
    properties = response.json()["properties"]
    assert (properties["district_name"], properties["compatibility"]) == ("Süd", "incompatible")

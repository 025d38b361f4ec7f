"""XPlanung in, with real plans of the xplanbox project (tests/layers/data/xplanbox, AGPL-3.0,
see its README): read without network, listed with their plan, refused by the coordinate
check where they lie (far from the test city) unless confirmed, then imported with BauNVO
names. They are copied to a temporary folder first: GDAL writes a .gfs next to what it reads.
"""

import shutil
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from layers import xplanung
from layers.models import Layer
from layers.services import layer_import, layer_list_layers

from .test_xplanung import no_network  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "xplanbox"


@pytest.fixture
def plan(tmp_path, request) -> Path:
    return Path(shutil.copy(DATA / request.param, tmp_path / request.param))


@pytest.mark.parametrize(
    ("plan", "classes", "plan_facts"),
    [
        (
            "BPlan002_5-4.gml",
            {"BP_Plan": 1, "BP_BaugebietsTeilFlaeche": 3, "BP_GruenFlaeche": 2, "SO_Gebiet": 2},
            {"version": "5.4", "type": "BP", "legal_status_name": "Satzung"},
        ),
        (
            "FNP_Insel-Test.gml",
            {"FP_Plan": 1, "FP_BebauungsFlaeche": 1, "FP_Landwirtschaft": 1},
            {"version": "5.2", "type": "FP", "name": "FNP Insel-Test"},
        ),
        (
            "BPlan_Wirksamkeit_6-0-2_valide.gml",
            {"BP_Plan": 1, "BP_GruenFlaeche": 2, "BP_GemeinbedarfsFlaeche": 1},
            {"version": "6.0", "type": "BP", "legal_status_name": "Satzung"},
        ),
    ],
    indirect=["plan"],
)
def test_a_real_plan_is_listed_with_its_classes_and_plan(plan, classes, plan_facts, no_network):  # noqa: F811
    layers = {entry["name"]: entry for entry in layer_list_layers(plan)}

    assert {name: layers[name]["feature_count"] for name in classes} == classes
    listed_plan = next(iter(layers.values()))["plan"]
    assert {key: listed_plan[key] for key in plan_facts} == plan_facts
    assert all(entry["crs"] == "EPSG:25832" for entry in layers.values() if entry.get("crs"))


@pytest.mark.parametrize("plan", ["BPlan002_5-4.gml"], indirect=True)
def test_a_real_plan_far_from_the_city_is_refused_until_confirmed(plan, no_network):  # noqa: F811
    options = {
        "path": plan,
        "name": "BPlan002",
        "kind": "zoning",
        "zone_field": xplanung.ZONE_FIELD,
        "layer_name": "BP_BaugebietsTeilFlaeche",
    }
    with pytest.raises(ValidationError) as refused:
        layer_import(**options)
    assert "outside" in str(refused.value)
    assert not Layer.objects.exists()

    layer = layer_import(**options, confirm_outside=True)

    assert layer.feature_count == 3
    assert dict(layer.features.values_list("zone_code", "name")) == {
        "WA": "WA – Allgemeines Wohngebiet",  # besondereArtDerBaulNutzung 1200
        "MI": "MI – Mischgebiet",  # 1500
        "GE": "GE – Gewerbegebiet",  # 1700
    }
    assert layer.report["plan"]["version"] == "5.4"


@pytest.mark.parametrize("plan", ["FNP_Insel-Test.gml"], indirect=True)
def test_a_real_fnp_takes_the_special_use_over_the_general_one(plan, no_network):  # noqa: F811
    layer = layer_import(
        path=plan,
        name="FNP Insel",
        kind="zoning",
        zone_field=xplanung.ZONE_FIELD,
        layer_name="FP_BebauungsFlaeche",
        confirm_outside=True,
    )

    # besondereArtDerBaulNutzung 1400 (Dorfgebiet) wins over allgArtDerBaulNutzung 2000.
    assert list(layer.features.values_list("zone_code", "name")) == [("MD", "MD – Dorfgebiet")]

"""Side effects made visible (issue 11): a new zoning layer is imported but not in effect
until a planner confirms it, having seen how many proposals' verdicts it would change;
the first district layer decides the districts, a later one only when chosen.

Zones (EPSG:25833, metres from ORIGIN): WA = [0,100]x[0,100], GE = [100,200]x[0,100].
"""

import io

import pytest
import shapely
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from layers.models import Layer, ProposalOverlay
from layers.services import layer_import, zoning_rules_set
from proposals.models import Category
from proposals.services import proposal_create
from tests.conftest import client_for

from .files import at, frame, square, to_lonlat, write_gpkg

pytestmark = pytest.mark.django_db


def pin(author, geom_utm, category=Category.HOUSING):
    return proposal_create(
        author=author, kind="proposal", category=category, title="Here", geom=to_lonlat(geom_utm)
    )


def compatibility(proposal) -> str:
    return ProposalOverlay.objects.get(proposal=proposal).compatibility


@pytest.fixture
def zoning_in_effect(zones_gpkg):
    layer = layer_import(
        path=zones_gpkg, name="Zoning", kind="zoning", zone_field="zone", in_effect=True
    )
    zoning_rules_set(
        layer=layer,
        matrix={
            "WA": {Category.HOUSING: "compatible", Category.GREEN_SPACE: "compatible"},
            "GE": {Category.HOUSING: "incompatible"},
        },
    )
    return layer


@pytest.fixture
def claims(zoning_in_effect, resident):
    """Three housing claims in WA, one in GE, one green space in WA, one outside both."""
    return {
        "wa": [pin(resident, square(10 + 25 * i, 10, 10)) for i in range(3)],
        "ge": pin(resident, square(150, 10, 10)),
        "green": pin(resident, square(10, 60, 10), Category.GREEN_SPACE),
        "outside": pin(resident, shapely.Point(at(500, 500))),
    }


def upload(api, path, name="New plan", **fields):
    """The planner page's upload, run in the request (no broker in tests)."""
    return api.post(
        "/api/layers/",
        {
            "file": SimpleUploadedFile("plan.gpkg", path.read_bytes()),
            "name": name,
            "kind": "zoning",
            "zone_field": "zone",
            **fields,
        },
        format="multipart",
    )


@pytest.fixture
def new_plan(tmp_path):
    """A revised plan: the west half is now MI (no rules yet), the east stays GE."""
    zones = frame(
        [
            {"zone": "MI", "geometry": square(0, 0, 100)},
            {"zone": "GE", "geometry": square(100, 0, 100)},
        ]
    )
    return write_gpkg(tmp_path / "plan.gpkg", {"zones": zones})


def test_an_uploaded_zoning_layer_waits_and_shows_what_it_would_change(
    planner_api, claims, new_plan, django_capture_on_commit_callbacks
):
    touched = [*claims["wa"], claims["ge"], claims["green"]]
    before = [compatibility(p) for p in touched]
    assert before == ["compatible"] * 3 + ["incompatible", "compatible"]

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(planner_api, new_plan)
    assert response.status_code == 202, response.content
    slug = response.json()["slug"]
    layer = planner_api.get(f"/api/layers/{slug}/").json()

    assert layer["state"] == "done" and layer["in_effect"] is False
    # nothing changed for anyone yet
    assert [compatibility(p) for p in touched] == before
    pending = layer["report"]["pending_effects"]
    # the MI half has no rules: the 4 compatible claims in WA would turn unknown; the GE
    # claim stays incompatible (the old layer's rule still applies, the worst counts)
    assert pending["proposals"] == 5
    assert pending["compatibility_changed"] == 4
    assert pending["now_unknown"] == 4
    assert pending["transitions"] == [{"from": "compatible", "to": "unknown", "count": 4}]
    assert layer["urls"]["effects"] == f"/api/layers/{slug}/effects/"
    assert "side_effects" not in layer["report"] or not layer["report"]["side_effects"]

    # counted again on demand, with the same result
    fresh = planner_api.get(f"/api/layers/{slug}/effects/").json()
    assert fresh["compatibility_changed"] == 4 and fresh["proposals"] == 5


def test_rules_set_before_confirming_shrink_the_count_and_confirming_applies_it(
    planner_api, claims, new_plan, django_capture_on_commit_callbacks
):
    layer = layer_import(path=new_plan, name="New plan", kind="zoning", zone_field="zone")
    assert layer.in_effect is False
    response = planner_api.put(
        f"/api/layers/{layer.slug}/rules/",
        {"MI": {"housing": "compatible"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    # only the green claim in MI lacks a rule now
    effects = planner_api.get(f"/api/layers/{layer.slug}/effects/").json()
    assert effects["transitions"] == [{"from": "compatible", "to": "unknown", "count": 1}]
    layer.refresh_from_db()
    assert layer.report["pending_effects"]["compatibility_changed"] == 1  # kept for the page

    with django_capture_on_commit_callbacks(execute=True):
        response = planner_api.post(f"/api/layers/{layer.slug}/in-effect/")
    assert response.status_code == 200, response.content
    assert response.json()["compatibility_changed"] == 1
    assert compatibility(claims["green"]) == "unknown"
    assert {compatibility(p) for p in claims["wa"]} == {"compatible"}
    layer.refresh_from_db()
    assert layer.in_effect
    assert "pending_effects" not in layer.report
    assert layer.report["side_effects"]["now_unknown"] == 1

    again = planner_api.post(f"/api/layers/{layer.slug}/in-effect/")
    assert again.status_code == 400
    assert "already in effect" in str(again.json())


def test_residents_neither_see_nor_confirm_a_waiting_layer(client, resident, claims, new_plan):
    layer = layer_import(path=new_plan, name="New plan", kind="zoning", zone_field="zone")
    public = [entry["slug"] for entry in client.get("/api/layers/").json()]
    assert public == ["zoning"]
    api = client_for(resident)
    assert api.get(f"/api/layers/{layer.slug}/effects/").status_code == 404
    assert api.post(f"/api/layers/{layer.slug}/in-effect/").status_code == 404
    layer.refresh_from_db()
    assert not layer.in_effect
    # nor is it published
    collections = [c["id"] for c in client.get("/ogc/collections?f=json").json()["collections"]]
    assert "zoning" in collections and layer.slug not in collections
    assert client.get(f"/ogc/collections/{layer.slug}?f=json").status_code == 404


def test_only_a_waiting_zoning_layer_can_be_confirmed(planner_api, zoning_in_effect, tmp_path):
    districts = layer_import(
        path=write_gpkg(
            tmp_path / "d.gpkg", {"d": frame([{"name": "A", "geometry": square(0, 0, 50)}])}
        ),
        name="Districts",
        kind="district",
        name_field="name",
    )
    for layer in (zoning_in_effect, districts):
        for response in (
            planner_api.get(f"/api/layers/{layer.slug}/effects/"),
            planner_api.post(f"/api/layers/{layer.slug}/in-effect/"),
        ):
            assert response.status_code == 400, response.content
    assert planner_api.post("/api/layers/nope/in-effect/").status_code == 404


def test_import_layer_shows_the_count_and_leaves_the_layer_waiting(claims, new_plan):
    out = io.StringIO()
    call_command(
        "import_layer", str(new_plan), "--name", "CLI plan", "--kind", "zoning",
        "--zone-field", "zone", "--no-progress", stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    assert "not in effect yet" in text
    assert "would change the verdict of 4 of the 5 live proposals on the layer" in text
    assert "4 from compatible to unknown" in text
    assert "put_layer_in_effect cli-plan" in text
    assert not Layer.objects.get(slug="cli-plan").in_effect
    assert {compatibility(p) for p in claims["wa"]} == {"compatible"}

    with pytest.raises(CommandError, match="--yes"):  # not a terminal: no silent yes
        call_command("put_layer_in_effect", "cli-plan", stdout=io.StringIO())
    out = io.StringIO()
    call_command("put_layer_in_effect", "cli-plan", "--yes", stdout=out)
    assert "“cli-plan” is in effect" in out.getvalue()
    assert {compatibility(p) for p in claims["wa"]} == {"unknown"}


def test_import_layer_yes_puts_it_into_effect_at_once(claims, new_plan):
    out = io.StringIO()
    call_command(
        "import_layer", str(new_plan), "--name", "CLI plan", "--kind", "zoning",
        "--zone-field", "zone", "--no-progress", "--yes", stdout=out,
    )  # fmt: skip
    assert Layer.objects.get(slug="cli-plan").in_effect
    assert "The verdict of 4 proposals changed" in out.getvalue()
    assert {compatibility(p) for p in claims["wa"]} == {"unknown"}


def test_a_second_district_layer_does_not_take_over_until_chosen(planner_api, resident, tmp_path):
    def gpkg(name, geometry):
        return write_gpkg(
            tmp_path / f"{name}.gpkg", {"d": frame([{"name": name, "geometry": geometry}])}
        )

    def districts(name, geometry):
        return layer_import(
            path=gpkg(name, geometry), name=name, kind="district", name_field="name"
        )

    first = districts("Altstadt", square(0, 0, 120))
    proposal = pin(resident, square(10, 10, 20))
    second = districts("Mitte", square(-500, -500, 2000))  # newer, covers it fully too
    first.refresh_from_db()
    assert first.authoritative and not second.authoritative
    assert ProposalOverlay.objects.get(proposal=proposal).district_name == "Altstadt"
    assert second.report["side_effects"]["district_changed"] == 0

    out = io.StringIO()
    third = str(gpkg("Third", square(0, 0, 50)))
    call_command(
        "import_layer", third, "--name", "Third", "--kind", "district", "--name-field", "name",
        "--no-progress", stdout=out,
    )  # fmt: skip
    assert "Another district layer decides the districts" in out.getvalue()

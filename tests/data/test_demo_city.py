"""manage.py demo_city: loads the demo city once, however often it runs."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from accounts import roles
from accounts.models import User
from data import hotspots
from layers.models import Layer, LayerKind, ProposalOverlay, ZoningRule
from negotiations.models import Round
from proposals import hooks
from proposals.models import Comment, Proposal, Support
from spatial.models import Cluster

DATA = Path(__file__).resolve().parents[2] / "data" / "auenstadt"
LIMIT = 40

pytestmark = pytest.mark.django_db


def load(limit=LIMIT) -> str:
    out = StringIO()
    call_command("demo_city", f"--limit={limit}", stdout=out)
    return out.getvalue()


def expected(limit=LIMIT) -> dict:
    features = json.loads((DATA / "proposals.geojson").read_text(encoding="utf-8"))["features"]
    props = [f["properties"] for f in features[:limit]]
    return {
        "proposals": len(props),
        "supports": sum(len(p["supporters"]) for p in props),
        "comments": sum(len(p["comments"]) for p in props),
    }


def counts() -> dict:
    return {
        "users": User.objects.count(),
        "proposals": Proposal.objects.count(),
        "supports": Support.objects.count(),
        "comments": Comment.objects.count(),
        "layers": Layer.objects.count(),
        "rules": ZoningRule.objects.count(),
        "overlays": ProposalOverlay.objects.count(),
    }


def test_demo_city_loads_the_expected_counts():
    load()
    want = expected()
    got = counts()
    assert got["proposals"] == want["proposals"]
    assert got["supports"] == want["supports"]
    assert got["comments"] == want["comments"]
    assert got["users"] == 4 + 150  # planner, mediator, moderator, admin + residents (anna)
    assert got["rules"] == 8 * 6
    layers = {layer.kind: layer for layer in Layer.objects.all()}
    assert layers[LayerKind.DISTRICT].feature_count == 13
    assert layers[LayerKind.ZONING].feature_count > 200
    assert got["overlays"] == want["proposals"]  # the proposals hooks ran


def test_counters_match_the_rows():
    load()
    for p in Proposal.objects.all():
        assert p.support_count == p.supports.count()
        assert p.comment_count == p.comments.count()


def test_running_twice_duplicates_nothing():
    load()
    first = counts()
    output = load()
    assert counts() == first
    assert "(0 new)" in output


def test_a_larger_run_after_a_smaller_one_adds_only_the_difference():
    load(limit=10)
    load(limit=25)
    assert Proposal.objects.count() == 25
    assert Support.objects.count() == expected(25)["supports"]


def test_demo_accounts_have_their_roles_and_the_printed_passwords():
    output = load(limit=1)
    for username, role in [
        ("anna", None),
        ("paula", roles.PLANNER),
        ("mehmet", roles.MEDIATOR),
        ("moritz", roles.MODERATOR),
    ]:
        user = authenticate(username=username, password=f"{username}-demo")
        assert user is not None, username
        assert list(user.groups.values_list("name", flat=True)) == ([role] if role else [])
        assert not user.is_staff and not user.is_superuser
        assert f"{username}-demo" in output
    admin = authenticate(username="admin", password="admin-demo")
    assert admin.is_superuser and admin.is_staff
    assert "http://127.0.0.1:8000" in output


def test_residents_cannot_sign_in_and_some_hide_their_name():
    load(limit=1)
    residents = User.objects.exclude(username__in=["anna", "paula", "mehmet", "moritz", "admin"])
    assert residents.count() == 149
    assert not any(u.has_usable_password() for u in residents)
    assert residents.filter(show_name_publicly=False).exists()


def test_loaded_proposals_have_their_age_and_their_overlay():
    load()
    oldest = Proposal.objects.order_by("created_at").first()
    newest = Proposal.objects.order_by("-created_at").first()
    assert (newest.created_at - oldest.created_at).days >= 7
    compat = set(ProposalOverlay.objects.values_list("compatibility", flat=True))
    assert compat & {"compatible", "conditional", "incompatible"}
    assert ProposalOverlay.objects.exclude(district_name="").count() == LIMIT


def test_other_apps_hear_once_about_each_supported_proposal():
    heard = []

    def listener(*, proposal, change):
        heard.append((proposal.pk, change, proposal.support_count))

    with hooks.after_proposal_write.register_temporarily(listener, order=100):
        load()
    supported = [(pk, n) for pk, change, n in heard if change == "supported"]
    assert sorted(supported) == sorted(
        Proposal.objects.filter(support_count__gt=0).values_list("pk", "support_count")
    )
    assert sum(change == "created" for _, change, _ in heard) == LIMIT


def test_a_changed_demo_password_survives_a_rerun_unless_reset():
    load(limit=1)
    anna = User.objects.get(username="anna")
    anna.set_password("my-own-secret")
    anna.save()
    load(limit=1)
    assert authenticate(username="anna", password="my-own-secret") is not None
    call_command("demo_city", "--limit=1", "--reset-passwords", stdout=StringIO())
    assert authenticate(username="anna", password="anna-demo") is not None


def test_the_hotspots_become_contested_clusters_with_demo_rounds():
    output = load()
    contested = Cluster.objects.current().filter(contested=True)
    assert contested.count() >= 2
    assert Round.objects.filter(cluster__in=contested).count() == 2
    # about the hotspot they are on, written in the site's language (German)
    places = {hotspot.name for hotspot in hotspots.hotspots()}
    for negotiation_round in Round.objects.all():
        place, _rest = negotiation_round.title.split(": ", 1)
        assert place in places
    assert "(de)" in output
    load()  # the second run adds no rounds
    assert Round.objects.count() == 2
    assert "contested" in output


def test_proposals_not_in_the_file_are_left_alone_and_reported():
    load(limit=5)
    anna = User.objects.get(username="anna")
    Proposal.objects.create(
        author=anna,
        kind="proposal",
        category="other",
        title="Drawn in the app",
        geom=Proposal.objects.first().geom,
    )
    output = load(limit=5)
    assert "1 other proposals by demo residents left as they are" in output
    assert Proposal.objects.filter(title="Drawn in the app").exists()

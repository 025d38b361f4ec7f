"""Download my data and Delete my account (accounts.privacy and what proposals and
negotiations register into it)."""

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model

from accounts import privacy
from negotiations import selectors as round_selectors
from negotiations import services as rounds
from proposals.models import Comment, Proposal, Status, Support
from proposals.services import comment_create, proposal_withdraw, support_add
from tests.factories import ProposalFactory, UserFactory
from tests.negotiations.factories import cluster_create, square

User = get_user_model()


def _person(name):
    return UserFactory(username=name, first_name=name.title(), last_name=f"{name.title()}sdottir")


@pytest.fixture
def two_people(db):
    """anna and bert, each with a pin, a withdrawn pin, a comment and a support on the
    other's pin."""
    anna, bert = _person("anna"), _person("bert")
    pins = {}
    for me in (anna, bert):
        pins[me.username] = ProposalFactory(author=me, title=f"{me.username}'s bench")
        gone = ProposalFactory(author=me, title=f"{me.username}'s old idea")
        proposal_withdraw(proposal=gone, user=me)
    for me, other in ((anna, bert), (bert, anna)):
        comment_create(proposal=pins[other.username], author=me, body=f"{me.username} says hi")
        support_add(proposal=pins[other.username], user=me)
    return anna, bert, pins


def _zip(client, user):
    client.force_login(user)
    response = client.post("/accounts/data/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_export_holds_only_the_requesting_persons_data(two_people, client):
    anna, bert, pins = two_people
    for me, other in ((anna, bert), (bert, anna)):
        archive = _zip(client, me)
        names = set(archive.namelist())
        assert {
            "README.txt",
            "accounts/account.json",
            "proposals/pins.geojson",
            "proposals/comments.json",
            "proposals/supports.json",
            "negotiations/positions.json",
        } <= names
        account = json.loads(archive.read("accounts/account.json"))
        assert account["username"] == me.username and account["email"] == me.email
        pins_geojson = json.loads(archive.read("proposals/pins.geojson"))
        assert pins_geojson["type"] == "FeatureCollection"
        titles = {f["properties"]["title"] for f in pins_geojson["features"]}
        assert titles == {f"{me.username}'s bench", f"{me.username}'s old idea"}
        assert {f["properties"]["status"] for f in pins_geojson["features"]} == {
            "active",
            "withdrawn",
        }
        comments = json.loads(archive.read("proposals/comments.json"))
        assert [c["body"] for c in comments] == [f"{me.username} says hi"]
        supports = json.loads(archive.read("proposals/supports.json"))
        assert [s["proposal_id"] for s in supports] == [pins[other.username].pk]
        everything = b"".join(archive.read(name) for name in names).decode()
        for secret in (other.username, other.email, other.first_name):
            # The other's name appears only as the title of a pin I supported or commented.
            assert secret not in everything.replace(f"{other.username}'s bench", "")


def test_the_export_needs_a_signed_in_person_and_a_post(db, client):
    assert client.post("/accounts/data/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/accounts/data/").status_code == 200
    assert client.put("/accounts/data/").status_code == 405


def test_two_exporters_writing_one_file_is_an_error(db):
    def clash(*, user):
        return {"accounts/account.json": {}}

    user = UserFactory()
    with (
        privacy.exporters.register_temporarily(clash, order=99),
        pytest.raises(RuntimeError, match="two exporters write accounts/account.json"),
    ):
        privacy.export_zip(user=user)


def _deleted(user):
    return User.objects.get(pk=user.pk)


def _delete(client, user, pins):
    client.force_login(user)
    return client.post("/accounts/delete/", {"pins": pins, "password": "pw-secret-123"})


def _nothing_findable(old):
    for field in ("username", "email", "first_name", "last_name"):
        assert not User.objects.filter(**{f"{field}__iexact": getattr(old, field)}).exists()
    gone = _deleted(old)
    assert gone.deleted_at is not None and not gone.is_active
    assert not gone.has_usable_password() and not gone.groups.exists()


@pytest.mark.parametrize("choice", ["keep", "delete"])
def test_deleting_the_account_with_either_choice(two_people, client, choice):
    anna, bert, pins = two_people
    client.force_login(anna)
    preview = client.get("/accounts/delete/").content.decode()
    assert "2 pins stay, shown as by “deleted user”" in preview  # if kept
    assert "2 pins are deleted" in preview  # if deleted
    assert "Your 1 comment stays" in preview and "Your 1 support is removed" in preview

    response = _delete(client, anna, choice)
    assert response.status_code == 302
    _nothing_findable(anna)
    anna_pins = Proposal.objects.filter(title__startswith="anna's")
    if choice == "keep":
        assert anna_pins.count() == 2
        detail = client.get(f"/api/proposals/{pins['anna'].pk}/").json()
        assert detail["properties"]["author_name"] == "deleted user"
    else:
        assert not anna_pins.exists()
    # The comment stays as "deleted user"; the support is gone and counted out.
    comments = client.get(f"/api/proposals/{pins['bert'].pk}/comments/").json()
    assert [c["author_name"] for c in comments] == ["deleted user"]
    assert not Support.objects.filter(user=anna).exists()
    assert Proposal.objects.get(pk=pins["bert"].pk).support_count == 0
    # Signed out, and the old password opens nothing.
    assert client.get("/accounts/profile/").status_code == 302
    assert not client.login(username="anna", password="pw-secret-123")
    # bert keeps his pins; his support and comment on anna's pin go with a deleted pin.
    assert Proposal.objects.filter(author=bert).count() == 2
    kept = 1 if choice == "keep" else 0
    assert Support.objects.filter(user=bert).count() == kept
    assert Comment.objects.filter(author=bert).count() == kept


def test_a_wrong_password_deletes_nothing(two_people, client):
    anna, _bert, _pins = two_people
    client.force_login(anna)
    response = client.post("/accounts/delete/", {"pins": "delete", "password": "nope"})
    assert response.status_code == 400
    assert "This is not your password" in response.content.decode()
    assert _deleted(anna).deleted_at is None and Proposal.objects.filter(author=anna).count() == 2


def test_an_eraser_that_fails_rolls_the_whole_deletion_back(two_people):
    anna, _bert, _pins = two_people

    def broken(*, user, keep_pins):
        raise RuntimeError("disk full")

    with privacy.erasers.register_temporarily(broken, order=99), pytest.raises(RuntimeError):
        privacy.account_delete(user=anna, keep_pins=False)
    assert _deleted(anna).username == "anna"
    assert Proposal.objects.filter(author=anna).count() == 2
    assert Support.objects.filter(user=anna).count() == 1


@pytest.fixture
def open_round(mediator):
    """An open round on anna's and bert's claims; anna has taken a position."""
    anna, bert = _person("anna"), _person("bert")
    claims = [
        ProposalFactory(geom=square(), author=anna),
        ProposalFactory(geom=square(0.0005), author=bert),
    ]
    negotiation_round = rounds.round_open(cluster=cluster_create(claims), mediator=mediator)
    option = rounds.option_add(
        negotiation_round=negotiation_round, user=mediator, title="Trees and benches"
    )
    rounds.position_set(option=option, user=anna, stance="object", reason="Too few benches.")
    comment_create(proposal=claims[1], author=anna, body="Let us talk.")
    return negotiation_round, option, anna, bert, claims


@pytest.mark.parametrize("choice", ["keep", "delete"])
def test_deletion_during_an_open_round_keeps_the_round_working(
    open_round, client, mediator, choice
):
    negotiation_round, option, anna, bert, claims = open_round
    client.force_login(anna)
    preview = client.get("/accounts/delete/").content.decode()
    assert "because a negotiation round is about it" in preview
    assert "Your part in 1 negotiation round stays" in preview
    assert _delete(client, anna, choice).status_code == 302
    _nothing_findable(anna)

    # The claim stays (the round holds it), nameless; the round shows "deleted user".
    assert Proposal.objects.get(pk=claims[0].pk).status == Status.ACTIVE
    names = round_selectors.round_names(negotiation_round.pk)
    assert names[anna.pk] == "deleted user"
    client.force_login(mediator)
    consent = client.get(f"/api/rounds/{negotiation_round.pk}/consent/").json()
    assert "deleted user" in [p["name"] for p in consent["participants"]]
    page = client.get(f"/rounds/{negotiation_round.pk}/").content.decode()
    assert "deleted user" in page and "Anna" not in page
    # Others go on: bert takes a position, the mediator closes the round.
    rounds.position_set(option=option, user=bert, stance="support")
    rounds.round_close(
        negotiation_round=negotiation_round,
        mediator=mediator,
        summary="Benches added.",
        chosen_option=option,
        resolutions=[{"proposal": c.pk, "result": "modified"} for c in claims],
    )
    assert Comment.objects.get(body="Let us talk.").author_id == anna.pk
    for url in (
        f"/api/rounds/{negotiation_round.pk}/history/",
        f"/api/rounds/{negotiation_round.pk}/participants/",
        f"/api/proposals/{claims[0].pk}/",
        "/api/export/proposals.geojson",
    ):
        body = client.get(url).content.decode()
        for secret in ("anna", "Anna", anna.email):
            assert secret not in body, (url, secret)

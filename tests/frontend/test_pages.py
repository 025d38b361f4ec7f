"""The map, list and pin pages, rendered by the server (no browser)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from frontend import context_processors
from proposals.models import Category, Comment, Kind, Status
from tests.factories import ProposalFactory, UserFactory

XSS = "<img src=x onerror=alert(1)>"


def page_config(response) -> dict:
    html = response.content.decode()
    start = html.index('<script id="page-config" type="application/json">')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


@pytest.fixture
def client():
    """The English interface (without this, German: the site's default language)."""
    return Client(headers={"accept-language": "en"})


def signed_in(user) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


# --- map page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_map_page_config_names_the_api_and_the_city(client, settings):
    config = page_config(client.get("/"))
    assert config["urls"]["proposals"] == reverse("api:proposal-list")
    assert config["urls"]["proposalPage"] == "/proposals/{id}/"
    assert config["cityBbox"] == list(settings.CITY_BBOX)
    assert {c["value"] for c in config["categories"]} == set(Category.values)
    assert all(c["colour"].startswith("#") for c in config["categories"])
    assert config["tiles"] is None  # no tile server configured: the map draws the city


@pytest.mark.django_db
def test_map_page_uses_tiles_only_when_configured(client, settings):
    settings.BASEMAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    config = page_config(client.get("/"))
    assert config["tiles"]["url"] == settings.BASEMAP_TILE_URL


@pytest.mark.django_db
def test_signed_in_readers_get_a_stamp_that_takes_their_tiles_past_shared_caches(
    client, resident, settings
):
    settings.TILES_MAX_AGE = 30  # shared caches may serve a tile 30 s old
    assert page_config(client.get("/"))["tileFresh"] is None  # anonymous: the shared copy
    first = page_config(signed_in(resident).get("/"))["tileFresh"]
    second = page_config(signed_in(resident).get("/"))["tileFresh"]
    assert first.isdigit() and int(second) >= int(first)  # a stamp per page load (ms)
    settings.TILES_MAX_AGE = 0  # every use revalidates: nothing to go past
    assert page_config(signed_in(resident).get("/"))["tileFresh"] is None


@pytest.mark.django_db
def test_anonymous_visitor_is_asked_to_sign_in_instead_of_drawing(client):
    html = client.get("/").content.decode()
    assert 'id="draw-form"' not in html
    assert reverse("login") + "?next=" in html
    assert page_config(client.get("/"))["user"]["authenticated"] is False


@pytest.mark.django_db
def test_signed_in_resident_gets_the_drawing_form(resident):
    response = signed_in(resident).get("/")
    assert 'id="draw-form"' in response.content.decode()
    assert page_config(response)["user"]["authenticated"] is True


@pytest.mark.django_db
def test_map_filter_form_reflects_the_query_string(client):
    html = client.get("/?category=housing,mobility&kind=conflict&q=tree").content.decode()
    assert 'value="housing" checked' in html
    assert 'value="mobility" checked' in html
    assert 'value="green_space" checked' not in html
    assert 'value="conflict" checked' in html
    assert 'value="tree"' in html
    # The link to the list carries the same filters.
    assert 'href="/proposals/?category=housing%2Cmobility&amp;kind=conflict&amp;q=tree"' in html


# --- base template -------------------------------------------------------------------------


@pytest.mark.django_db
def test_nav_lists_only_pages_that_are_routed(rf, monkeypatch):
    monkeypatch.setattr(
        context_processors,
        "NAV",
        (("Map", ("frontend:map",)), ("Nowhere", ("frontend:does-not-exist",))),
    )
    items = context_processors.nav_items("/")
    assert [(i["label"], i["url"], i["current"]) for i in items] == [("Map", "/", True)]


@pytest.mark.django_db
def test_header_offers_sign_out_as_a_post_form_to_signed_in_users(resident):
    html = signed_in(resident).get("/").content.decode()
    assert f'<form method="post" action="{reverse("logout")}"' in html
    assert resident.public_name in html


@pytest.mark.django_db
def test_language_switch_changes_the_page_language(client):
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/proposals/"})
    assert response.status_code == 302
    assert response["Location"] == "/proposals/"
    html = client.get("/proposals/").content.decode()
    assert '<html lang="de">' in html
    assert ">Karte</a>" in html  # the German catalogue (compiled by scripts/bootstrap)


# --- list page -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_active_pins_matching_the_filters(client):
    housing = ProposalFactory(category=Category.HOUSING, title="Flats on the lot")
    ProposalFactory(category=Category.MOBILITY, title="Bike lane")
    ProposalFactory(category=Category.HOUSING, title="Gone", status=Status.WITHDRAWN)
    response = client.get("/proposals/?category=housing")
    html = response.content.decode()
    assert response.status_code == 200
    assert housing.title in html
    assert "Bike lane" not in html
    assert "Gone" not in html
    assert f'href="/proposals/{housing.pk}/"' in html


@pytest.mark.django_db
def test_list_takes_categories_as_repeated_parameters_from_the_plain_form(client):
    ProposalFactory(category=Category.HOUSING, title="Flats")
    ProposalFactory(category=Category.MOBILITY, title="Bike lane")
    ProposalFactory(category=Category.COMMONS, title="Shared workshop")
    html = client.get("/proposals/?category=housing&category=mobility").content.decode()
    assert "Flats" in html and "Bike lane" in html
    assert "Shared workshop" not in html


@pytest.mark.django_db
def test_list_filters_by_kind_and_text(client):
    ProposalFactory(kind=Kind.CONFLICT, title="Parking blocks the pavement")
    ProposalFactory(kind=Kind.CONFLICT, title="Noise at night")
    ProposalFactory(kind=Kind.PROPOSAL, title="Parking garage")
    html = client.get("/proposals/?kind=conflict&q=PARKING").content.decode()
    assert "Parking blocks the pavement" in html
    assert "Noise at night" not in html
    assert "Parking garage" not in html


@pytest.mark.django_db
def test_signed_in_resident_can_list_only_their_own_pins(resident):
    ProposalFactory(author=resident, title="Mine")
    ProposalFactory(title="Somebody else's")
    html = signed_in(resident).get("/proposals/?author=me").content.decode()
    assert 'name="author" value="me" checked' in html
    assert "Mine" in html and "Somebody else" not in html


@pytest.mark.django_db
def test_filters_the_form_has_no_option_for_ride_along_between_list_and_map(client):
    # District 7 is in no district layer (there is none): the district select keeps it.
    html = client.get("/proposals/?kind=conflict&district=7&page=1").content.decode()
    assert '<option value="7" selected>7</option>' in html
    assert 'href="/?kind=conflict&amp;district=7"' in html
    html = client.get("/?district=7").content.decode()
    assert '<option value="7" selected>7</option>' in html
    assert 'href="/proposals/?district=7"' in html


@pytest.mark.django_db
def test_list_with_a_bad_filter_says_which_parameter_is_wrong(client):
    ProposalFactory(title="Flats")
    response = client.get("/proposals/?category=castles")
    html = response.content.decode()
    assert response.status_code == 400
    assert "castles" in html and "category" in html
    assert "Flats" not in html


@pytest.mark.django_db
def test_list_shows_hostile_titles_as_text(client):
    ProposalFactory(title=XSS)
    html = client.get("/proposals/").content.decode()
    assert XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.django_db
def test_list_respects_authors_who_hide_their_name(client):
    shy = UserFactory(username="shy-resident", show_name_publicly=False)
    ProposalFactory(author=shy, title="Quiet square")
    html = client.get("/proposals/").content.decode()
    assert "Quiet square" in html
    assert "shy-resident" not in html
    assert "a resident" in html


@pytest.mark.django_db
def test_list_paginates_and_keeps_the_filters_in_page_links(client):
    author = UserFactory()
    for n in range(30):
        ProposalFactory(author=author, category=Category.HOUSING, title=f"Flat {n:02d}")
    first = client.get("/proposals/?category=housing").content.decode()
    assert first.count('class="result ') == 25
    assert 'href="?category=housing&amp;page=2"' in first
    second = client.get("/proposals/?category=housing&page=2").content.decode()
    assert second.count('class="result ') == 5
    assert "Flat 00" in second  # oldest last


@pytest.mark.django_db
def test_a_long_list_counts_up_to_the_cap_and_still_pages_to_its_end(client, monkeypatch):
    from frontend.pages import proposals as list_page

    monkeypatch.setattr(list_page, "COUNT_CAP", 30)
    author = UserFactory()
    for n in range(60):
        ProposalFactory(author=author, title=f"Flat {n:02d}")
    first = client.get("/proposals/?x=1").content.decode()
    assert "More than 30 pins" in first
    assert first.count('class="result ') == 25
    assert 'page=2" rel="next"' in first and "Page 1<" in first  # no "of N"
    third = client.get("/proposals/?x=1&page=3").content.decode()
    assert third.count('class="result ') == 10 and "Flat 00" in third
    assert 'rel="next"' not in third and 'page=2" rel="prev"' in third
    assert '<ol class="results" start="51">' in third
    beyond = client.get("/proposals/?x=1&page=9").content.decode()
    assert "Flat 59" in beyond  # an old link past the end: the first page
    monkeypatch.setattr(list_page, "COUNT_CAP", 100)
    exact = client.get("/proposals/?x=2").content.decode()
    assert "60 pins" in exact and "Page 1 of 3" in exact


@pytest.mark.django_db
def test_the_list_counts_without_joins_and_reads_no_geometry(client):
    """At a campaign's peak the list is built again after nearly every write: its count must
    not join every pin to its author, nor its page read shapes the cards do not show."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        ProposalFactory(category=Category.HOUSING, title=f"Flat {n}")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/proposals/?category=housing&x=1").content.decode()
    assert "3 pins" in html
    pins = [q["sql"] for q in queries.captured_queries if '"proposals_proposal"' in q["sql"]]
    count = next(sql for sql in pins if "COUNT(*)" in sql)
    assert "LIMIT 1001" in count  # bounded, whatever the size of the city
    assert "accounts_user" not in count and "layers_proposaloverlay" not in count
    page = next(sql for sql in pins if "LIMIT" in sql and "COUNT(*)" not in sql)
    assert '"proposals_proposal"."geom"' not in page
    assert '"proposals_proposal"."description"' not in page


# --- a pin's page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_pin_page_shows_text_author_support_and_comments(client):
    proposal = ProposalFactory(title="Trees for the square", description="Shade in summer")
    proposal.support_count = 3
    proposal.save()
    Comment.objects.create(proposal=proposal, author=UserFactory(), body="Yes, please!")
    response = client.get(f"/proposals/{proposal.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trees for the square" in html and "Shade in summer" in html
    assert "Yes, please!" in html
    assert proposal.author.public_name in html
    assert 'id="support-count">3<' in html
    config = page_config(response)
    assert config["pin"]["geometry"]["type"] == "Point"
    assert config["urls"]["support"] == reverse("api:proposal-support", args=[proposal.pk])
    x, y = proposal.geom.coords
    assert f'href="/#16/{y:.5f}/{x:.5f}"' in html  # the big map, centred on the pin


@pytest.mark.django_db
def test_anonymous_visitor_sees_no_action_forms_on_a_pin_page(client):
    proposal = ProposalFactory()
    html = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "data-api=" not in html
    assert "Sign in to support this." in html


@pytest.mark.django_db
def test_only_the_author_gets_edit_and_withdraw(resident, other_resident):
    proposal = ProposalFactory(author=resident)
    mine = signed_in(resident).get(f"/proposals/{proposal.pk}/").content.decode()
    theirs = signed_in(other_resident).get(f"/proposals/{proposal.pk}/").content.decode()
    assert 'data-method="PATCH"' in mine and 'data-method="DELETE"' in mine
    assert 'data-method="PATCH"' not in theirs and 'data-method="DELETE"' not in theirs
    assert 'data-body="comment"' in theirs  # others may comment and support
    assert f'data-api="{reverse("api:proposal-hide", args=[proposal.pk])}"' not in theirs


@pytest.mark.django_db
def test_moderator_gets_the_hide_form(moderator):
    proposal = ProposalFactory()
    html = signed_in(moderator).get(f"/proposals/{proposal.pk}/").content.decode()
    assert f'data-api="{reverse("api:proposal-hide", args=[proposal.pk])}"' in html


@pytest.mark.django_db
def test_only_moderators_may_put_a_hidden_pin_back(moderator, resident):
    proposal = ProposalFactory(author=resident, status=Status.HIDDEN, hidden_reason="Spam")
    restore = f'data-api="{reverse("api:proposal-restore", args=[proposal.pk])}"'
    assert restore in signed_in(moderator).get(f"/proposals/{proposal.pk}/").content.decode()
    authors_view = signed_in(resident).get(f"/proposals/{proposal.pk}/").content.decode()
    assert restore not in authors_view
    assert "Spam" in authors_view  # the author learns why


@pytest.mark.django_db
def test_withdrawn_pin_is_gone_for_others_but_its_author_still_sees_it(client, resident):
    proposal = ProposalFactory(author=resident, status=Status.WITHDRAWN)
    assert client.get(f"/proposals/{proposal.pk}/").status_code == 404
    response = signed_in(resident).get(f"/proposals/{proposal.pk}/")
    assert response.status_code == 200
    assert "withdrawn" in response.content.decode()


@pytest.mark.django_db
def test_pin_page_shows_hostile_text_as_text(client):
    proposal = ProposalFactory(title=XSS, description=XSS)
    html = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# --- accounts pages ------------------------------------------------------------------------


@pytest.mark.django_db
def test_sign_up_offers_to_hide_the_name_and_keeps_that_choice(client):
    html = client.get(reverse("accounts:signup")).content.decode()
    assert 'name="show_name_publicly"' in html
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "quiet",
            "email": "quiet@example.org",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
            # the checkbox left unticked: not sent
        },
    )
    assert response.status_code == 200  # "check your inbox": the account waits for its link
    from accounts.models import User

    user = User.objects.get(username="quiet")
    assert user.show_name_publicly is False
    assert not user.is_active


@pytest.mark.django_db
def test_sign_in_form_shows_errors_next_to_the_form(client, resident):
    response = client.post(reverse("login"), {"username": resident.username, "password": "nope"})
    assert response.status_code == 200
    assert 'class="errorlist" role="alert"' in response.content.decode()

"""The map, list and pin pages keep parts in the cache (frontend/pages/cached.py), under
the versions of what they show: a write shows on the very next page view, in the viewer's
language, and what depends on the viewer is never shared."""

import pytest
from django.contrib.gis.geos import Point
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from community.services import photo_add, photo_hide
from frontend.pages.cached import pin_rows
from layers.models import ProposalOverlay
from negotiations.models import Round, RoundClaim, State
from proposals.services import (
    comment_create,
    comment_hide,
    proposal_create,
    proposal_update,
    proposal_withdraw,
    support_add,
)
from tests.community.conftest import image_bytes
from tests.factories import CITY_CENTRE, ProposalFactory, UserFactory
from tests.layers.planner_data import district_layer

pytestmark = pytest.mark.django_db


def english() -> Client:
    return Client(headers={"accept-language": "en"})


def signed_in(user) -> Client:
    client = english()
    client.force_login(user)
    return client


def results(client, url="/proposals/") -> str:
    page = client.get(url).content.decode()
    return page.split('id="results-heading"')[1].split("</section>")[0]


# --- list page -------------------------------------------------------------------------


def test_a_new_pin_is_on_the_next_list_page_view(resident):
    ProposalFactory(title="Bänke am Markt")
    client = english()
    assert "1 pin" in results(client)
    proposal_create(
        author=resident,
        kind="proposal",
        category="mobility",
        title="Radweg Süd",
        geom=Point(*CITY_CENTRE, srid=4326),
    )
    page = results(client)
    assert "Radweg Süd" in page
    assert "2 pins" in page


def test_a_support_and_a_comment_change_the_card_at_once(resident):
    proposal = ProposalFactory(title="Bänke am Markt")
    client = english()
    assert "0 supporters" in results(client)
    support_add(proposal=proposal, user=resident)
    comment_create(proposal=proposal, author=resident, body="Ja, bitte.")
    page = results(client)
    assert "1 supporter" in page
    assert "1 comment" in page


def test_an_edited_title_shows_at_once(resident):
    proposal = ProposalFactory(author=resident, title="Bänke am Markt")
    client = english()
    assert "Bänke am Markt" in results(client)
    proposal_update(proposal=proposal, user=resident, title="Bänke am Nordmarkt")
    assert "Bänke am Nordmarkt" in results(client)


def test_the_cached_list_speaks_each_viewers_language():
    ProposalFactory()
    assert "1 pin" in results(english())
    assert "1 Pin" in results(Client(headers={"accept-language": "de"}))
    assert "1 pin" in results(english())


def test_only_my_pins_is_each_viewers_own(resident, other_resident):
    ProposalFactory(author=resident, title="Meine Bank")
    ProposalFactory(author=other_resident, title="Deren Baum")
    mine = results(signed_in(resident), "/proposals/?author=me")
    theirs = results(signed_in(other_resident), "/proposals/?author=me")
    assert "Meine Bank" in mine and "Deren Baum" not in mine
    assert "Deren Baum" in theirs and "Meine Bank" not in theirs
    assert "No pins match" in results(english(), "/proposals/?author=me")


def test_each_page_of_the_list_is_its_own(settings):
    for n in range(30):
        ProposalFactory(title=f"Pin {n:02d}")
    client = english()
    first, second = results(client), results(client, "/proposals/?page=2")
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert "Pin 29" in first and "Pin 29" not in second


def test_a_renamed_author_shows_at_once():
    author = UserFactory(first_name="Ada", last_name="L", show_name_publicly=True)
    ProposalFactory(author=author)
    client = english()
    assert "Ada" in results(client)
    author.first_name = "Grace"
    author.save()
    page = results(client)
    assert "Grace" in page and "Ada" not in page


# --- map page --------------------------------------------------------------------------


def wide_section(client) -> str:
    page = client.get("/").content.decode()
    return page.split('id="wide-claims"')[1].split("</section>")[0]


def test_a_new_wide_claim_is_beside_the_map_at_once(resident):
    client = english()
    assert "No proposals about a whole district" in wide_section(client)
    proposal_create(
        author=resident, kind="proposal", category="mobility", title="Tempo 30", scope="city"
    )
    section = wide_section(client)
    assert "Tempo 30" in section
    assert "Whole city: 1 proposal" in section


def test_a_new_district_layer_shows_in_the_filter_and_the_config_at_once():
    client = english()
    page = client.get("/").content.decode()
    assert 'id="filter-district"' not in page
    district_layer()
    page = client.get("/").content.decode()
    assert 'id="filter-district"' in page
    assert "Westend" in page
    assert "/api/layers/districts/features.geojson" in page


def test_the_map_page_shows_each_viewer_their_own_drawing_form(resident):
    assert 'id="draw-form"' not in english().get("/").content.decode()
    assert 'id="draw-form"' in signed_in(resident).get("/").content.decode()
    assert 'id="draw-form"' not in english().get("/").content.decode()


# --- pin page ----------------------------------------------------------------------------


def pin_page(client, proposal) -> str:
    return client.get(f"/proposals/{proposal.pk}/").content.decode()


def test_a_new_and_a_hidden_comment_show_to_anonymous_viewers_at_once(resident, moderator):
    proposal = ProposalFactory()
    client = english()
    assert "No comments yet." in pin_page(client, proposal)
    comment = comment_create(proposal=proposal, author=resident, body="Gute Idee")
    assert "Gute Idee" in pin_page(client, proposal)
    comment_hide(comment=comment, moderator=moderator, reason="off topic")
    page = pin_page(client, proposal)
    assert "Gute Idee" not in page
    assert "A moderator has hidden this comment." in page


def test_a_support_and_an_edit_show_to_anonymous_viewers_at_once(resident, other_resident):
    proposal = ProposalFactory(author=resident, title="Bänke am Markt")
    client = english()
    assert 'id="support-count">0<' in pin_page(client, proposal)
    support_add(proposal=proposal, user=other_resident)
    proposal_update(proposal=proposal, user=resident, description="Drei Bänke, bitte.")
    page = pin_page(client, proposal)
    assert 'id="support-count">1<' in page
    assert "Drei Bänke, bitte." in page


def test_a_photo_and_its_hiding_show_to_anonymous_viewers_at_once(
    resident, moderator, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    proposal = ProposalFactory(author=resident)
    client = english()
    assert "Ein Baum" not in pin_page(client, proposal)
    upload = SimpleUploadedFile("tree.jpg", image_bytes(), content_type="image/jpeg")
    photo = photo_add(proposal=proposal, user=resident, upload=upload, alt_text="Ein Baum")
    assert "Ein Baum" in pin_page(client, proposal)
    photo_hide(photo=photo, moderator=moderator, reason="faces")
    assert "Ein Baum" not in pin_page(client, proposal)


def test_the_author_and_moderators_see_their_controls_and_anonymous_viewers_none(
    resident, moderator
):
    proposal = ProposalFactory(author=resident)
    anonymous = pin_page(english(), proposal)
    assert "Sign in to comment." in anonymous
    assert "Edit your pin" not in anonymous
    assert "Edit your pin" in pin_page(signed_in(resident), proposal)
    assert "Hide (moderation)" in pin_page(signed_in(moderator), proposal)
    anonymous = pin_page(english(), proposal)
    assert "Edit your pin" not in anonymous
    assert "Hide (moderation)" not in anonymous
    assert "Sign in to comment." in anonymous


def test_the_cached_pin_page_speaks_each_viewers_language():
    proposal = ProposalFactory()
    assert "No comments yet." in pin_page(english(), proposal)
    german = pin_page(Client(headers={"accept-language": "de"}), proposal)
    assert "No comments yet." not in german
    assert "No comments yet." in pin_page(english(), proposal)


def test_a_withdrawn_pin_is_gone_for_anonymous_viewers_at_once(resident):
    proposal = ProposalFactory(author=resident)
    client = english()
    assert client.get(f"/proposals/{proposal.pk}/").status_code == 200
    proposal_withdraw(proposal=proposal, user=resident)
    assert client.get(f"/proposals/{proposal.pk}/").status_code == 404


def pin_version(pk):
    return pin_rows(pk).version


def test_the_pin_version_changes_with_its_negotiation(resident):
    proposal = ProposalFactory()
    before = pin_version(proposal.pk)
    negotiation = Round.objects.create(title="Runde 1", created_by=resident)
    RoundClaim.objects.create(round=negotiation, proposal=proposal)
    drafted = pin_version(proposal.pk)
    negotiation.state, negotiation.opened_at = State.OPEN, timezone.now()
    negotiation.save()
    opened = pin_version(proposal.pk)
    assert len({before, drafted, opened}) == 3


def test_a_renamed_commenter_and_a_new_district_show_on_the_pin_page_at_once(resident):
    proposal = ProposalFactory()
    commenter = UserFactory(first_name="Ada", last_name="L", show_name_publicly=True)
    comment_create(proposal=proposal, author=commenter, body="Gute Idee")
    client = english()
    assert "Ada L" in pin_page(client, proposal)
    commenter.first_name = "Grace"
    commenter.save()
    assert "Grace L" in pin_page(client, proposal)
    layer = district_layer()
    westend = layer.features.get(name="Westend")
    ProposalOverlay.objects.update_or_create(
        proposal=proposal, defaults={"district": westend, "district_name": "Westend"}
    )
    assert 'id="pin-district"' in pin_page(client, proposal)


def test_a_write_to_another_pin_leaves_a_pins_version_alone(resident):
    proposal, other = ProposalFactory(), ProposalFactory(author=resident)
    before = pin_version(proposal.pk)
    support_add(proposal=other, user=UserFactory())
    comment_create(proposal=other, author=resident, body="Ja")
    proposal_update(proposal=other, user=resident, title="Anders")
    assert pin_version(proposal.pk) == before
    support_add(proposal=proposal, user=resident)
    assert pin_version(proposal.pk) != before

"""My pins, the imprint and privacy pages, and the footer that links them."""

import pytest
from django.test import Client

from frontend.models import LegalPage, LegalText
from proposals.models import Status
from proposals.services import proposal_withdraw
from tests.factories import ProposalFactory, UserFactory


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_my_pins_lists_withdrawn_pins_and_puts_one_back(client, resident):
    kept = ProposalFactory(author=resident, title="Benches")
    gone = ProposalFactory(author=resident, title="Old idea")
    ProposalFactory(title="Someone else's")
    proposal_withdraw(proposal=gone, user=resident)
    client.force_login(resident)
    html = client.get("/my-pins/").content.decode()
    assert "Benches" in html and "Old idea" in html and "Someone else" not in html
    assert html.count("Put back on the map") == 1
    response = client.post(f"/my-pins/{gone.pk}/reinstate/", follow=True)
    assert "is back on the map" in response.content.decode()
    gone.refresh_from_db()
    assert gone.status == Status.ACTIVE and kept.status == Status.ACTIVE


@pytest.mark.django_db
def test_nobody_puts_back_another_persons_pin(client, resident, other_resident):
    pin = ProposalFactory(author=resident)
    proposal_withdraw(proposal=pin, user=resident)
    client.force_login(other_resident)
    assert client.post(f"/my-pins/{pin.pk}/reinstate/").status_code == 404
    assert client.get(f"/my-pins/{pin.pk}/reinstate/").status_code == 405
    pin.refresh_from_db()
    assert pin.status == Status.WITHDRAWN


@pytest.mark.django_db
def test_legal_pages_show_the_operators_text_in_the_readers_language(client):
    html = client.get("/imprint/").content.decode()
    assert "has not written the imprint yet" in html
    LegalText.objects.create(page=LegalPage.IMPRINT, language="de", body="Stadt Auenstadt")
    LegalText.objects.create(
        page=LegalPage.IMPRINT, language="en", body="City of Auenstadt\n\nmail@auenstadt.example"
    )
    html = client.get("/imprint/").content.decode()
    assert "City of Auenstadt" in html and 'href="mailto:mail@auenstadt.example"' in html
    german = Client(HTTP_ACCEPT_LANGUAGE="de").get("/imprint/").content.decode()
    assert "Stadt Auenstadt" in german
    privacy = client.get("/privacy/").content.decode()
    assert "How long what is kept" in privacy


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/proposals/", "/accounts/login/", "/privacy/"])
def test_every_page_links_the_imprint_and_privacy_in_its_footer(client, url):
    html = client.get(url).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert 'href="/imprint/"' in footer and 'href="/privacy/"' in footer


@pytest.mark.django_db
def test_a_legal_text_is_shown_as_text(client):
    LegalText.objects.create(page=LegalPage.PRIVACY, language="en", body="<script>x</script>")
    html = client.get("/privacy/").content.decode()
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html


@pytest.mark.django_db
def test_the_header_links_the_profile_with_the_persons_own_name(client):
    shy = UserFactory(username="shy", show_name_publicly=False)
    client.force_login(shy)
    header = client.get("/").content.decode().split("<main")[0]
    assert 'href="/accounts/profile/"' in header and ">shy<" in header

"""Photos, reports and notices in a real browser: a photo from a phone, a report through to
the moderator's hide, and the reporter told the result."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from community.models import Photo
from proposals.models import Status
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def phone_jpeg() -> bytes:
    image = Image.new("RGB", (300, 200), (90, 90, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, seen portrait
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 20.0, 30.5), 3: "E", 4: (12.0, 22.0, 7.0)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_a_resident_adds_a_photo_to_their_pin_on_a_phone(
    phone_page, live_server, resident, login, artifacts
):
    page = phone_page
    pin = ProposalFactory(author=resident, title="Blocked pavement")
    login(page, live_server, resident)
    page.goto(f"{live_server.url}/proposals/{pin.pk}/")
    page.get_by_text("Add a photo", exact=True).click()
    page.get_by_label("Photo (JPEG, PNG or WebP)").set_input_files(
        {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": phone_jpeg()}
    )
    page.get_by_label("What does it show?").fill("Cars parked on the pavement")
    page.get_by_role("button", name="Upload photo").click()
    image = page.get_by_role("img", name="Cars parked on the pavement")
    expect(image).to_be_visible()
    expect(page.locator("figcaption")).to_have_text("Cars parked on the pavement")
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) > 0
    # Portrait as taken, no horizontal scrolling on the phone.
    box = image.bounding_box()
    assert box["height"] > box["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    image.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "pin-photo-phone.png")  # docs/img/pin-photo-phone.png
    stored = Image.open(Photo.objects.get().display.path)
    assert stored.size == (200, 300) and dict(stored.getexif()) == {}
    assert page.js_errors == []


def test_a_report_goes_through_to_the_moderators_hide(page, live_server, resident, login):
    pin = ProposalFactory(title="Rude pin", description="Something abusive")
    moderator = UserFactory(roles=["moderator"])
    login(page, live_server, resident)
    page.goto(f"{live_server.url}/proposals/{pin.pk}/")
    page.get_by_text("Report pin", exact=True).click()
    page.get_by_label("What is wrong with it?").fill("It insults my neighbours")
    page.get_by_role("button", name="Send to the moderators").click()
    expect(page.get_by_role("button", name="Send to the moderators")).to_be_hidden()

    page.context.clear_cookies()
    login(page, live_server, moderator)
    page.goto(f"{live_server.url}/moderation/reports/")
    expect(page.locator("#report-counts")).to_contain_text("1 open report")
    expect(page.get_by_text("Something abusive")).to_be_visible()
    expect(page.get_by_text("It insults my neighbours")).to_be_visible()
    page.get_by_role("button", name="Hide", exact=True).click()
    expect(page.get_by_text("No open reports.")).to_be_visible()
    pin.refresh_from_db()
    assert pin.status == Status.HIDDEN and pin.hidden_reason == "It insults my neighbours"

    page.context.clear_cookies()
    login(page, live_server, resident)
    page.goto(f"{live_server.url}/")
    page.locator("#notices-link").click()
    expect(page.get_by_text("a moderator has hidden it")).to_be_visible()
    assert page.js_errors == []


def test_a_photo_goes_with_a_new_pin_from_the_map_form(page, live_server, resident, login):
    login(page, live_server, resident)
    page.goto(f"{live_server.url}/")
    expect(page.locator("#map-status[data-state=loaded]")).to_be_attached(timeout=15_000)
    page.locator("#draw-wide").click()
    page.get_by_label("Title").fill("Benches for the whole city")
    page.select_option("#draw-category", "public_space")
    page.locator("#draw-form").get_by_text("Add a photo").click()
    page.locator("#draw-photo").set_input_files(
        {"name": "bench.jpg", "mimeType": "image/jpeg", "buffer": phone_jpeg()}
    )
    page.get_by_role("button", name="Publish pin").click()
    # No description: refused before anything is sent, the reason next to the field.
    alt = page.locator("#draw-photo-alt")
    expect(alt).to_have_attribute("aria-invalid", "true")
    described = alt.get_attribute("aria-describedby").split()[0]
    expect(page.locator(f"#{described}")).to_contain_text("Describe the photo")
    expect(alt).to_be_focused()
    assert not Photo.objects.exists()
    page.locator("#draw-photo-alt").fill("A broken bench")
    page.get_by_role("button", name="Publish pin").click()
    expect(page.locator("#draw-form")).to_be_hidden()
    photo = Photo.objects.get()
    assert photo.alt_text == "A broken bench"
    assert photo.proposal.title == "Benches for the whole city"
    assert page.js_errors == []

"""The pin page with photos, comments' photos, hidden comments, follow and report forms."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from proposals.services import comment_hide
from tests.conftest import client_for
from tests.proposals.factories import CommentFactory

from .conftest import image_bytes

pytestmark = pytest.mark.django_db


def add_photo(user, pin, alt, comment=None):
    body = {"image": SimpleUploadedFile("a.jpg", image_bytes()), "alt_text": alt}
    if comment is not None:
        body["comment"] = comment.pk
    response = client_for(user).post(f"/api/proposals/{pin.pk}/photos/", body, format="multipart")
    assert response.status_code == 201, response.content
    return response.json()


def page_for(user, pin) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    response = client.get(f"/proposals/{pin.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_pin_page_shows_photos_with_their_alt_text_and_the_forms(
    pin, resident, other_resident, moderator
):
    add_photo(resident, pin, "Cars on the pavement")
    comment = CommentFactory(proposal=pin, author=other_resident, body="Same at no. 5")
    add_photo(other_resident, pin, "Number five", comment=comment)
    hidden = CommentFactory(proposal=pin, author=other_resident, body="Rude words")
    comment_hide(comment=hidden, moderator=moderator, reason="Insult")

    visitor = page_for(None, pin)
    assert 'alt="Cars on the pavement"' in visitor and 'alt="Number five"' in visitor
    assert "Rude words" not in visitor and "A moderator has hidden this comment." in visitor
    assert "Add a photo" not in visitor and "Report pin" not in visitor
    assert "Sign in to follow this pin." in visitor

    author = page_for(resident, pin)
    assert "Add a photo" in author and "Remove photo" in author
    assert "Stop following" not in author  # a factory pin: not followed automatically

    commenter = page_for(other_resident, pin)
    assert "Add a photo to your comment" in commenter and "Report pin" in commenter
    assert "Follow this pin" in commenter
    assert "Report comment" not in commenter.split("Same at no. 5")[1].split("</li>")[0]

    assert "Hide photo" in page_for(moderator, pin)

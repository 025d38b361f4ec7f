"""community.privacy: a person's photos and reports in the export, and the erase (only
ever that person's data)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community import privacy
from community.models import Follow, Notice, Photo, Report
from tests.conftest import client_for
from tests.factories import ProposalFactory
from tests.proposals.factories import CommentFactory

from .conftest import image_bytes, stored_files

pytestmark = pytest.mark.django_db


def add_photo(user, pin, comment=None, alt="A photo"):
    body = {"image": SimpleUploadedFile("a.jpg", image_bytes()), "alt_text": alt}
    if comment:
        body["comment"] = comment.pk
    response = client_for(user).post(f"/api/proposals/{pin.pk}/photos/", body, format="multipart")
    assert response.status_code == 201, response.content
    return Photo.objects.get(pk=response.json()["id"])


def test_the_export_holds_only_the_persons_own_data(resident, other_resident, pin):
    mine = add_photo(resident, pin, alt="Mine")
    other_pin = ProposalFactory(author=other_resident)
    add_photo(other_resident, other_pin, alt="Theirs")
    client_for(resident).post(
        "/api/reports/", {"target": "proposal", "id": other_pin.pk, "reason": "Spam"}, format="json"
    )
    client_for(other_resident).post(
        "/api/reports/", {"target": "proposal", "id": pin.pk, "reason": "Secret"}, format="json"
    )
    files = privacy.export_user(user=resident)
    assert [p["alt_text"] for p in files["community/photos.json"]] == ["Mine"]
    image = Image.open(io.BytesIO(files[f"community/photos/{mine.pk}.jpg"]))
    assert image.format == "JPEG"
    assert [r["reason"] for r in files["community/reports.json"]] == ["Spam"]
    assert "Secret" not in repr(files) and "Theirs" not in repr(files)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("keep_pins", [True, False])
def test_erase_removes_the_persons_data_and_keeps_others(
    resident, other_resident, media, keep_pins
):
    pin = ProposalFactory(author=resident)
    comment = CommentFactory(proposal=pin, author=resident)
    on_pin = add_photo(resident, pin)
    on_comment = add_photo(resident, pin, comment=comment)
    other_pin = ProposalFactory(author=other_resident)
    theirs = add_photo(other_resident, other_pin)
    Follow.objects.create(user=resident, proposal=other_pin)
    Report.objects.create(reporter=resident, proposal=other_pin, reason="x")
    Report.objects.create(reporter=other_resident, proposal=pin, reason="y")
    Notice.objects.create(user=resident, kind="comment", params={"title": "t"})
    privacy.erase_user(user=resident, keep_pins=keep_pins)
    assert not Follow.objects.filter(user=resident).exists()
    assert not Notice.objects.filter(user=resident).exists()
    assert list(Report.objects.values_list("reason", flat=True)) == ["y"]
    assert not Photo.objects.filter(uploader=resident).exists()
    kept = set(Photo.objects.values_list("pk", flat=True))
    if keep_pins:
        assert kept == {on_pin.pk, on_comment.pk, theirs.pk}
        assert len(stored_files(media)) == 6
    else:
        assert kept == {theirs.pk}
        assert len(stored_files(media)) == 2


@pytest.mark.django_db(transaction=True)
def test_the_account_registry_carries_photos_into_the_zip_and_the_deletion(
    resident, other_resident, media
):
    """Registered in accounts.privacy: the download has the photo, the preview names it,
    and deleting the account with its pins removes the photo's files as well."""
    import zipfile

    from accounts import privacy as account_privacy

    pin = ProposalFactory(author=resident)
    photo = add_photo(resident, pin, alt="Blocked pavement")
    names = {name.rsplit("/", 1)[-1] for name in (photo.display.name, photo.thumbnail.name)}
    archive = zipfile.ZipFile(io.BytesIO(account_privacy.export_zip(user=resident)))
    assert f"community/photos/{photo.pk}.jpg" in archive.namelist()
    preview = account_privacy.deletion_preview(user=resident)
    assert any("1 photo will be deleted" in line for line in sum(preview.values(), []))
    account_privacy.account_delete(user=resident, keep_pins=False)
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert names.isdisjoint(stored_files(media))


@pytest.mark.django_db(transaction=True)
def test_photos_going_with_their_pin_take_their_files_along(resident, other_resident, media):
    """A pin deleted with its author's account takes the photos others put on its comments
    (a cascade): their files go too, after the commit; a deletion rolled back keeps them."""
    from django.db import transaction

    pin = ProposalFactory(author=resident)
    comment = CommentFactory(proposal=pin, author=other_resident)
    theirs = add_photo(other_resident, pin, comment=comment)
    elsewhere = add_photo(other_resident, ProposalFactory(author=other_resident))
    assert len(stored_files(media)) == 4
    with pytest.raises(RuntimeError), transaction.atomic():
        pin.delete()
        raise RuntimeError("rolled back")
    assert len(stored_files(media)) == 4
    type(pin).objects.get(pk=theirs.proposal_id).delete()  # the rollback left pin without pk
    assert not Photo.objects.filter(pk=theirs.pk).exists()
    assert sorted(stored_files(media)) == sorted(
        name.rsplit("/", 1)[-1] for name in (elsewhere.display.name, elsewhere.thumbnail.name)
    )

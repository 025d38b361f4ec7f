"""Photo uploads through the API: what is accepted, how it is cleaned, and every kind of bad
file refused with a sentence and nothing stored."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community.models import Photo

from .conftest import image_bytes, stored_files

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def upload(api, pin, data, name="photo.jpg", content_type="image/jpeg", alt="A blocked pavement"):
    return api.post(
        f"/api/proposals/{pin.pk}/photos/",
        {"image": SimpleUploadedFile(name, data, content_type=content_type), "alt_text": alt},
        format="multipart",
    )


def phone_photo() -> bytes:
    """A 'portrait' phone photo stored landscape (200×100) with Orientation 6 (rotate 90°
    clockwise to view), GPS coordinates, a camera model and a comment."""
    image = Image.new("RGB", (200, 100), (10, 120, 10))
    image.paste((250, 250, 0), (0, 0, 20, 20))  # a yellow mark in the top-left corner
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x0110] = "Secret Phone 12"  # Model
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 20.0, 30.5), 3: "E", 4: (12.0, 22.0, 7.25)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"my home")
    return out.getvalue()


def test_exif_is_stripped_and_orientation_applied_in_the_stored_file(resident_api, pin, media):
    original = phone_photo()
    assert b"Secret Phone" in original  # the test photo really carries the metadata
    response = upload(resident_api, pin, original)
    assert response.status_code == 201, response.content
    photo = Photo.objects.get(pk=response.json()["id"])
    for field in (photo.display, photo.thumbnail):
        with open(field.path, "rb") as handle:
            stored = handle.read()
        assert b"Secret Phone" not in stored and b"my home" not in stored
        assert b"Exif" not in stored and b"GPS" not in stored
        image = Image.open(io.BytesIO(stored))
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
        assert not {"exif", "icc_profile", "comment", "xmp"} & set(image.info)
    image = Image.open(photo.display.path)
    assert image.size == (100, 200)  # turned upright
    # The yellow mark from the top-left of the sensor image is now at the top-right.
    red, green, blue = image.getpixel((95, 5))
    assert red > 200 and green > 200 and blue < 80
    assert response.json()["width"] == 100 and response.json()["height"] == 200


def test_the_image_is_served_with_its_content_type(resident_api, pin):
    photo = upload(resident_api, pin, image_bytes("PNG"), name="x.png", content_type="image/png")
    response = resident_api.get(photo.json()["image"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "JPEG"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_each_accepted_format_whatever_its_name(resident_api, pin, fmt):
    response = upload(resident_api, pin, image_bytes(fmt), name="photo.gif", content_type="x/y")
    assert response.status_code == 201, response.content


def test_display_and_thumbnail_are_resized(resident_api, pin, settings):
    settings.PHOTO_DISPLAY_SIZE, settings.PHOTO_THUMBNAIL_SIZE = 300, 80
    response = upload(resident_api, pin, image_bytes(size=(1200, 600)))
    photo = Photo.objects.get(pk=response.json()["id"])
    assert Image.open(photo.display.path).size == (300, 150)
    assert Image.open(photo.thumbnail.path).size == (80, 40)


def test_transparency_is_laid_on_white(resident_api, pin):
    response = upload(resident_api, pin, image_bytes("PNG", mode="RGBA", colour=(0, 0, 0, 0)))
    image = Image.open(Photo.objects.get(pk=response.json()["id"]).display.path)
    assert min(image.getpixel((5, 5))) > 240


def test_a_cmyk_jpeg_is_converted_to_rgb(resident_api, pin):
    data = image_bytes(mode="CMYK", colour=(0, 255, 255, 0))  # pure magenta+yellow = red
    assert Image.open(io.BytesIO(data)).mode == "CMYK"
    response = upload(resident_api, pin, data)
    assert response.status_code == 201, response.content
    image = Image.open(Photo.objects.get(pk=response.json()["id"]).display.path)
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((5, 5))
    assert red > 200 and green < 60 and blue < 60


def test_a_50_megapixel_photo_is_accepted_and_scaled_down(resident_api, pin, settings):
    data = image_bytes(size=(8660, 5775), quality=50)  # 50.0 megapixels
    response = upload(resident_api, pin, data)
    assert response.status_code == 201, response.content
    assert max(response.json()["width"], response.json()["height"]) == settings.PHOTO_DISPLAY_SIZE


def refused(response, sentence: str, media):
    assert response.status_code == 400, response.content
    assert sentence in " ".join(response.json()["image"])
    assert Photo.objects.count() == 0
    assert stored_files(media) == []


def test_not_an_image_is_refused(resident_api, pin, media):
    response = upload(resident_api, pin, b"%PDF-1.4 not a photo at all", name="photo.jpg")
    refused(response, "not an image we can read", media)


def test_an_image_in_another_format_is_refused_whatever_its_name(resident_api, pin, media):
    response = upload(resident_api, pin, image_bytes("GIF"), name="photo.jpg")
    refused(response, "GIF images are not accepted", media)


def test_an_empty_file_is_refused(resident_api, pin, media):
    refused(upload(resident_api, pin, b""), "The file is empty", media)


def test_a_truncated_file_is_refused(resident_api, pin, media):
    noisy = Image.effect_noise((640, 480), 80).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, format="JPEG")
    data = out.getvalue()
    refused(upload(resident_api, pin, data[: len(data) // 2]), "damaged or incomplete", media)


def test_an_animated_image_is_refused(resident_api, pin, media):
    frames = [Image.new("RGB", (32, 32), c) for c in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, format="WEBP", save_all=True, append_images=frames[1:], duration=100)
    refused(upload(resident_api, pin, out.getvalue()), "Animated images", media)


def png_bomb(side: int) -> bytes:
    """A valid black-and-white PNG of side × side pixels, written row by row (never held
    decoded in memory here): a few hundred KB that decode to side² bytes and more."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def test_a_decompression_bomb_is_refused_before_decoding(resident_api, pin, media, settings):
    # 30,000 × 30,000 pixels: under 1 MB as PNG, 900 MB once decoded by Pillow.
    bomb = png_bomb(30_000)
    assert len(bomb) < 1_000_000
    assert Image.MAX_IMAGE_PIXELS == settings.PHOTO_MAX_PIXELS  # set by community's ready()
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(bomb))
    refused(upload(resident_api, pin, bomb), "more than 60 megapixels", media)


def test_pixels_above_the_setting_but_below_pillows_error_are_refused(
    resident_api, pin, media, settings
):
    settings.PHOTO_MAX_PIXELS = 1000  # Pillow only warns between 1× and 2× its limit
    refused(upload(resident_api, pin, image_bytes(size=(40, 40))), "more than 0.001", media)


def test_a_file_over_the_byte_limit_is_refused(resident_api, pin, media, settings):
    settings.PHOTO_MAX_BYTES = 1000
    refused(upload(resident_api, pin, image_bytes(size=(400, 400))), "larger than", media)


def test_alt_text_is_required(resident_api, pin, media):
    response = upload(resident_api, pin, image_bytes(), alt="  ")
    assert response.status_code == 400
    assert "for people who cannot see it" in response.json()["alt_text"][0]
    assert Photo.objects.count() == 0 and stored_files(media) == []


def test_at_most_three_photos_per_pin(resident_api, pin, media):
    for _ in range(3):
        assert upload(resident_api, pin, image_bytes()).status_code == 201
    response = upload(resident_api, pin, image_bytes())
    assert response.status_code == 400
    assert "at most 3 photos" in response.json()["image"][0]
    assert Photo.objects.count() == 3 and len(stored_files(media)) == 6


def test_a_failing_database_write_leaves_no_file(resident_api, pin, media, monkeypatch):
    def broken_save(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Photo, "save", broken_save)
    with pytest.raises(RuntimeError):
        upload(resident_api, pin, image_bytes())
    assert stored_files(media) == []


def test_only_the_author_adds_photos_to_a_pin(other_api, pin, media):
    response = upload(other_api, pin, image_bytes())
    assert response.status_code == 403
    assert "Only the author" in response.json()["detail"]
    assert stored_files(media) == []


def test_photos_on_a_comment_go_to_its_author_only(other_api, other_resident, resident_api, pin):
    from tests.proposals.factories import CommentFactory

    comment = CommentFactory(proposal=pin, author=other_resident)
    body = {
        "image": SimpleUploadedFile("a.jpg", image_bytes()),
        "alt_text": "The lot",
        "comment": comment.pk,
    }
    response = other_api.post(f"/api/proposals/{pin.pk}/photos/", body, format="multipart")
    assert response.status_code == 201, response.content
    assert response.json()["comment"] == comment.pk
    body["image"] = SimpleUploadedFile("a.jpg", image_bytes())
    response = resident_api.post(f"/api/proposals/{pin.pk}/photos/", body, format="multipart")
    assert response.status_code == 403


def test_anonymous_uploads_are_refused(api, pin, media):
    response = upload(api, pin, image_bytes())
    assert response.status_code in (401, 403)
    assert stored_files(media) == []

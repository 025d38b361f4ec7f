"""Uploaded images in, clean JPEGs out (Pillow; no Django models).

The kind of file is decided by decoding it, never by its name or declared content type.
What comes out is re-encoded pixels only: no EXIF (a phone's photo carries the place it was
taken, which can be a home), no XMP, IPTC, comments or ICC profile; the EXIF orientation is
applied to the pixels first, so the photo stands the right way without it. Colours are
converted to sRGB (CMYK JPEGs from scanners and print workflows included) and transparency
is laid on white.
"""

import io
import math
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
JPEG_QUALITY = 85

# A truncated file is refused, never half decoded (Pillow's default, stated here).
ImageFile.LOAD_TRUNCATED_IMAGES = False


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_pixels: int
    display_size: int
    thumbnail_size: int


@dataclass(frozen=True)
class CleanImage:
    display: bytes  # JPEG, longest side at most display_size
    thumbnail: bytes  # JPEG, longest side at most thumbnail_size
    width: int  # of display
    height: int


def _refuse(message: str) -> ValidationError:
    return ValidationError({"image": [message]}, code="invalid_image")


def _damaged() -> ValidationError:
    return _refuse(
        _(
            "This file could not be read as an image: it may be damaged or incomplete. "
            "Please upload a JPEG, PNG or WebP photo."
        )
    )


def _open(data: bytes, limits: Limits) -> Image.Image:
    """Open and check the header: the format, the pixel count and animation."""
    try:
        with warnings.catch_warnings():
            # Above MAX_IMAGE_PIXELS Pillow only warns (up to twice that it raises): refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(limits) from None
    except UnidentifiedImageError:
        raise _refuse(
            _("This file is not an image we can read. Please upload a JPEG, PNG or WebP photo.")
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise _damaged() from None
    if image.format not in ACCEPTED_FORMATS:
        raise _refuse(
            _("%(format)s images are not accepted. Please upload a JPEG, PNG or WebP photo.")
            % {"format": image.format}
        )
    if image.width * image.height > limits.max_pixels:
        raise _too_many_pixels(limits)
    if getattr(image, "n_frames", 1) > 1:
        raise _refuse(_("Animated images are not accepted. Please upload a still photo."))
    return image


def _too_many_pixels(limits: Limits) -> ValidationError:
    return _refuse(
        _("This image has more than %(mp)s megapixels. Please upload a smaller one.")
        % {"mp": f"{limits.max_pixels / 1_000_000:g}"}
    )


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB pixels in sRGB; transparency laid on white."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "CMYK"):
        try:
            return ImageCms.profileToProfile(
                image, io.BytesIO(profile), ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: plain conversion below
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # A fresh RGB image carries no info dict: nothing but pixels is written.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def clean_image(data: bytes, limits: Limits) -> CleanImage:
    """Decode `data`, check it, and return the display and thumbnail JPEGs.

    Raises ValidationError({"image": [...]}) with a sentence for: an empty or too large file,
    anything that is not a JPEG, PNG or WebP image (whatever its name says), too many
    pixels (a decompression bomb as much as an honest huge image), an animation, and a
    damaged or truncated file."""
    if not data:
        raise _refuse(_("The file is empty. Please choose a photo."))
    if len(data) > limits.max_bytes:
        raise _refuse(
            _("The file is larger than %(mb)s MB. Please upload a smaller photo.")
            % {"mb": f"{limits.max_bytes / 1024 / 1024:g}"}
        )
    image = _open(data, limits)
    if image.format == "JPEG":
        # Decode big JPEGs at a reduced scale (DCT scaling): a 50-megapixel photo then
        # costs a fraction of its full-size memory; the result is never smaller than needed.
        scale = limits.display_size / max(image.size)
        if scale < 1:
            image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
        image = _to_srgb(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _damaged() from None
    display = image.copy()
    display.thumbnail((limits.display_size, limits.display_size), Image.Resampling.LANCZOS)
    thumbnail = display.copy()
    thumbnail.thumbnail((limits.thumbnail_size, limits.thumbnail_size), Image.Resampling.LANCZOS)
    return CleanImage(
        display=_jpeg(display),
        thumbnail=_jpeg(thumbnail),
        width=display.width,
        height=display.height,
    )

import io

import pytest
from PIL import Image

from tests.conftest import client_for
from tests.factories import ProposalFactory


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English, the source language (the site default is German)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Stored photos go to a private folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def pin(resident):
    return ProposalFactory(author=resident, title="Blocked pavement")


@pytest.fixture
def moderator_api(moderator):
    return client_for(moderator)


@pytest.fixture
def other_api(other_resident):
    return client_for(other_resident)


def image_bytes(fmt="JPEG", size=(64, 48), mode="RGB", colour=(200, 30, 30), **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, format=fmt, **save)
    return out.getvalue()


def stored_files(media) -> list:
    return sorted(p.name for p in media.rglob("*") if p.is_file()) if media.exists() else []

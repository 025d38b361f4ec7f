import pytest

from tests.conftest import client_for

from .files import write_gpkg, zones_frame


@pytest.fixture
def planner_api(planner):
    return client_for(planner)


@pytest.fixture
def zones_gpkg(tmp_path):
    return write_gpkg(tmp_path / "zones.gpkg", {"zones": zones_frame()})


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files go to a private MEDIA_ROOT per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English, the source language (the site default is German)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield

"""What an upload leaves behind: nothing, whether its import ends, fails or is killed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from layers import importing
from layers.models import Layer, LayerState
from layers.services import layer_delete

pytestmark = pytest.mark.django_db


def _upload(api, gpkg, capture, execute=True):
    with capture(execute=execute):
        response = api.post(
            "/api/layers/",
            {
                "file": SimpleUploadedFile("plan.gpkg", gpkg.read_bytes()),
                "name": "Zoning",
                "kind": "zoning",
                "zone_field": "zone",
                "layer": "zones",
            },
            format="multipart",
        )
    assert response.status_code == 202, response.content
    return Layer.objects.get(slug=response.json()["slug"])


def _leftovers(media):
    uploads = media / "layer-uploads"
    return sorted(p.relative_to(media) for p in uploads.rglob("*")) if uploads.exists() else []


def test_a_failed_import_leaves_no_file_and_no_folder(
    planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*_args):
        raise ValidationError("the disk is full")

    monkeypatch.setattr(importing, "_copy_features", broken)

    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks)

    layer.refresh_from_db()
    assert layer.state == LayerState.FAILED
    assert _leftovers(media_in_tmp) == []


def test_deleting_a_waiting_layer_leaves_no_folder(
    planner, planner_api, zones_gpkg, media_in_tmp, django_capture_on_commit_callbacks
):
    layer = _upload(planner_api, zones_gpkg, django_capture_on_commit_callbacks, execute=False)
    assert _leftovers(media_in_tmp)  # stored, waiting for the worker

    with django_capture_on_commit_callbacks(execute=True):
        layer_delete(layer=layer, user=planner)

    assert _leftovers(media_in_tmp) == []

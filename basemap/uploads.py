"""An OpenStreetMap extract uploaded on the planner page: checked by size and by content
before GDAL opens it, stored under its own (cleaned) name in a temporary directory, imported
inside the request by services.basemap_import, then deleted.

The import runs in the request, not in a Celery task: it replaces the base map as one
transaction and a city's extract is read in seconds, so BASEMAP_UPLOAD_MAX_BYTES bounds what
a request may take (docs/operations.md). Larger extracts: `manage.py import_basemap`."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .services import BasemapImportError, basemap_import

PBF_HEADER = b"OSMHeader"  # the type of a .osm.pbf file's first blob (its BlobHeader)
XML_STARTS = (b"<?xml", b"<osm")


def check_size(size: int) -> None:
    limit = settings.BASEMAP_UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _(
                "The file is %(size).1f MB; the planner page imports extracts up to "
                "%(limit).1f MB. Cut the extract to the city, or ask the operator to run "
                "manage.py import_basemap."
            )
            % {"size": size / 1e6, "limit": limit / 1e6}
        )


def _looks_like_osm(name: str, head: bytes) -> bool:
    if name.lower().endswith(".pbf"):
        # 4 bytes of length, then field 1 (tag 0x0a), its length, and the blob type.
        return head[4:5] == b"\x0a" and head[6 : 6 + len(PBF_HEADER)] == PBF_HEADER
    if name.lower().endswith(".osm"):
        text = head.lstrip(b"\xef\xbb\xbf").lstrip()
        return text.startswith(XML_STARTS) and b"<osm" in head
    return False


def _check_content(name: str, head: bytes) -> None:
    if not name.lower().endswith((".osm", ".osm.pbf")):
        raise ValidationError(
            _("“%(name)s” is not an OpenStreetMap extract: give a .osm.pbf or .osm file.")
            % {"name": name}
        )
    if not _looks_like_osm(name, head):
        raise ValidationError(
            _("“%(name)s” is not OpenStreetMap data (its content does not match its name).")
            % {"name": name}
        )


def basemap_upload(*, file, user):
    """Import the uploaded extract as the base map; raise ValidationError (nothing changed)
    when it is not one."""
    name = get_valid_filename(Path(file.name).name) or "extract.osm"
    check_size(file.size)
    file.seek(0)
    head = file.read(1024)
    _check_content(name, head)
    file.seek(0)
    with tempfile.TemporaryDirectory(prefix="basemap-") as workdir:
        path = Path(workdir) / name
        with open(path, "xb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        try:
            return basemap_import(path=path, user=user)
        except BasemapImportError as error:
            raise ValidationError(str(error)) from error

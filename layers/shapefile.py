"""A structural check of a Shapefile before GDAL reads it.

The .shp, .shx and .dbf must all be there and agree: the index (.shx) points at records
that exist in the .shp with the right numbers and lengths, and the table (.dbf) has a row
per shape. GDAL would otherwise skip or misread broken records silently.
"""

from pathlib import Path

import numpy as np
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FILE_CODE = 9994
HEADER = 100


def _sibling(shp: Path, suffix: str) -> Path | None:
    for candidate in shp.parent.iterdir():
        if candidate.stem == shp.stem and candidate.suffix.lower() == suffix:
            return candidate
    return None


def _corrupt(shp: Path, what: str) -> ValidationError:
    return ValidationError(
        _("The Shapefile “%(name)s” is damaged: %(what)s.") % {"name": shp.name, "what": what}
    )


def _check_header(path: Path, data: bytes, shp: Path) -> None:
    if len(data) < HEADER or int.from_bytes(data[0:4], "big") != FILE_CODE:
        raise _corrupt(shp, _("%(file)s has no Shapefile header") % {"file": path.name})
    declared = int.from_bytes(data[24:28], "big") * 2
    if declared != len(data):
        raise _corrupt(
            shp,
            _("%(file)s says it is %(declared)d bytes long but is %(actual)d")
            % {"file": path.name, "declared": declared, "actual": len(data)},
        )


def check(shp: Path) -> None:
    """Raise ValidationError unless shp has a consistent .shx and .dbf next to it."""
    shx, dbf = _sibling(shp, ".shx"), _sibling(shp, ".dbf")
    missing = [s for s, p in ((".shx", shx), (".dbf", dbf)) if p is None]
    if missing:
        raise ValidationError(
            _("The Shapefile “%(name)s” lacks its %(missing)s file.")
            % {"name": shp.name, "missing": " and ".join(missing)}
        )
    shp_data, shx_data, dbf_data = shp.read_bytes(), shx.read_bytes(), dbf.read_bytes()
    _check_header(shp, shp_data, shp)
    _check_header(shx, shx_data, shp)
    if (len(shx_data) - HEADER) % 8:
        raise _corrupt(shp, _("the index (.shx) has a partial record"))

    index = np.frombuffer(shx_data, dtype=">i4", offset=HEADER).reshape(-1, 2)
    offsets, lengths = index[:, 0].astype(np.int64) * 2, index[:, 1].astype(np.int64) * 2
    count = len(index)
    beyond = np.flatnonzero((offsets < HEADER) | (offsets + 8 + lengths > len(shp_data)))
    if beyond.size:
        raise _corrupt(
            shp, _("record %(n)d lies outside the .shp file") % {"n": int(beyond[0]) + 1}
        )
    if count:
        headers = np.frombuffer(shp_data, dtype=np.uint8)
        at = offsets[:, None] + np.arange(8)
        record = headers[at].copy().view(">i4").reshape(-1, 2)
        wrong = np.flatnonzero(
            (record[:, 0] != np.arange(1, count + 1)) | (record[:, 1] * 2 != lengths)
        )
        if wrong.size:
            raise _corrupt(
                shp,
                _("record %(n)d in the .shp does not match its index entry")
                % {"n": int(wrong[0]) + 1},
            )

    if len(dbf_data) < 32:
        raise _corrupt(shp, _("the table (.dbf) has no header"))
    rows = int.from_bytes(dbf_data[4:8], "little")
    header_len = int.from_bytes(dbf_data[8:10], "little")
    row_len = int.from_bytes(dbf_data[10:12], "little")
    if rows != count:
        raise _corrupt(
            shp,
            _("the table (.dbf) has %(rows)d rows for %(count)d shapes")
            % {"rows": rows, "count": count},
        )
    if header_len + rows * row_len > len(dbf_data):
        raise _corrupt(shp, _("the table (.dbf) is shorter than its header says"))

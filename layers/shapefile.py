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


# The files are read in pieces, never whole: a zip may unpack to five times the upload
# limit, and the check's memory stays at a few MB whatever the size.
INDEX_CHUNK = 1 << 15  # .shx records (8 bytes each) per piece
SHP_BLOCK = 1 << 20  # bytes of .shp read at once when looking up record headers


def _check_header(path: Path, head: bytes, size: int, shp: Path) -> None:
    if len(head) < HEADER or int.from_bytes(head[0:4], "big") != FILE_CODE:
        raise _corrupt(shp, _("%(file)s has no Shapefile header") % {"file": path.name})
    declared = int.from_bytes(head[24:28], "big") * 2
    if declared != size:
        raise _corrupt(
            shp,
            _("%(file)s says it is %(declared)d bytes long but is %(actual)d")
            % {"file": path.name, "declared": declared, "actual": size},
        )


def _record_headers(shp_file, offsets: np.ndarray) -> np.ndarray:
    """The (number, length) header of the .shp record at each offset, as an (n, 2) array,
    reading the .shp in blocks in offset order."""
    found = np.empty((len(offsets), 2), dtype=np.int64)
    order = np.argsort(offsets, kind="stable")
    ordered = offsets[order]
    i = 0
    while i < len(order):
        start = int(ordered[i])
        shp_file.seek(start)
        block = np.frombuffer(shp_file.read(SHP_BLOCK + 8), dtype=np.uint8)
        # every record whose 8-byte header lies inside this block (at least the first)
        end = int(np.searchsorted(ordered, start + len(block) - 8, side="right"))
        picked = order[i:end]
        at = (offsets[picked] - start)[:, None] + np.arange(8)
        found[picked] = block[at].copy().view(">i4").reshape(-1, 2)
        i = end
    return found


def _check_records(shp: Path, shx: Path, shp_size: int) -> int:
    """Check every .shx entry against the .shp record it points at; return the count."""
    count = 0
    with open(shx, "rb") as shx_file, open(shp, "rb") as shp_file:
        shx_file.seek(HEADER)
        while piece := shx_file.read(INDEX_CHUNK * 8):
            index = np.frombuffer(piece, dtype=">i4").reshape(-1, 2)
            offsets = index[:, 0].astype(np.int64) * 2
            lengths = index[:, 1].astype(np.int64) * 2
            beyond = np.flatnonzero((offsets < HEADER) | (offsets + 8 + lengths > shp_size))
            if beyond.size:
                raise _corrupt(
                    shp,
                    _("record %(n)d lies outside the .shp file")
                    % {"n": count + int(beyond[0]) + 1},
                )
            record = _record_headers(shp_file, offsets)
            numbers = np.arange(count + 1, count + len(index) + 1)
            wrong = np.flatnonzero((record[:, 0] != numbers) | (record[:, 1] * 2 != lengths))
            if wrong.size:
                raise _corrupt(
                    shp,
                    _("record %(n)d in the .shp does not match its index entry")
                    % {"n": count + int(wrong[0]) + 1},
                )
            count += len(index)
    return count


def _head(path: Path) -> tuple[bytes, int]:
    with open(path, "rb") as f:
        return f.read(HEADER), f.seek(0, 2)


def check(shp: Path) -> None:
    """Raise ValidationError unless shp has a consistent .shx and .dbf next to it."""
    shx, dbf = _sibling(shp, ".shx"), _sibling(shp, ".dbf")
    missing = [s for s, p in ((".shx", shx), (".dbf", dbf)) if p is None]
    if missing:
        raise ValidationError(
            _("The Shapefile “%(name)s” lacks its %(missing)s file.")
            % {"name": shp.name, "missing": " and ".join(missing)}
        )
    (shp_head, shp_size), (shx_head, shx_size) = _head(shp), _head(shx)
    _check_header(shp, shp_head, shp_size, shp)
    _check_header(shx, shx_head, shx_size, shp)
    if (shx_size - HEADER) % 8:
        raise _corrupt(shp, _("the index (.shx) has a partial record"))
    count = _check_records(shp, shx, shp_size)

    dbf_data, dbf_size = _head(dbf)
    if dbf_size < 32:
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
    if header_len + rows * row_len > dbf_size:
        raise _corrupt(shp, _("the table (.dbf) is shorter than its header says"))

"""One batch of features as binary COPY rows of `layers_feature` (framing: core/pgcopy.py).

Pure (no Django). What is specific to layer features lives here: attribute values as
JSON, zone code, name and population cleaned for their columns. A batch is built with a
few list comprehensions, never per-value adapters (see docs/adr/0003): the attributes
become JSON text column by column (a zone code that repeats is escaped once), then one
`%` template per row.
"""

import json
import math

import numpy as np

from core import pgcopy

COLUMNS = ("layer_id", "geom", "attributes", "zone_code", "name", "population")
_dumps = json.JSONEncoder(allow_nan=False).encode


def _json_text(value) -> str:
    """JSON for one attribute value read by GDAL (None, str, number, bytes, date, ...)."""
    if value is None or isinstance(value, str | bool | int):
        return _dumps(value)
    if isinstance(value, float | np.floating):
        return repr(float(value)) if math.isfinite(value) else "null"
    if isinstance(value, np.integer | np.bool_):
        return _dumps(value.item())
    if isinstance(value, bytes):
        return _dumps(value.hex())
    return _dumps(str(value))


def json_column(values: np.ndarray) -> list[str]:
    """The JSON text of each value of one attribute column."""
    kind = values.dtype.kind
    if kind in "iu":
        return [str(v) for v in values.tolist()]
    if kind == "b":
        return ["true" if v else "false" for v in values.tolist()]
    if kind == "f":
        return [repr(v) if math.isfinite(v) else "null" for v in values.tolist()]
    if kind in "Mm":
        return ["null" if np.isnat(v) else _dumps(str(v)) for v in values]
    seen: dict[str, str] = {}  # zone codes and the like repeat: escape each once
    out = []
    for v in values.tolist():
        if isinstance(v, str):
            text = seen.get(v)
            if text is None:  # jsonb cannot hold \u0000: drop NULs like in text columns
                text = seen[v] = _dumps(v.replace("\x00", "") if "\x00" in v else v)
        else:
            text = _json_text(v)
        out.append(text)
    return out


def attributes_json(columns: dict[str, list[str]], n: int) -> list[bytes]:
    """One JSON object per row from JSON-encoded columns, as UTF-8 (ASCII) bytes."""
    if not columns:
        return [b"{}"] * n
    template = "{" + ", ".join(_dumps(name).replace("%", "%%") + ": %s" for name in columns) + "}"
    return [(template % row).encode() for row in zip(*columns.values(), strict=True)]


def _text(value) -> str:
    return str(value).replace("\x00", "")  # PostgreSQL text cannot hold NUL


def zone_code(value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _text(value).strip()[:100]


def population(value) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(number) and 0 <= number < 2**63):
        return None
    return int(number)


def rows(
    *,
    layer_id: int,
    ewkb: list[bytes],
    attributes: list[bytes],
    codes: list[str],
    names: list[str],
    populations: list[int | None],
) -> bytes:
    """The binary COPY rows (without header and trailer) of one batch, in COLUMNS order:
    the geometry field is its EWKB, empty codes and names are '' (not NULL)."""
    start = pgcopy.field_count(len(COLUMNS)) + pgcopy.int8(layer_id)
    length, null, empty, text, int8 = (
        pgcopy.length,
        pgcopy.NULL,
        pgcopy.EMPTY,
        pgcopy.text,
        pgcopy.int8,
    )
    version = pgcopy.JSONB_VERSION
    out = []
    for geom, attrs, code, name, pop in zip(
        ewkb, attributes, codes, names, populations, strict=True
    ):
        out.append(
            b"".join(
                (
                    start,
                    length(len(geom)),  # pgcopy.bytea, without copying the geometry
                    geom,
                    length(len(attrs) + 1),  # pgcopy.jsonb, likewise
                    version,
                    attrs,
                    text(code) if code else empty,
                    text(name) if name else empty,
                    null if pop is None else int8(pop),
                )
            )
        )
    return b"".join(out)


def name(value) -> str:
    if not value or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return _text(value)[:255]

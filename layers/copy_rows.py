"""One batch of features as the bytes of `COPY layers_feature ... (FORMAT BINARY)`.

Pure (no Django). Built per batch with a few list comprehensions instead of psycopg's
per-row `write_row` (which dumps every value through an adapter): the rows of 100,000
features cost a tenth of the time. The attributes become JSON text column by column (a
zone code that repeats is escaped once), then one `%` template per row.

Binary COPY row: int16 field count, then per field int32 length (-1 = NULL) and the value
in the type's binary form: int8 big-endian, geometry as EWKB, jsonb as version byte 1 +
JSON text, text as UTF-8.
"""

import json
import math
import struct

import numpy as np

COLUMNS = "(layer_id, geom, attributes, zone_code, name, population)"
HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # signature, flags, header extension length
TRAILER = b"\xff\xff"
_NULL = b"\xff\xff\xff\xff"
_int4 = struct.Struct(">i").pack
_int8_field = struct.Struct(">iq").pack  # length 8, value
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


def _text_field(value: str) -> bytes:
    data = value.encode("utf-8", "replace")
    return _int4(len(data)) + data


def rows(
    *,
    layer_id: int,
    ewkb: list[bytes],
    attributes: list[bytes],
    codes: list[str],
    names: list[str],
    populations: list[int | None],
) -> bytes:
    """The binary COPY rows (without header and trailer) of one batch."""
    start = struct.pack(">h", 6) + _int8_field(8, layer_id)
    empty = _int4(0)
    out = []
    for geom, attrs, code, name, pop in zip(
        ewkb, attributes, codes, names, populations, strict=True
    ):
        out.append(
            b"".join(
                (
                    start,
                    _int4(len(geom)),
                    geom,
                    _int4(len(attrs) + 1),
                    b"\x01",
                    attrs,
                    _text_field(code) if code else empty,
                    _text_field(name) if name else empty,
                    _NULL if pop is None else _int8_field(8, pop),
                )
            )
        )
    return b"".join(out)


def name(value) -> str:
    if not value or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return _text(value)[:255]

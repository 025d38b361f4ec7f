"""PostgreSQL's COPY formats: the one place that knows how rows are framed for `COPY FROM`.

Binary format (`COPY ... (FORMAT BINARY)`): the signature HEADER, then per row an int16
field count and per field an int32 length (-1 = NULL) followed by the value in its type's
binary send form, then the TRAILER. Big-endian throughout. The encoders below return one
whole field (length prefix and value), so a row is the `b"".join` of its field count and
fields. Callers build rows in bulk (list comprehensions, or numpy for fixed-width
columns); the per-value work is one `struct` call, never an adapter lookup.

Text format (`COPY ... FROM STDIN` default): tab-separated, newline-terminated lines with
backslash escapes, used where every field is already a string.

Pure: numpy, struct and psycopg only, no project import.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from psycopg import sql

HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # signature, int32 flags, int32 extension length
TRAILER = b"\xff\xff"  # field count -1
NULL = b"\xff\xff\xff\xff"  # length -1
EMPTY = b"\x00\x00\x00\x00"  # a zero-length value: '' for text, bytea and the like
JSONB_VERSION = b"\x01"

length = struct.Struct(">i").pack  # int32 length prefix of a field of that many bytes
field_count = struct.Struct(">h").pack  # int16 field count that starts a row
_int8 = struct.Struct(">iq").pack
_int4 = struct.Struct(">ii").pack


def int8(value: int) -> bytes:
    """A bigint field."""
    return _int8(8, value)


def int4(value: int) -> bytes:
    """An integer field."""
    return _int4(4, value)


def bytea(value: bytes) -> bytes:
    """A bytea field, or any type whose binary form the caller has made (e.g. EWKB for a
    PostGIS geometry)."""
    return length(len(value)) + value


def text(value: str) -> bytes:
    """A text field, UTF-8 (unencodable characters, lone surrogates, become '?'). The
    caller drops NUL characters: PostgreSQL text cannot hold them."""
    data = value.encode("utf-8", "replace")
    return length(len(data)) + data


def jsonb(value: bytes) -> bytes:
    """A jsonb field from JSON text already encoded as UTF-8."""
    return length(len(value) + 1) + JSONB_VERSION + value


def nullable(encode: Callable[[object], bytes], value) -> bytes:
    """`encode(value)`, or the NULL field for None."""
    return NULL if value is None else encode(value)


def bigint_rows(*columns) -> bytes:
    """Rows of aligned bigint columns (no header and trailer), built by numpy in one
    buffer: no Python object per row."""
    n = len(columns[0]) if columns else 0
    layout = [("fields", ">i2")]
    for i in range(len(columns)):
        layout += [(f"size{i}", ">i4"), (f"value{i}", ">i8")]
    rows = np.empty(n, dtype=np.dtype(layout))
    rows["fields"] = len(columns)
    for i, values in enumerate(columns):
        rows[f"size{i}"] = 8
        rows[f"value{i}"] = values
    return rows.tobytes()


def _statement(table: str, columns: Sequence[str], options: str) -> sql.Composed:
    return sql.SQL("COPY {} ({}) FROM STDIN{}").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)), sql.SQL(options)
    )


@contextmanager
def binary_copy(cursor, table: str, columns: Sequence[str], *, writer=None) -> Iterator:
    """A binary COPY into `table` on a psycopg cursor, framed: yields `write(rows)` for
    bodies of ready-made rows (any number of calls, e.g. one per batch) and sends the
    header before and the trailer after. `writer` is psycopg's (e.g. a
    `QueuedLibpqWriter`, which sends from a thread while the caller builds the next rows)."""
    with cursor.copy(_statement(table, columns, " (FORMAT BINARY)"), writer=writer) as copy:
        copy.write(HEADER)
        yield copy.write
        copy.write(TRAILER)


def copy_binary(cursor, table: str, columns: Sequence[str], body: bytes) -> None:
    """COPY the ready-made binary rows `body` (no header or trailer) into `table`."""
    with binary_copy(cursor, table, columns) as write:
        write(body)


def escape_text(values: Sequence[str]) -> list[str]:
    """Strings escaped as fields of COPY's text format (backslash, tab, newline)."""
    return [v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") for v in values]


def copy_text(cursor, table: str, columns: Sequence[str], values: Sequence[Sequence[str]]) -> None:
    """COPY aligned columns of ready-made text-format fields (see `escape_text`) into
    `table`, one line per row."""
    lines = "".join("\t".join(row) + "\n" for row in zip(*values, strict=True))
    with cursor.copy(_statement(table, columns, "")) as copy:
        copy.write(lines)

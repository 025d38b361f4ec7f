"""The binary COPY writer: rows it frames go through a real COPY and read back the same."""

import json

import numpy as np
import pytest
from django.db import connection

from core import pgcopy


@pytest.fixture
def cursor(db):
    """A psycopg cursor inside the test's transaction, with a scratch table."""
    connection.ensure_connection()
    with connection.connection.cursor() as cur:
        cur.execute(
            "CREATE TEMP TABLE copied (big bigint, small integer, label text, raw bytea, "
            "doc jsonb) ON COMMIT DROP"
        )
        yield cur


COLUMNS = ("big", "small", "label", "raw", "doc")


def row(big, small, label, raw, doc) -> bytes:
    return b"".join(
        (
            pgcopy.field_count(5),
            pgcopy.nullable(pgcopy.int8, big),
            pgcopy.nullable(pgcopy.int4, small),
            pgcopy.nullable(pgcopy.text, label),
            pgcopy.nullable(pgcopy.bytea, raw),
            pgcopy.NULL if doc is None else pgcopy.jsonb(json.dumps(doc).encode()),
        )
    )


def read_back(cur):
    cur.execute("SELECT big, small, label, raw, doc::text FROM copied ORDER BY small NULLS LAST")
    return [
        (b, s, t, None if r is None else bytes(r), None if d is None else json.loads(d))
        for b, s, t, r, d in cur.fetchall()
    ]  # Django's connection leaves jsonb as text


def test_fields_of_every_kind_and_null_survive_a_binary_copy(cursor):
    values = [
        (2**63 - 1, 1, "Straße „Süd“ 🌳", b"\x00\xff\x01", {"zone": "WA", "n": [1, 2.5, None]}),
        (-(2**63), 2, "", b"", {"ü": "ß", "nested": {"a": True}}),
        (None, None, None, None, None),
    ]
    pgcopy.copy_binary(cursor, "copied", COLUMNS, b"".join(row(*v) for v in values))
    assert read_back(cursor) == values


def test_rows_may_be_written_in_several_parts_of_one_copy(cursor):
    with pgcopy.binary_copy(cursor, "copied", COLUMNS) as write:
        write(row(1, 1, "a", b"x", {}))
        write(row(2, 2, "b", b"y", []))
    assert [r[2] for r in read_back(cursor)] == ["a", "b"]


def test_a_failed_copy_writes_nothing_and_raises(cursor):
    cursor.execute("SAVEPOINT before_copy")
    with pytest.raises(ValueError), pgcopy.binary_copy(cursor, "copied", COLUMNS) as write:
        write(row(1, 1, "a", b"x", {}))
        raise ValueError("stop")
    cursor.execute("ROLLBACK TO SAVEPOINT before_copy")
    assert read_back(cursor) == []


def test_bigint_columns_built_by_numpy_round_trip(cursor):
    cursor.execute("CREATE TEMP TABLE pairs (a bigint, b bigint) ON COMMIT DROP")
    a = np.array([0, 1, -1, 2**62, 2**63 - 1, -(2**63)], dtype=np.int64)
    b = np.arange(len(a), dtype=np.int64) * 10**12
    pgcopy.copy_binary(cursor, "pairs", ("a", "b"), pgcopy.bigint_rows(a, b))
    cursor.execute("SELECT a, b FROM pairs ORDER BY b")
    assert cursor.fetchall() == list(zip(a.tolist(), b.tolist(), strict=True))


def test_no_rows_copy_nothing(cursor):
    pgcopy.copy_binary(cursor, "copied", COLUMNS, pgcopy.bigint_rows())
    assert read_back(cursor) == []


def test_text_format_fields_are_escaped(cursor):
    labels = ["tab\there", "line\nbreak", "back\\slash", "plain ü"]
    pgcopy.copy_text(
        cursor,
        "copied",
        ("small", "label"),
        [[str(i) for i in range(len(labels))], pgcopy.escape_text(labels)],
    )
    assert [r[2] for r in read_back(cursor)] == labels

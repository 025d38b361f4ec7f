"""Parsing of the OGC API Features query parameters (pure functions)."""

from datetime import UTC, datetime

import pytest

from publishing.ogc_params import (
    LIMIT_DEFAULT,
    LIMIT_MAX,
    BadRequest,
    parse_bbox,
    parse_datetime_param,
    parse_limit,
)


def test_bbox_is_lon_lat_and_a_3d_box_keeps_its_2d_part():
    assert parse_bbox("12.3,51.3,12.4,51.4") == (12.3, 51.3, 12.4, 51.4)
    assert parse_bbox("12.3,51.3,0,12.4,51.4,100") == (12.3, 51.3, 12.4, 51.4)
    assert parse_bbox(None) is None


@pytest.mark.parametrize("value", ["", "1,2,3", "1,2,3,4,5", "51.3,12.3,51.4,12.4,", "0,95,1,96"])
def test_bbox_that_is_not_four_numbers_in_range_is_refused(value):
    with pytest.raises(BadRequest, match="bbox"):
        parse_bbox(value)


def test_limit_defaults_and_is_capped():
    assert parse_limit(None) == LIMIT_DEFAULT
    assert parse_limit("20000") == LIMIT_MAX


def test_a_date_means_the_whole_day():
    start, end = parse_datetime_param("2026-05-01")
    assert start == datetime(2026, 5, 1, tzinfo=UTC)
    assert end.date() == start.date() and end.hour == 23


def test_an_instant_is_an_interval_of_no_length():
    start, end = parse_datetime_param("2026-05-01T12:00:00Z")
    assert start == end == datetime(2026, 5, 1, 12, tzinfo=UTC)


def test_open_intervals():
    assert parse_datetime_param("../2026-05-01T00:00:00Z") == (
        None,
        datetime(2026, 5, 1, tzinfo=UTC),
    )
    assert parse_datetime_param("2026-05-01T00:00:00Z/")[1] is None


@pytest.mark.parametrize("value", ["soon", "2026-05-01/2026-04-01", "a/b/c", "2026-02-30"])
def test_bad_datetime_is_refused(value):
    with pytest.raises(BadRequest, match="datetime"):
        parse_datetime_param(value)

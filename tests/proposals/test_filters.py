import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from proposals.filters import proposal_filters_from


def filters(query: str) -> dict:
    return proposal_filters_from(QueryDict(query))


def errors(query: str) -> dict:
    with pytest.raises(ValidationError) as excinfo:
        filters(query)
    return excinfo.value.message_dict


def test_no_parameters_means_no_filters():
    assert filters("") == {}


def test_all_filters_are_read_into_selector_arguments():
    assert filters(
        "bbox=12.3,51.3,12.4,51.4&category=housing,mobility&kind=conflict&q=%20park%20&author=me"
    ) == {
        "bbox": (12.3, 51.3, 12.4, 51.4),
        "categories": ["housing", "mobility"],
        "kinds": ["conflict"],
        "q": "park",
        "author": "me",
    }


def test_repeated_category_parameters_combine():
    assert filters("category=housing&category=commons")["categories"] == ["housing", "commons"]


def test_empty_values_are_ignored():
    assert filters("bbox=&category=&q=%20%20") == {}


def test_plain_dict_is_accepted():
    assert proposal_filters_from({"kind": "proposal"}) == {"kinds": ["proposal"]}


def test_unknown_parameters_are_ignored():
    assert filters("format=json&_=123") == {}


@pytest.mark.parametrize(
    "bbox,fragment",
    [
        ("1,2,3", "needs 4 numbers"),
        ("a,b,c,d", "must be numbers"),
        ("nan,51,12,52", "finite"),
        ("12.4,51.3,12.3,51.4", "minimum is larger"),
        ("12.3,91,12.4,92", "latitudes"),
        ("200,51,201,52", "longitudes"),
    ],
)
def test_bad_bbox_is_named(bbox, fragment):
    message = " ".join(errors(f"bbox={bbox}")["bbox"])
    assert fragment in message
    assert "minlon,minlat,maxlon,maxlat" in message


def test_unknown_category_names_the_value_and_the_known_ones():
    message = errors("category=housing,castles")["category"][0]
    assert '"castles"' in message
    assert "green_space" in message


def test_unknown_kind_is_refused():
    assert "kind" in errors("kind=wish")


def test_author_other_than_me_is_refused():
    assert "me" in errors("author=alice")["author"][0]


def test_too_long_q_is_refused():
    assert "too long" in errors("q=" + "x" * 201)["q"][0]


def test_every_bad_parameter_is_reported_at_once():
    assert set(errors("bbox=1&kind=x&category=y")) == {"bbox", "kind", "category"}

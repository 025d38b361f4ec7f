import pytest

from basemap.normalise import normalise, split_number


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Goethestraße", "Goethestrasse"),
        ("Goethestraße", "goethestr."),
        ("Goethestraße", "GOETHESTR"),
        ("Goethestraße", "Goethestrase"),
        ("Mühlgraben", "Muehlgraben"),
        ("Große Gasse", "Grosse Gasse"),
        ("Richard-Wagner-Straße 12a", "richard wagner str. 12 a".replace(" a", "a")),
        ("Café Élysée", "cafe elysee"),
    ],
)
def test_spellings_of_one_name_meet(typed, stored):
    assert normalise(typed) == normalise(stored)


def test_words_inside_names_are_left_alone():
    assert normalise("Strassenbahnhof") == "strassenbahnhof"
    assert normalise("Straße des 17. Juni") == "str des 17 juni"


def test_a_trailing_house_number_is_split_off():
    assert split_number("goethestr 12a") == ("goethestr", "12a")
    assert split_number("goethestr 12 a") == ("goethestr", "12a")
    assert split_number("goethestr") == ("goethestr", "")
    assert split_number("12") == ("12", "")

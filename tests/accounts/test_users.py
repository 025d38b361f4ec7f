import pytest

from accounts.models import User
from accounts.selectors import public_name
from tests.factories import UserFactory


def test_public_name_hides_username_when_asked(db):
    shy = UserFactory(username="anna", show_name_publicly=False)
    assert shy.public_name != "anna"


def test_public_name_is_username_by_default(db):
    assert UserFactory(username="bert").public_name == "bert"


@pytest.mark.parametrize("show", [True, False])
@pytest.mark.parametrize(
    ("first", "last"), [("", ""), ("Anna", ""), ("", "Berg"), ("Anna", "Berg"), (" ", " ")]
)
def test_the_sql_public_name_agrees_with_the_model(db, show, first, last):
    user = UserFactory(first_name=first, last_name=last, show_name_publicly=show)
    in_sql = User.objects.annotate(name=public_name("")).get(pk=user.pk).name
    assert in_sql == user.public_name

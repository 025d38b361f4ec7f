from tests.factories import UserFactory


def test_public_name_hides_username_when_asked(db):
    shy = UserFactory(username="anna", show_name_publicly=False)
    assert shy.public_name != "anna"


def test_public_name_is_username_by_default(db):
    assert UserFactory(username="bert").public_name == "bert"

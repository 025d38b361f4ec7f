import pytest
from rest_framework.test import APIClient

from accounts import roles

from .factories import UserFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def resident(db):
    return UserFactory()


@pytest.fixture
def other_resident(db):
    return UserFactory()


@pytest.fixture
def planner(db):
    return UserFactory(roles=[roles.PLANNER])


@pytest.fixture
def mediator(db):
    return UserFactory(roles=[roles.MEDIATOR])


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.MODERATOR])


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def resident_api(resident):
    return client_for(resident)

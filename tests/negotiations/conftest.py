import pytest
from django.test import Client


@pytest.fixture
def client():
    """Django's test client asking for the English UI (assertions read English text)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")

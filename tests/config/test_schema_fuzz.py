"""Schemathesis against the API's own OpenAPI schema, in process (WSGI, the test database):
whatever a client sends that fits (or nearly fits) the schema, no operation answers 500.

Deterministic (derandomize), 5 examples per operation; SCHEMA_FUZZ_EXAMPLES=50 for a longer
sweep. The CLI does more (OPTIONS, stateful links), against a running server:
  schemathesis run http://127.0.0.1:8000/api/schema/ -H "Authorization: Token …"
    -c not_a_server_error -n 20 --max-time 240"""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from accounts import roles
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: requests must not close the test's database connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    ProposalFactory()
    user = UserFactory(roles=[roles.PLANNER, roles.MEDIATOR, roles.MODERATOR])
    return Token.objects.create(user=user).key


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("SCHEMA_FUZZ_EXAMPLES", "5")),
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_500(case, token):
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"},
        checks=[schemathesis.checks.not_a_server_error],
    )

"""Schemathesis against the API's own OpenAPI schema, in process (WSGI, the test database):
whatever a client sends that fits (or nearly fits) the schema, the answer is no 500 and is
what the schema documents: its status code, its content type and its body shape.

Run as an anonymous user, a resident and a mediator. Deterministic (derandomize), a few
examples per operation so that the suite stays quick; SCHEMA_FUZZ_EXAMPLES=50 for a longer
sweep. The stateful test follows the schema's OpenAPI links (create a proposal, then
support, comment on and withdraw it). Against a running server the CLI does the same:
  schemathesis run http://127.0.0.1:8000/api/schema/ -H "Authorization: Token …" -n 20 -c
    not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from knox.models import AuthToken

from accounts import roles
from tests.factories import CITY_CENTRE, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]
EXAMPLES = int(os.environ.get("SCHEMA_FUZZ_EXAMPLES", "3"))

VALID_PIN = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": list(CITY_CENTRE)},
    "properties": {
        "kind": "proposal",
        "category": "housing",
        "title": "A bench",
        "description": "",
    },
}

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: requests must not close the test's database connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _headers(who: str) -> dict:
    if who == "anonymous":
        return {}
    user = UserFactory(roles=[roles.MEDIATOR] if who == "mediator" else [])
    return {"Authorization": f"Token {AuthToken.objects.create(user=user)[1]}"}


@pytest.fixture(params=["anonymous", "resident", "mediator"])
def headers(request, db):
    ProposalFactory()
    return _headers(request.param)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_is_documented(case, headers):
    case.call_and_validate(headers=headers, checks=CHECKS)


@pytest.mark.parametrize("who", ["anonymous", "resident", "mediator"])
def test_linked_operations_answer_as_documented(who):
    """The stateful phase: create a proposal, then follow the schema's links (support,
    comment, withdraw), each answer checked like the single operations above. It runs on the
    proposal operations, where the links are, so that its few steps reach them; a resident
    and a mediator must have created a pin and followed a link from it."""
    ProposalFactory()
    headers = _headers(who)

    calls = []

    class AsThisPerson(schema.include(path_regex="^/api/proposals/").as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": headers}

        def before_call(self, case):
            # Generated coordinates lie outside the city and every create would be a 400, so
            # the links after it would never be followed: the chain starts from a valid pin
            # (test_every_answer_is_documented fuzzes the create itself).
            if (case.method, case.path) == ("POST", "/api/proposals/"):
                case.body = VALID_PIN

        def after_call(self, response, case):
            calls.append((case.method, case.path, response.status_code))

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS)

    AsThisPerson.run(
        settings=settings(
            max_examples=int(os.environ.get("SCHEMA_FUZZ_STATEFUL_EXAMPLES", "10")),
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
    created = [c for c in calls if c[:2] == ("POST", "/api/proposals/") and c[2] == 201]
    followed = [c for c in calls if c[1].startswith("/api/proposals/{") and c[2] < 300]
    if who == "anonymous":
        assert not created
    else:
        assert created, calls
        assert followed, calls

"""Property-based run of the whole OpenAPI schema with schemathesis, against the WSGI app on PostgreSQL.

Every operation gets generated valid and invalid requests, checked by every schemathesis check (as
`schemathesis run --checks all`, which `make fuzz` runs against gunicorn in CI): a response is never a 5xx,
matches what the schema documents, invalid data is refused and valid data accepted. The allowances, a 400
for what an OpenAPI 3.0 schema cannot state (a cursor the server did not issue, an id that does not exist,
...), are configured in schemathesis.toml and held to exactly those by tests/api/schemathesis_checks.py.
"""

from io import StringIO

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

import tests.api.schemathesis_checks  # noqa: F401  (the project's hooks and check, as `make fuzz` loads them)
from newsapi.wsgi import application
from tests.conftest import role_token

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def keep_test_connection():
    # As Django's test client does: requests must not close the connection holding the test transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def seeded_token(django_user_model, throttle_rates, keep_test_connection):
    throttle_rates("100000/minute", "100000/minute")
    call_command("load_seeds", stdout=StringIO())
    return role_token(django_user_model, "fuzzer", "editor")


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms_to_the_schema(case, seeded_token):
    # The token goes into the case itself, so that the checks judge the request as sent: a case generated
    # without the Authorization header the writes require is not counted as invalid data the API accepted.
    case.headers = {**(case.headers or {}), "Authorization": f"Token {seeded_token}"}
    # No `checks=`: every registered check runs, the project's own included.
    case.call_and_validate()

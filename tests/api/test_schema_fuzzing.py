"""Property-based run of the whole OpenAPI schema with schemathesis, against the WSGI app on PostgreSQL.

Every operation gets generated valid and invalid requests, checked by every schemathesis check (as
`schemathesis run --checks all`, which `make fuzz` runs against gunicorn in CI): a response is never a 5xx,
matches what the schema documents, invalid data is refused and valid data accepted. The one allowance,
a 400 for a cursor the server did not issue or an id that does not exist, is configured in
schemathesis.toml and held to exactly that by tests/api/schemathesis_checks.py.
"""

from io import StringIO

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

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
    # No `checks=`: every registered check runs, the project's own included.
    case.call_and_validate(headers={"Authorization": f"Token {seeded_token}"})

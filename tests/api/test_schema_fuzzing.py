"""Property-based run of the whole OpenAPI schema with schemathesis, against the WSGI app on PostgreSQL.

Every operation gets generated valid and invalid requests; a response must never be a 5xx and must match
what the schema documents, and a schema-valid request answered 400 must be one of the refusals a schema
cannot state (tests/api/schemathesis_checks.py). Every schemathesis check, `positive_data_acceptance`,
`missing_required_header` and `ignored_auth` included, runs in `make fuzz` (`schemathesis run --checks all`
against gunicorn, in CI), where the token is the CLI's own header; here it is put into each case, which
those two auth checks cannot tell from a header the case itself requires.
"""

from io import StringIO

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

import tests.api.schemathesis_checks as project_checks  # also the hooks `make fuzz` loads (fields=/omit=)
from newsapi.wsgi import application
from tests.conftest import role_token

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.unsupported_method,
    project_checks.schema_valid_requests_are_refused_only_for_unknowable_values,
    project_checks.request_lines_are_refused_only_past_the_documented_limit,
]


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
    case.call_and_validate(checks=CHECKS)

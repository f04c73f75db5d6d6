"""Property-based run of the whole OpenAPI schema with schemathesis, against the WSGI app on PostgreSQL.

Every operation gets generated valid and invalid requests; a response must never be a 5xx and must match
what the schema documents. `positive_data_acceptance` is left out on purpose: the API refuses some
schema-valid values by design (an id that does not exist is a 400, not an empty list).
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


@schemathesis.hook
def before_load_schema(context, raw_schema):
    # `fields=` and `omit=` trim answers on purpose: the schema describes whole answers, which the checks read, so
    # the generated requests leave them out (tests/api/test_field_selection.py covers them).
    for operations in raw_schema["paths"].values():
        for operation in operations.values():
            if isinstance(operation, dict) and "parameters" in operation:
                operation["parameters"] = [parameter for parameter in operation["parameters"]
                                           if parameter.get("name") not in {"fields", "omit"}]


schema = schemathesis.openapi.from_wsgi("/api/schema/", application)

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.unsupported_method,
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

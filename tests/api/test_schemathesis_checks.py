"""The project's own schemathesis checks fail what they are there to fail (the fuzz runs only show them passing)."""

from types import SimpleNamespace

import pytest
import requests

from newsapi.api.openapi_hooks import REQUEST_LINE_LIMIT
from tests.api.schemathesis_checks import request_lines_are_refused_only_past_the_documented_limit


def answer(status: int, request_line_length: int):
    query = "a" * (request_line_length - len("GET /api/v1/articles/?search= HTTP/1.1"))
    request = requests.Request("GET", f"http://127.0.0.1/api/v1/articles/?search={query}").prepare()
    assert len(f"GET {request.path_url} HTTP/1.1") == request_line_length
    return SimpleNamespace(status_code=status, request=request)


def test_a_414_past_the_limit_passes():
    assert request_lines_are_refused_only_past_the_documented_limit(
        None, answer(414, REQUEST_LINE_LIMIT + 1), None) is None


def test_a_414_within_the_limit_fails():
    with pytest.raises(AssertionError, match="within the documented"):
        request_lines_are_refused_only_past_the_documented_limit(None, answer(414, REQUEST_LINE_LIMIT), None)


def test_other_statuses_are_left_to_the_other_checks():
    assert request_lines_are_refused_only_past_the_documented_limit(None, answer(200, 100), None) is None

"""The project's schemathesis hooks (loaded by schemathesis.toml, for `make fuzz` and the tests alike).

`fields=`/`omit=` are left out of generated requests (they trim answers on purpose). And the exceptions to
"a schema-valid request is accepted", as a check:

schemathesis.toml lets `positive_data_acceptance` see a 400 as expected, because an OpenAPI 3.0 schema cannot
state four things the API refuses by design:
- a `cursor` the server did not issue: a cursor is an opaque copy of a `next`/`previous` link, so any other
  string is refused with `attr: cursor` (a forged position must never reach the database);
- an id that no row has, given as a reference in a body or a filter (`article`, `into`, `entity`, ...):
  refused as `does_not_exist` / `invalid_choice` naming that field, not silently stored or ignored;
- a correction that would leave two fields that go together half set, counting the values already stored
  (a latitude without a longitude, a figure without a qualifier): `incomplete_pair`. A schema states each
  request alone, not the row it changes;
- a parameter that needs or excludes another: `page_size` with `format=csv` (an export streams every matching
  row and has no pages), `ordering=rank` without `search` (the relevance of no search); OpenAPI 3.0 cannot
  make a parameter depend on another's value.
This check gives the 400 back its teeth: a schema-valid request answered 400 fails unless every error it
lists is one of those four.

schemathesis.toml also expects 414 from any request, valid or not: the server's documented answer to a request
line longer than it reads (newsapi.api.openapi_hooks.REQUEST_LINE_LIMIT), which several long filter values reach
together. The second check fails a 414 for a request line within the limit.
"""

import csv
import io
import json

import schemathesis

from newsapi.api.openapi_hooks import REQUEST_LINE_LIMIT


@schemathesis.hook
def before_load_schema(context, raw_schema):
    # `fields=` and `omit=` trim answers on purpose: the schema describes whole answers, which the checks read, so
    # the generated requests leave them out (tests/api/test_field_selection.py covers them).
    for operations in raw_schema["paths"].values():
        for operation in operations.values():
            if isinstance(operation, dict) and "parameters" in operation:
                operation["parameters"] = [parameter for parameter in operation["parameters"]
                                           if parameter.get("name") not in {"fields", "omit"}]


UNKNOWABLE_ID_CODES = {"does_not_exist", "invalid_choice"}
STATE_DEPENDENT_CODES = {"incomplete_pair"}


def _is_unknowable(error: dict, query: dict) -> bool:
    if error.get("attr") == "cursor" and error.get("code") == "invalid":
        return True
    if query.get("format") == "csv" and error.get("attr") == "page_size" and error.get("code") == "invalid":
        return True
    if (error.get("attr") == "ordering" and str(query.get("ordering", "")).lstrip("-") == "rank"
            and not query.get("search")):
        return True
    return error.get("code") in UNKNOWABLE_ID_CODES | STATE_DEPENDENT_CODES and bool(error.get("attr"))


def _errors(response) -> list | None:
    """The error list of a JSON error body, or of its CSV form (`?format=csv` lists answer errors as CSV)."""
    content_type = next((v for k, v in response.headers.items() if k.lower() == "content-type"), [""])
    if "text/csv" in "".join(content_type):
        return list(csv.DictReader(io.StringIO(response.content.decode())))
    try:
        return json.loads(response.content)["errors"]
    except (ValueError, KeyError, TypeError):
        return None


@schemathesis.check
def schema_valid_requests_are_refused_only_for_unknowable_values(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 400:
        return None
    errors = _errors(response)
    query = case.query or {}
    if not errors or not all(isinstance(e, dict) and _is_unknowable(e, query) for e in errors):
        raise AssertionError(
            "A schema-valid request was refused for a reason the schema could have stated (see this module): "
            f"{response.content[:500]!r}"
        )
    return None


def request_line_length(request) -> int:
    """Bytes of the request line `METHOD /path?query HTTP/1.1` (without CRLF) that the server reads."""
    return len(f"{request.method} {request.path_url} HTTP/1.1".encode())


@schemathesis.check
def request_lines_are_refused_only_past_the_documented_limit(ctx, response, case):
    if response.status_code == 414 and request_line_length(response.request) <= REQUEST_LINE_LIMIT:
        raise AssertionError(
            f"414 for a request line of {request_line_length(response.request)} bytes, within the documented "
            f"{REQUEST_LINE_LIMIT}"
        )
    return None

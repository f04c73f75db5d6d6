"""Schema post-processing: the schema says what the API accepts, so that a schema-valid request is accepted.

drf-spectacular describes the fields and filters; two rules the API applies everywhere are added here:
- a query parameter given with an empty value (`?search=`) is refused (newsapi.api.filters), so every
  free-text query parameter is documented with `minLength: 1`;
- an unknown field in a JSON body is refused (StrictInputSerializer, ArticleInputSerializer), so every
  request body is documented with `additionalProperties: false`;
- a multi-value filter splits each value at commas, and refuses an empty part (`a,,b`): its items say so;
- text with a NUL character is refused (Django and DRF's ProhibitNullCharactersValidator, PostgreSQL cannot
  store it), so free text in parameters and bodies is documented with a pattern that excludes it;
- a request line (method, path, query string) longer than the server reads is refused with 414 before the API
  sees it: every operation documents that answer.
"""

# gunicorn.conf.py's limit_request_line (tests/test_gunicorn_conf.py holds the two equal). Several multi-value
# filters of a list can add up to more than this even when each value is short, so no per-parameter maxLength
# could keep every schema-valid URL under it; the answer is documented instead.
REQUEST_LINE_LIMIT = 8190
REQUEST_LINE_TOO_LONG = {
    "description": (
        f"The request line (method, path and query string, percent-encoded) is longer than {REQUEST_LINE_LIMIT:,} "
        "bytes. The HTTP server refuses it in plain text before the API reads it: send fewer or shorter filter "
        "values, or split the request."
    ),
}

NO_NUL = "^[^\\u0000]*$"
# What str.strip() removes and a schema regex's \s may not name (\u0085 NEXT LINE, the \u001c-\u001f separators).
_BLANK = "\\s\\u001c-\\u001f\\u0085"
# A required body text is trimmed and refused when nothing is left ("This field may not be blank").
NOT_BLANK = f"^[^\\u0000]*[^{_BLANK}\\u0000][^\\u0000]*$"
# A value of a multi-value filter is split at commas and each part trimmed; an empty part is refused.
_PART = f"[^,\\u0000]*[^,{_BLANK}\\u0000][^,\\u0000]*"
LIST_VALUE = f"^{_PART}(,{_PART})*$"


def _is_free_text(schema: dict) -> bool:
    return schema.get("type") == "string" and not {"enum", "format", "pattern"} & set(schema)


def _is_free_text_with(schema: dict, pattern: str) -> bool:
    return schema.get("type") == "string" and schema.get("pattern") == pattern and "enum" not in schema


def _refuse_nul(schema: dict) -> None:
    if _is_free_text(schema):
        schema["pattern"] = NO_NUL
    elif schema.get("type") == "array":
        _refuse_nul(schema.get("items", {}))


def _require_a_value(schema: dict) -> None:
    if schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("minLength", 1)
    elif schema.get("type") == "array":
        items = schema.get("items", {})
        if _is_free_text(items):
            items["pattern"] = LIST_VALUE
        _require_a_value(items)
    _refuse_nul(schema)


def strict_inputs(result, generator, request, public):
    request_bodies = set()
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    _require_a_value(parameter.get("schema", {}))
            for content in operation.get("requestBody", {}).get("content", {}).values():
                reference = content.get("schema", {}).get("$ref", "")
                if reference.startswith("#/components/schemas/"):
                    request_bodies.add(reference.rsplit("/", 1)[1])
    components = result.get("components", {}).get("schemas", {})
    for name in request_bodies:
        if components.get(name, {}).get("type") == "object":
            components[name]["additionalProperties"] = False
            for field in components[name].get("properties", {}).values():
                _refuse_nul(field)
                if _is_free_text_with(field, NO_NUL) and field.get("minLength", 0) >= 1:
                    field["pattern"] = NOT_BLANK
    return result


def request_line_limit(result, generator, request, public):
    """Every operation documents the server's 414 for a request line past REQUEST_LINE_LIMIT."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("414", REQUEST_LINE_TOO_LONG)
    return result

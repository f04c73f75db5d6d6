"""Schema post-processing: the schema says what the API accepts, so that a schema-valid request is accepted.

drf-spectacular describes the fields and filters; two rules the API applies everywhere are added here:
- a query parameter given with an empty value (`?search=`) is refused (newsapi.api.filters), so every
  free-text query parameter is documented with `minLength: 1`;
- an unknown field in a JSON body is refused (StrictInputSerializer, ArticleInputSerializer), so every
  request body is documented with `additionalProperties: false`;
- text with a NUL character is refused (Django and DRF's ProhibitNullCharactersValidator, PostgreSQL cannot
  store it), so free text in parameters and bodies is documented with a pattern that excludes it.
"""

NO_NUL = "^[^\\u0000]*$"


def _is_free_text(schema: dict) -> bool:
    return schema.get("type") == "string" and not {"enum", "format", "pattern"} & set(schema)


def _refuse_nul(schema: dict) -> None:
    if _is_free_text(schema):
        schema["pattern"] = NO_NUL
    elif schema.get("type") == "array":
        _refuse_nul(schema.get("items", {}))


def _require_a_value(schema: dict) -> None:
    if schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("minLength", 1)
    elif schema.get("type") == "array":
        _require_a_value(schema.get("items", {}))
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
    return result

"""How the OpenAPI schema describes the API: the generator's schema class and its filter extension.

The schema is what generated clients are built from, so each operation lists exactly what it can answer:
reads carry no security requirement (they are public) and no 403, 405 or 415; error bodies are JSON
whatever format the operation serves; `fields`/`omit` appear wherever the answer can be trimmed."""

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.plumbing import build_array_type, build_parameter_type
from drf_spectacular.utils import OpenApiParameter
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from rest_framework.permissions import SAFE_METHODS

from .fields import ValuesFilter
from .filters import selects_fields, serializer_field_names
from .permissions import RolePermissions

BODY_METHODS = {"POST", "PUT", "PATCH"}

ERROR_DESCRIPTIONS = {
    "400": "A malformed or unknown parameter or body field: every error of the request, each naming its `attr`.",
    "401": "An invalid or expired token was sent (reads need none; a token that is sent must be valid), or a "
           "write came without one.",
    "403": "The token's role does not allow this.",
    "404": "No such item.",
    "406": "The Accept header (or `format`) asks for a format this operation does not serve.",
    "413": "The body is larger than MAX_ARTICLE_BODY_BYTES.",
    "415": "The body is not JSON.",
    "429": "Over the rate limit; `Retry-After` says when to come back.",
    "500": "A fault of the server.",
}


def lib_doc_excludes() -> list:
    """Classes whose docstrings are notes for developers, never descriptions in the schema (drf-spectacular
    falls back on a base class's docstring where a class has none)."""
    from drf_spectacular.plumbing import get_lib_doc_excludes
    from rest_flex_fields.serializers import FlexFieldsSerializerMixin

    from .serializers import ResponseSerializer

    return [*get_lib_doc_excludes(), ResponseSerializer, FlexFieldsSerializerMixin]


class AutoSchema(StandardizedErrorsAutoSchema):
    def get_auth(self):
        # Reads are public under RolePermissions: no padlock, and clients need no token for them.
        public = any(isinstance(p, RolePermissions) for p in self.view.get_permissions())
        if public and self.method in SAFE_METHODS:
            return []
        return super().get_auth()

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and "security" not in operation and self.method in SAFE_METHODS:
            operation["security"] = []  # said outright: no token needed
        return operation

    def _should_add_error_response(self, responses, status_code):
        if status_code in responses:
            return False
        if status_code == "401":
            return True  # any request may carry a token, and a token that is sent must be valid
        if status_code == "403":
            return self.method not in SAFE_METHODS
        if status_code == "404":
            # Bad cursors are 400s here, so only an item named in the path can be missing.
            return any(parameter["in"] == "path" for parameter in self._get_parameters())
        if status_code == "405":
            return False  # an operation's own method is allowed
        if status_code in {"413", "415"}:
            return self.method in BODY_METHODS
        return super()._should_add_error_response(responses, status_code)

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        if status_code >= "400":
            media_types = ["application/json"]  # errors are JSON, whatever the operation serves
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        if status_code >= "400" and not response.get("description"):
            response["description"] = ERROR_DESCRIPTIONS.get(status_code, "")
        return response

    def _get_paginator(self):
        paginator = super()._get_paginator()
        if paginator is not None:
            paginator.example_path = self.path
        return paginator

    def _get_format_parameters(self):
        # `format` is described in the operations' text, not as a typed parameter: a generated client would
        # offer format=csv and then fail to read the CSV as JSON. CSV and JSON-LD are read raw.
        return []

    def _get_parameters(self):
        parameters = super()._get_parameters()
        for parameter in parameters:
            if parameter["in"] == "path" and not parameter.get("description"):
                model = getattr(getattr(self.view, "queryset", None), "model", None) or self.view.get_queryset().model
                parameter["description"] = f"The {model._meta.verbose_name}'s {parameter['name']}."
        serializer = self._field_selection_serializer()
        if serializer is not None:
            names = list(serializer_field_names(serializer))
            listed = ", ".join(f"`{name}`" for name in names)
            for name, effect in (("fields", "keeps only these top-level fields"), ("omit", "leaves these out")):
                parameters.append(build_parameter_type(
                    name=name, location=OpenApiParameter.QUERY, explode=True, style="form",
                    schema=build_array_type({"type": "string", "enum": names}),
                    description=f"Field selection: {effect} (repeated or comma-separated: `{name}=id,{names[1]}`). "
                                f"One of: {listed}. A typed client's models expect every field: read a trimmed "
                                f"answer raw."))
        return sorted(parameters, key=lambda parameter: (parameter["in"] != "path", parameter["name"]))

    def _field_selection_serializer(self):
        """The serializer whose fields `fields=`/`omit=` select, for the operations that take them."""
        if self.method != "GET":
            return None
        action = getattr(self.view, "action", None)
        paginated_list = self._is_list_view() and self._get_paginator() is not None
        if action != "retrieve" and not paginated_list:
            return None
        serializer = self.get_response_serializers()
        if isinstance(serializer, dict):
            serializer = serializer.get((200, "application/json")) or serializer.get(200) or serializer.get("200")
        serializer = getattr(serializer, "response", serializer)  # an OpenApiResponse
        serializer = getattr(serializer, "child", serializer)  # many=True
        serializer_class = serializer if isinstance(serializer, type) else type(serializer)
        if not isinstance(serializer_class, type) or not selects_fields(serializer_class):
            return None
        return serializer_class


class FilterExtension(DjangoFilterExtension):
    """django-filter's parameters, with the filters that take several values as arrays of their items."""

    target_class = "newsapi.api.filters.FilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if not isinstance(filter_field, ValuesFilter):
            parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
            for parameter in parameters:
                # A filter whose type is declared by extend_schema_field keeps its help text all the same.
                parameter.setdefault("description", filter_field.extra.get("help_text", ""))
            return parameters
        several = "Several values: repeated or comma-separated; any of them matches."
        if filter_field.exclude:
            several = "Several values: repeated or comma-separated; a row matching any of them is left out."
        return [build_parameter_type(
            name=field_name, location=OpenApiParameter.QUERY, required=False, explode=True, style="form",
            schema=build_array_type(dict(filter_field.items)),
            description=f"{filter_field.extra.get('help_text', '')} {several}".strip(),
        )]

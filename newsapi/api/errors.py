"""Errors the API raises itself, and their place in the OpenAPI schema.

Every error body has one shape (drf-standardized-errors):
{"type": "validation_error" | "client_error" | "server_error",
 "errors": [{"code": "...", "detail": "...", "attr": "parameter or field, or null"}]}
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import models
from django.http import JsonResponse
from django.views import defaults
from drf_standardized_errors.openapi_serializers import ClientErrorEnum
from rest_framework import serializers, status
from rest_framework.exceptions import APIException

from .middleware import is_api


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"

    def __init__(self):
        super().__init__(f"The request body is larger than {settings.MAX_ARTICLE_BODY_BYTES} bytes.")


def reject_large_body(request) -> None:
    """Refuse an oversized body from its declared length, before anything reads it."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.MAX_ARTICLE_BODY_BYTES:
        raise RequestTooLarge()


class ValidationErrorItemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Machine-readable reason: invalid, required, does_not_exist ...")
    detail = serializers.CharField(help_text="What is wrong, for people.")
    attr = serializers.CharField(allow_null=True, help_text="The query parameter or body field at fault.")


class ValidationErrorResponseSerializer(serializers.Serializer):
    """A 400: a malformed parameter or body field (validation_error) or an unparsable body (client_error)."""

    type = serializers.ChoiceField(choices=[("validation_error", "validation_error"), ("client_error", "client_error")])
    errors = ValidationErrorItemSerializer(many=True)


class ErrorCode413Enum(models.TextChoices):
    REQUEST_TOO_LARGE = "request_too_large"


class Error413Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ErrorCode413Enum.choices)
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse413Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    errors = Error413Serializer(many=True)


def json_bad_request(request, exception=None):
    """400 for requests Django refuses before any view (a Host header not in ALLOWED_HOSTS): JSON under /api/."""
    if is_api(request):
        detail = ("The Host header names a host this server does not answer to."
                  if isinstance(exception, DisallowedHost) else "Bad request.")
        return JsonResponse(
            {"type": "client_error", "errors": [{"code": "bad_request", "detail": detail, "attr": None}]},
            status=400,
        )
    return defaults.bad_request(request, exception)


def json_not_found(request, exception=None):
    """404 for URLs no route matches: JSON under /api/, Django's page elsewhere."""
    if is_api(request):
        return JsonResponse(
            {"type": "client_error", "errors": [{"code": "not_found", "detail": "Not found.", "attr": None}]},
            status=404,
        )
    return defaults.page_not_found(request, exception)


def json_server_error(request):
    if is_api(request):
        return JsonResponse(
            {"type": "server_error", "errors": [{"code": "error", "detail": "Server error.", "attr": None}]},
            status=500,
        )
    return defaults.server_error(request)

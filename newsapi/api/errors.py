"""Errors the API raises itself, and their place in the OpenAPI schema.

Every error body has one shape (drf-standardized-errors):
{"type": "validation_error" | "client_error" | "server_error",
 "errors": [{"code": "...", "detail": "...", "attr": "parameter or field, or null"}]}
"""

from django.conf import settings
from django.db import models
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_serializers import ClientErrorEnum
from rest_framework import serializers, status
from rest_framework.exceptions import APIException


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


class ErrorCode413Enum(models.TextChoices):
    REQUEST_TOO_LARGE = "request_too_large"


class Error413Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ErrorCode413Enum.choices)
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse413Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    errors = Error413Serializer(many=True)


class AutoSchema(StandardizedErrorsAutoSchema):
    """Documents 413 only where a body is accepted."""

    def _should_add_error_response(self, responses, status_code):
        if status_code == "413":
            return self.method in {"POST", "PUT", "PATCH"} and status_code not in responses
        return super()._should_add_error_response(responses, status_code)

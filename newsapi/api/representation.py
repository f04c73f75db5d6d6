"""A faster `to_representation` for the read serializers of hot lists, with the same output as DRF's.

DRF serialises each field of each row through `field.get_attribute()` (a walk over `source_attrs` with error
handling) and `field.to_representation()`; for a page of 20 articles that is most of the request. This
mixin plans each serializer once, from the fields it actually has (so a serializer that drops fields still
drops them), and then reads each row with plain attribute access:

- model values DRF hands through unchanged (strings, integers, booleans, floats, choices) are copied;
- date-times are written as DRF writes them (ISO 8601, UTC as `Z`) when the settings are DRF's defaults;
- foreign keys shown as ids read the `_id` column; slug-related fields read the related row's attribute;
- nested serializers call their own `to_representation`;
- a field marked `blank_as_null` (an empty choice or URL) copies its value, or null when it is empty;
- anything else (method fields, lists, custom fields) goes through DRF's own path.

Mappings (not model rows) always take DRF's path.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from operator import attrgetter

from django.conf import settings
from rest_framework import ISO_8601, serializers
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings

PASSED_THROUGH = {serializers.CharField, serializers.IntegerField, serializers.BooleanField, serializers.FloatField,
                  serializers.ChoiceField, serializers.SlugField, serializers.URLField}


def datetime_text(value) -> str:
    """A date-time as DRF writes it by default: ISO 8601 in UTC, with `Z`."""
    text = value.isoformat()
    if text.endswith("+00:00"):  # read in UTC already (the database session's zone): no conversion
        return text[:-6] + "Z"
    text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def passed_through(field) -> bool:
    """Whether DRF hands a field's model value through unchanged (exact classes only: a subclass may represent
    its values its own way). A big integer is written as a string only when the settings ask for it."""
    kind = type(field)
    if kind is serializers.BigIntegerField:
        return not getattr(field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING)
    return kind in PASSED_THROUGH


def iso_datetimes(field) -> bool:
    """Whether a DateTimeField writes DRF's default: ISO 8601 in UTC, which `datetime_text` writes faster."""
    iso = getattr(field, "format", api_settings.DATETIME_FORMAT)
    return (isinstance(iso, str) and iso.lower() == ISO_8601 and settings.TIME_ZONE == "UTC"
            and getattr(field, "timezone", None) is None)


def _drf(field):
    def read(instance):
        attribute = field.get_attribute(instance)
        check = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
        return None if check is None else field.to_representation(attribute)
    return read


def _nullable(get, convert):
    def read(instance):
        value = get(instance)
        return None if value is None else convert(value)
    return read


def _blank_as_null(get):
    def read(instance):
        value = get(instance)
        return None if value == "" else value
    return read


def _plan_field(field, model):
    attrs = field.source_attrs
    if field.source == "*" or len(attrs) != 1:
        return _drf(field)
    get = attrgetter(attrs[0])
    if isinstance(field, serializers.BaseSerializer):
        if isinstance(field, serializers.ListSerializer):
            return _drf(field)
        return _nullable(get, field.to_representation)
    if getattr(field, "blank_as_null", False):  # a choice or URL left empty reads as null (serializers.py)
        return _blank_as_null(get)
    kind = type(field)  # exact classes only: a subclass may represent its values its own way
    if kind is serializers.PrimaryKeyRelatedField and field.pk_field is None and model is not None:
        try:
            return attrgetter(model._meta.get_field(attrs[0]).attname)
        except Exception:  # not a model field: DRF knows what to do
            return _drf(field)
    if kind is serializers.SlugRelatedField:
        return _nullable(get, attrgetter(field.slug_field))
    if kind is serializers.DateTimeField:
        return _nullable(get, datetime_text) if iso_datetimes(field) else _drf(field)
    if passed_through(field):
        return _nullable(get, float) if kind is serializers.FloatField else get
    return _drf(field)


class FastRepresentation:
    """Mix into a ModelSerializer (before it) to serialise rows without DRF's per-field overhead."""

    def to_representation(self, instance):
        if isinstance(instance, Mapping):
            return super().to_representation(instance)
        plan = self.__dict__.get("_fast_plan")
        if plan is None:
            model = getattr(getattr(self, "Meta", None), "model", None)
            plan = self._fast_plan = [(field.field_name, _plan_field(field, model)) for field in self._readable_fields]
        return {name: read(instance) for name, read in plan}

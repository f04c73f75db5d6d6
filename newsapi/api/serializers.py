"""The base of every serializer that shapes an answer."""

import copy

from drf_spectacular.utils import OpenApiExample, extend_schema_serializer
from rest_flex_fields.serializers import FlexFieldsSerializerMixin
from rest_framework import serializers

from .representation import FastRepresentation


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice left empty reads as null, so that the enumeration has no blank member: `QualifierEnum | null`."""

    blank_as_null = True  # FastRepresentation copies the stored value, or null

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


class BlankAsNullURLField(serializers.URLField):
    """A URL left empty reads as null: "" is no URI."""

    blank_as_null = True

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


def _field_copy(field):
    """A fresh copy of a built, never bound field: its own binding (name, parent), the rest shared (it is only
    read). A nested serializer gets no fields of its own yet (built on first use); a list gets its own child."""
    copied = copy.copy(field)
    if isinstance(field, serializers.BaseSerializer):
        for cached in ("fields", "_fast_plan"):
            copied.__dict__.pop(cached, None)
        if isinstance(field, serializers.ListSerializer):
            copied.child = _field_copy(field.child)
            copied.child.parent = copied  # the rest of its binding (name "", source) is the same
    return copied


class FieldsBuiltOnce:
    """ModelSerializer introspects the model and builds every field again for each serializer (a list builds
    at least two per request). What it builds depends on the class alone, so it is built once per class and
    each serializer gets copies (a field is bound to the serializer that uses it; deep copies cost as much as
    building). Below drf-flex-fields in the MRO, which trims the copies to the request's `fields=`/`omit=`."""

    def get_fields(self):
        built = type(self).__dict__.get("_built_fields")
        if built is None:
            built = super().get_fields()
            type(self)._built_fields = built
        return {name: _field_copy(field) for name, field in built.items()}


# An answer: every field is read-only, so the schema marks each one required (it is always there) and nullable
# only where it can be null; an empty choice is null. When the serializer shapes the whole answer, the request's
# `fields=` keeps only the named top-level fields and `omit=` leaves them out (drf-flex-fields); nested
# serializers are never trimmed. Rows are written by FastRepresentation, from the fields left. (Comments, not a docstring: the schema would show a docstring as the
# description of every component without one of its own.)
class ResponseSerializer(FlexFieldsSerializerMixin, FieldsBuiltOnce, FastRepresentation, serializers.ModelSerializer):
    serializer_choice_field = BlankAsNullChoiceField


    def select_requested_fields(self) -> None:
        """Trim the fields to the request's `fields=`/`omit=` now, as drf-flex-fields does when the first row
        is written (row answers plan from the fields left)."""
        if not self._flex_fields_rep_applied:
            self.apply_flex_fields(self.fields, self._flex_options_rep_only)
            self._flex_fields_rep_applied = True

    def get_extra_kwargs(self):
        extra_kwargs = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra_kwargs.setdefault(name, {})["read_only"] = True
        return extra_kwargs

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if field_class is BlankAsNullChoiceField and not model_field.blank:
            field_class = serializers.ChoiceField  # never empty: the plain field, which FastRepresentation copies
        if getattr(model_field, "choices", None) and model_field.blank:
            kwargs["allow_null"] = True
            kwargs.pop("allow_blank", None)
        if field_class is serializers.URLField and model_field.blank:
            field_class = BlankAsNullURLField
            kwargs["allow_null"] = True
        return field_class, kwargs


def answer_example(value: dict, name: str = "From the seed article"):
    """Class decorator: an example answer of this serializer in the schema (shown in the docs and checked
    against real answers by the tests)."""
    return extend_schema_serializer(examples=[OpenApiExample(name, value=value, response_only=True)])

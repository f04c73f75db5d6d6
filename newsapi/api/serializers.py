"""The base of every serializer that shapes an answer."""

from drf_spectacular.utils import OpenApiExample, extend_schema_serializer
from rest_flex_fields.serializers import FlexFieldsSerializerMixin
from rest_framework import serializers

from .representation import FastRepresentation


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice left empty reads as null, so that the enumeration has no blank member: `QualifierEnum | null`."""

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


class BlankAsNullURLField(serializers.URLField):
    """A URL left empty reads as null: "" is no URI."""

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


# An answer: every field is read-only, so the schema marks each one required (it is always there) and nullable
# only where it can be null; an empty choice is null. When the serializer shapes the whole answer, the request's
# `fields=` keeps only the named top-level fields and `omit=` leaves them out (drf-flex-fields); nested
# serializers are never trimmed. Rows are written by FastRepresentation, from the fields left. (Comments, not a docstring: the schema would show a docstring as the
# description of every component without one of its own.)
class ResponseSerializer(FlexFieldsSerializerMixin, FastRepresentation, serializers.ModelSerializer):
    serializer_choice_field = BlankAsNullChoiceField

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

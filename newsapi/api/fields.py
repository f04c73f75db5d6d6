"""Filter fields shared by the apps' FilterSets."""

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from extraction.document import parse_iso_datetime
from extraction.types import MAX_FIGURE


class IsoDateTimeBoundField(forms.CharField):
    """An ISO 8601 date or date-time. A bare date is the start of that day (UTC), or its end with `end_of_day`."""

    def __init__(self, *args, end_of_day=False, **kwargs):
        self.end_of_day = end_of_day
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            moment = parse_iso_datetime(value)
        except ValueError:
            raise forms.ValidationError(
                "Enter an ISO 8601 date (2022-02-24) or date-time (2022-02-24T20:04:00Z).", code="invalid"
            ) from None
        if self.end_of_day and len(value.strip()) == 10:
            # The day's last moment, written out: adding a day would overflow on 9999-12-31.
            moment = moment.replace(hour=23, minute=59, second=59, microsecond=999999)
        return moment


# What IsoDateTimeBoundField reads: a date or a date-time.
@extend_schema_field({"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]})
class IsoDateTimeBoundFilter(django_filters.Filter):
    field_class = IsoDateTimeBoundField

    def __init__(self, *args, end_of_day=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra["end_of_day"] = end_of_day


class ObjectReferenceField(forms.CharField):
    """An object's numeric id or its slug; one that does not exist is a validation error."""

    def __init__(self, *args, model=None, **kwargs):
        self.model = model
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        # ASCII digits only: str.isdigit() is also true of '³', which int() refuses.
        lookup = {"pk": int(value)} if value.isascii() and value.isdigit() else {"slug": value}
        found = self.model.objects.filter(**lookup).first()
        if found is None:
            # User input goes in params, never into the message itself: django-filter %-formats messages.
            raise forms.ValidationError(
                "No %(model)s with id or slug %(value)s.", code="does_not_exist",
                params={"model": self.model._meta.verbose_name, "value": repr(value)},
            )
        return found


@extend_schema_field(OpenApiTypes.STR)
class ObjectReferenceFilter(django_filters.Filter):
    field_class = ObjectReferenceField

    def __init__(self, *args, model=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra["model"] = model


class StrictBooleanField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if value.lower() in {"true", "1"}:
            return True
        if value.lower() in {"false", "0"}:
            return False
        raise forms.ValidationError("Enter true or false.", code="invalid")


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


@extend_schema_field({"type": "number", "minimum": 0, "maximum": 1})
class ShareFilter(django_filters.NumberFilter):
    """A number from 0 to 1 (a confidence), bounds the schema states as well."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=0, max_value=1, **kwargs)


class FigureFilter(django_filters.NumberFilter):
    """A bound on a claim's figure: a number within what a figure can be (±MAX_FIGURE), as the schema says."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=-MAX_FIGURE, max_value=MAX_FIGURE, **kwargs)

    def get_max_validator(self):
        return None  # max_value above is the bound; django-filter's own 1e50 is looser


extend_schema_field({"type": "number", "minimum": -MAX_FIGURE, "maximum": MAX_FIGURE})(FigureFilter)

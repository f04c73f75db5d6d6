"""Filter fields shared by the apps' FilterSets."""

import copy
import re
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Q
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


MAX_ID = 2**63 - 1  # the largest id a bigint column holds: a larger number names nothing


def _quoted(values) -> str:
    return ", ".join(repr(value) for value in values)


class ValuesWidget(forms.TextInput):
    """Several values of one parameter, repeated (`type=A&type=B`, what generated clients send) or
    comma-separated (`type=A,B`), or both. The browsable API's filter form shows them comma-separated."""

    def format_value(self, value):
        return ",".join(value) if isinstance(value, list | tuple) else super().format_value(value)

    def value_from_datadict(self, data, files, name):
        raw = data.getlist(name) if hasattr(data, "getlist") else ([data[name]] if name in data else [])
        if not raw:
            return None
        return [part.strip() for value in raw for part in value.split(",")]


class ValuesField(forms.Field):
    """A list of values; an empty item (`a,,b`) is an error. Subclasses check and convert the values."""

    widget = ValuesWidget

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, values):
        if not values:
            return None
        if any(value == "" for value in values):
            raise forms.ValidationError("An empty value in the list: separate values with single commas.",
                                        code="invalid")
        if any("\x00" in value for value in values):
            raise forms.ValidationError("Null characters are not allowed.", code="null_characters_not_allowed")
        return self.clean_values(values)

    def clean_values(self, values: list[str]) -> list:
        return values


class ChoicesField(ValuesField):
    """Values of an enumeration, in any case (`person` is `PERSON`); unknown ones are named in one error."""

    def __init__(self, *args, choices=(), **kwargs):
        self.choices = [value for value, _ in choices]
        super().__init__(*args, **kwargs)

    def clean_values(self, values):
        canonical = {choice.lower(): choice for choice in self.choices}
        unknown = [value for value in values if value.lower() not in canonical]
        if unknown:
            raise forms.ValidationError(
                "Unknown value %(values)s. Choose from: %(choices)s (any case).", code="invalid_choice",
                params={"values": _quoted(unknown), "choices": ", ".join(self.choices)})
        return list(dict.fromkeys(canonical[value.lower()] for value in values))


class ReferencesField(ValuesField):
    """Objects named by id, or by `slug_field` where the model has one: one query for all of them, and every
    name that matches nothing is named in the error. Cleans to the objects' ids."""

    def __init__(self, *args, model=None, slug_field="slug", **kwargs):
        self.model = model
        self.slug_field = slug_field
        super().__init__(*args, **kwargs)

    def clean_values(self, values):
        # ASCII digits only: str.isdigit() is also true of '³', which int() refuses.
        ids = {value: int(value) for value in values if value.isascii() and value.isdigit() and int(value) <= MAX_ID}
        condition = Q(pk__in=ids.values())
        if self.slug_field:
            condition |= Q(**{f"{self.slug_field}__in": values})
        found = list(self.model.objects.filter(condition).values_list("pk", self.slug_field or "pk"))
        by_id = {pk: pk for pk, _ in found}
        by_name = {str(name): pk for pk, name in found} if self.slug_field else {}
        resolved = {value: by_id.get(ids.get(value), by_name.get(value)) for value in values}
        missing = [value for value, pk in resolved.items() if pk is None]
        if missing:
            # User input goes in params, never into the message itself: django-filter %-formats messages.
            raise forms.ValidationError(
                "No %(model)s with %(what)s %(values)s.", code="does_not_exist",
                params={"model": self.model._meta.verbose_name, "values": _quoted(missing),
                        "what": f"id or {self.slug_field}" if self.slug_field else "id"})
        return list(dict.fromkeys(resolved.values()))


class LanguagesField(ValuesField):
    """Language codes such as en or pt-BR, lower-cased."""

    def clean_values(self, values):
        malformed = [value for value in values if not LANGUAGE_CODE.fullmatch(value)]
        if malformed:
            raise forms.ValidationError("Not a language code: %(values)s (two or three letters: en, de, pt-br).",
                                        code="invalid", params={"values": _quoted(malformed)})
        return list(dict.fromkeys(value.lower() for value in values))


LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})?")


class ValuesFilter(django_filters.Filter):
    """One or several values, any of which matches; `exclude=True` leaves the matches out instead.

    `match(values)` builds the condition when it is more than `field_name__in` (a normalised vocabulary,
    a relation through another table). `items` is the OpenAPI schema of one value."""

    field_class = ValuesField

    def __init__(self, *args, match=None, items=None, **kwargs):
        kwargs.setdefault("lookup_expr", "in")
        super().__init__(*args, **kwargs)
        self.match = match
        self.items = items or {"type": "string"}

    def filter(self, queryset, values):
        if not values:
            return queryset
        condition = self.match(values) if self.match else Q(**{f"{self.field_name}__{self.lookup_expr}": values})
        return queryset.exclude(condition) if self.exclude else queryset.filter(condition)


class ChoicesFilter(ValuesFilter):
    field_class = ChoicesField

    def __init__(self, *args, choices=(), **kwargs):
        kwargs.setdefault("items", {"type": "string", "enum": [value for value, _ in choices]})
        super().__init__(*args, choices=choices, **kwargs)


class ReferencesFilter(ValuesFilter):
    field_class = ReferencesField


class LanguagesFilter(ValuesFilter):
    field_class = LanguagesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("match", lambda codes: reduce(or_, (Q(language__iexact=code) for code in codes)))
        kwargs.setdefault("items", {"type": "string", "pattern": f"^{LANGUAGE_CODE.pattern}$", "example": "en"})
        super().__init__(*args, **kwargs)


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



class _FiltersCopiedShallow(dict):
    """A FilterSet's declared filters, copied one level deep: see FilterSet."""

    def __deepcopy__(self, memo):
        return _FiltersCopiedShallow((name, _filter_copy(declared)) for name, declared in self.items())


def _filter_copy(declared):
    copied = copy.copy(declared)
    if copied.method is not None:
        copied.method = declared.method  # binds a FilterMethod of its own, which calls the copy's parent
    return copied


class FilterSet(django_filters.FilterSet):
    """The base of the API's FilterSets.

    django-filter deep-copies every declared filter for each request (their choices, help texts, querysets:
    most of a filtered list's time in Python). A filter's per-request state is only its `parent` and `model`,
    which the FilterSet sets on its copies right after, its form field, built on first use, and the FilterMethod
    of a `method=` filter, bound again: a shallow copy of each filter serves.

    And a request is filtered by the filters it names only: a filter whose parameter is absent filters nothing,
    yet each one was copied, given a form field, copied again by the form and validated (a list has up to 26)."""

    FORM_CLASSES_KEPT = 256

    @classmethod
    def get_filters(cls):
        return _FiltersCopiedShallow(super().get_filters())

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # Read by django-filter's __init__, which copies these for the request. A widget reads its filter's
            # name or a name built on it (`value_min`, `entity[]`), so a filter is kept whenever a parameter
            # starts with its name: at worst one more filter than needed, never one fewer.
            names = tuple(data)
            self.base_filters = _FiltersCopiedShallow(
                (name, declared) for name, declared in type(self).base_filters.items()
                if any(given.startswith(name) for given in names))
        super().__init__(data, *args, **kwargs)

    def get_form_class(self):
        # django-filter creates a form class (a metaclass at work, and a form field per filter with its label)
        # for every request. Its fields depend on the filters alone (none reads the request's values), and each
        # form deep-copies its class's fields: one class per FilterSet and set of filters serves every request.
        # Bounded: the sets are whatever requests combine.
        form_classes = type(self).__dict__.get("_form_classes")
        if form_classes is None:
            form_classes = type(self)._form_classes = {}
        key = tuple(self.filters)
        form_class = form_classes.get(key)
        if form_class is None:
            if len(form_classes) >= self.FORM_CLASSES_KEPT:
                form_classes.clear()
            form_class = form_classes[key] = super().get_form_class()
        return form_class
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

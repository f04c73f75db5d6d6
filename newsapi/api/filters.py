"""Filter backends that refuse what they do not understand, instead of silently ignoring it, and report every
error of a request at once.

Each stage of a list (unknown parameters, the filters, the ordering, then the page size and the cursor)
records its errors on the request instead of raising the first; the last stage before the database is asked
raises them together as one 400 (`raise_query_errors`)."""

from functools import cache

from django.db.models import F
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.filters import BaseFilterBackend, OrderingFilter


def query_errors(request) -> dict[str, list[ErrorDetail]]:
    """The errors recorded so far for this request's query parameters, by parameter."""
    django_request = getattr(request, "_request", request)
    if not hasattr(django_request, "newsapi_query_errors"):
        django_request.newsapi_query_errors = {}
    return django_request.newsapi_query_errors


def query_error(request, name: str, message: str, code: str = "invalid") -> None:
    recorded = query_errors(request).setdefault(name, [])
    if str(message) not in {str(error) for error in recorded}:
        recorded.append(ErrorDetail(str(message), code=code))


def raise_query_errors(request) -> None:
    errors = query_errors(request)
    if errors:
        raise ValidationError(dict(errors))


def reject_query_parameters(request, allowed: set[str], messages: dict[str, str] | None = None) -> None:
    """Records unknown parameters and empty values: a filter the client thinks applies must apply.

    `messages` explains, for a known parameter that does not apply here, why."""
    for name in sorted(set(request.query_params)):
        if name not in allowed and name != "format":
            listed = ", ".join(sorted(allowed)) or "none"
            query_error(request, name, (messages or {}).get(name) or f"Unknown query parameter. Allowed here: {listed}.")
        elif any(value == "" for value in request.query_params.getlist(name)):
            query_error(request, name, "Empty value: give the parameter a value or leave it out.")


# Parameters of every paginated list besides its filters, and of every JSON list and detail.
PAGE_PARAMETERS = {"cursor", "page_size", "count"}
FIELD_PARAMETERS = {"fields", "omit"}
NOT_IN_EXPORTS = (
    "Exports are every matching row in fixed columns: cursor, page_size, count, fields and omit do not apply."
)


def selects_fields(serializer_class) -> bool:
    # Imported here: drf-flex-fields imports DRF's viewsets, which import these backends through the settings.
    from rest_flex_fields.serializers import FlexFieldsSerializerMixin

    return issubclass(serializer_class, FlexFieldsSerializerMixin)


@cache
def serializer_field_names(serializer_class) -> tuple[str, ...]:
    return tuple(serializer_class().fields)


def check_field_selection(request, serializer_class) -> None:
    """`fields=` and `omit=` name top-level fields of the answer; an unknown name is an error naming it."""
    known = serializer_field_names(serializer_class)
    for parameter in sorted(FIELD_PARAMETERS):
        names = [name.strip() for value in request.query_params.getlist(parameter) for name in value.split(",")]
        unknown = [name for name in names if name and name not in known]
        if unknown:
            query_error(request, parameter, f"Unknown field {', '.join(map(repr, unknown))}. Fields here: "
                                            f"{', '.join(known)}.")


def check_count(request) -> None:
    value = request.query_params.get("count")
    if value and value.lower() not in {"true", "false"}:
        query_error(request, "count", "Must be true or false.")


def count_requested(request) -> bool:
    return request.query_params.get("count", "").lower() == "true"


def is_export(request) -> bool:
    renderer = getattr(request, "accepted_renderer", None)
    return getattr(renderer, "format", None) == "csv"


class StrictQueryParametersBackend(BaseFilterBackend):
    """A query parameter that no filter, ordering, pagination or field selection reads is a 400, not a no-op."""

    def filter_queryset(self, request, queryset, view):
        allowed = set()
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        if getattr(view, "ordering_fields", None):
            allowed.add("ordering")
        action = getattr(view, "action", None)
        if is_export(request):
            reject_query_parameters(request, allowed, {name: NOT_IN_EXPORTS for name in PAGE_PARAMETERS | FIELD_PARAMETERS})
            return queryset
        if action == "list" and getattr(view, "pagination_class", None) is not None:
            allowed |= PAGE_PARAMETERS
            check_count(request)
        if action in {"list", "retrieve"} and selects_fields(view.get_serializer_class()) and (
                getattr(request.accepted_renderer, "format", None) != "jsonld"):
            allowed |= FIELD_PARAMETERS
            check_field_selection(request, view.get_serializer_class())
        reject_query_parameters(request, allowed)
        return queryset


def asks_filters(request, filterset_class) -> bool:
    """Whether the request names a filter of the FilterSet (with none, filtering changes nothing)."""
    return filterset_class is not None and not filterset_class.base_filters.keys().isdisjoint(request.query_params)


class FilterBackend(DjangoFilterBackend):
    """django-filter, with the errors of every filter recorded beside the request's other errors."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if not asks_filters(request, filterset_class):
            # No filter asked for: the filterset would build and validate a form of empty values and hand the
            # queryset back unchanged (each filter skips an empty value); a detail view pays it on every request.
            return queryset
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            for name, messages in utils.translate_validation(filterset.errors).detail.items():
                for message in messages:
                    query_error(request, name, message, getattr(message, "code", "invalid"))
            return queryset
        return filterset.qs


class StrictOrderingFilter(OrderingFilter):
    """`ordering` takes one of the listed values; anything else is a 400 that lists them."""

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)  # records its own errors
        if query_errors(request) or not ordering:
            # The request is refused anyway; and with an invalid filter an ordering such as `rank` (the
            # relevance of a valid `search`) has nothing to order by.
            return queryset
        # A cursor reads its position from each row: an ordering by a computed value that a filter left
        # unselected (a search's `rank` is an alias, so that no other ordering ranks every match) selects it.
        computed = {name: F(name) for name in (term.lstrip("-") for term in ordering)
                    if name in queryset.query.annotations and name not in queryset.query.annotation_select}
        return (queryset.annotate(**computed) if computed else queryset).order_by(*ordering)

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        allowed = {field for field, _ in self.get_valid_fields(queryset, view, {"request": request})}
        fields = [term.strip() for term in raw.split(",") if term.strip()]
        invalid = [term for term in fields if term.lstrip("-") not in allowed]
        if not fields or invalid:
            choices = ", ".join(sorted(allowed | {f"-{field}" for field in allowed}))
            query_error(request, self.ordering_param, f"Unknown ordering {raw!r}. Choose from: {choices}.")
            return self.get_default_ordering(view)
        # Some orderings exist only with a filter: `rank` is the relevance of a `search`.
        for term in fields:
            needed = getattr(view, "ordering_requires", {}).get(term.lstrip("-"))
            if needed and not request.query_params.get(needed):
                query_error(request, self.ordering_param, f"Ordering by {term.lstrip('-')} needs `{needed}`.")
                return self.get_default_ordering(view)
        # A unique last key keeps pages stable when the first key ties.
        return [*fields, *[term for term in self.get_default_ordering(view) or [] if term.lstrip("-") == "id"]]

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        choices = [field for field in view.ordering_fields]
        for parameter in parameters:
            parameter["schema"] = {"type": "string", "enum": [*choices, *[f"-{c}" for c in choices]]}
            parameter["description"] = "Sort order; a leading '-' sorts descending."
        return parameters


class QueryErrorsBackend(BaseFilterBackend):
    """Last of the filter backends: raises what the others recorded, unless a paginated list goes on to check
    its page size and cursor first (the paginator raises then)."""

    def filter_queryset(self, request, queryset, view):
        paginated = (getattr(view, "action", None) == "list" and getattr(view, "paginator", None) is not None
                     and not is_export(request))
        if not paginated:
            raise_query_errors(request)
        return queryset

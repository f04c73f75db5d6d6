"""Filter backends that refuse what they do not understand, instead of silently ignoring it."""

from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend, OrderingFilter


def reject_query_parameters(request, allowed: set[str]) -> None:
    """Unknown parameters and empty values are errors: a filter the client thinks applies must apply."""
    errors = {}
    for name in sorted(set(request.query_params)):
        if name not in allowed and name != "format":
            listed = ", ".join(sorted(allowed)) or "none"
            errors[name] = [f"Unknown query parameter. Allowed here: {listed}."]
        elif any(value == "" for value in request.query_params.getlist(name)):
            errors[name] = ["Empty value: give the parameter a value or leave it out."]
    if errors:
        raise ValidationError(errors)

# Parameters every list understands besides its filters.
COMMON_PARAMETERS = {"cursor", "page_size", "format"}


class StrictQueryParametersBackend(BaseFilterBackend):
    """A query parameter that no filter, ordering or pagination reads is a 400, not a no-op."""

    def filter_queryset(self, request, queryset, view):
        allowed = set(COMMON_PARAMETERS)
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        if getattr(view, "ordering_fields", None):
            allowed.add("ordering")
        if getattr(view, "action", None) != "list" and getattr(view, "pagination_class", None) is None:
            allowed -= {"cursor", "page_size"}
        reject_query_parameters(request, allowed)
        return queryset


class StrictOrderingFilter(OrderingFilter):
    """`ordering` takes one of the listed values; anything else is a 400 that lists them."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        allowed = {field for field, _ in self.get_valid_fields(queryset, view, {"request": request})}
        fields = [term.strip() for term in raw.split(",") if term.strip()]
        invalid = [term for term in fields if term.lstrip("-") not in allowed]
        if not fields or invalid:
            choices = ", ".join(sorted(allowed | {f"-{field}" for field in allowed}))
            raise ValidationError({self.ordering_param: [f"Unknown ordering {raw!r}. Choose from: {choices}."]})
        # Some orderings exist only with a filter: `rank` is the relevance of a `search`.
        for term in fields:
            needed = getattr(view, "ordering_requires", {}).get(term.lstrip("-"))
            if needed and not request.query_params.get(needed):
                raise ValidationError({self.ordering_param: [f"Ordering by {term.lstrip('-')} needs `{needed}`."]})
        # A unique last key keeps pages stable when the first key ties.
        return [*fields, *[term for term in self.get_default_ordering(view) or [] if term.lstrip("-") == "id"]]

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        choices = [field for field in view.ordering_fields]
        for parameter in parameters:
            parameter["schema"] = {"type": "string", "enum": [*choices, *[f"-{c}" for c in choices]]}
            parameter["description"] = "Sort order; a leading '-' sorts descending."
        return parameters

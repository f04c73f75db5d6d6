"""Plumbing shared by the apps' viewsets."""

from rest_framework.exceptions import ValidationError

from .pagination import CursorPagination


def reject_query_parameters(request, allowed: set[str]) -> None:
    unknown = sorted(set(request.query_params) - allowed - {"format"})
    if unknown:
        listed = ", ".join(sorted(allowed)) or "none"
        raise ValidationError({name: [f"Unknown query parameter. Allowed here: {listed}."] for name in unknown})


class SubListMixin:
    """Paginated sub-lists such as /entities/{id}/quotes/: cursor pages, no filters, strict parameters."""

    def sub_list(self, request, queryset, serializer_class, ordering=("-id",)):
        reject_query_parameters(request, allowed={"cursor", "page_size"})
        paginator = CursorPagination()
        paginator.ordering = ordering
        page = paginator.paginate_queryset(queryset, request, view=self)
        data = serializer_class(page, many=True, context=self.get_serializer_context()).data
        return paginator.get_paginated_response(data)

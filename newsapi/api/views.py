"""Plumbing shared by the apps' viewsets."""

from .filters import (
    FIELD_PARAMETERS,
    PAGE_PARAMETERS,
    check_count,
    check_field_selection,
    raise_query_errors,
    reject_query_parameters,
)
from .pagination import CursorPagination

__all__ = ["SubListMixin", "raise_query_errors", "reject_query_parameters"]


class SubListMixin:
    """Paginated sub-lists such as /entities/{id}/quotes/: cursor pages, `count`, field selection, no filters,
    strict parameters."""

    def sub_list(self, request, queryset, serializer_class, ordering=("-id",), context=None):
        reject_query_parameters(request, allowed=PAGE_PARAMETERS | FIELD_PARAMETERS)
        check_count(request)
        check_field_selection(request, serializer_class)
        paginator = CursorPagination()
        paginator.ordering = ordering
        page = paginator.paginate_queryset(queryset, request, view=self)  # raises every error found
        data = serializer_class(page, many=True, context=context or self.get_serializer_context()).data
        return paginator.get_paginated_response(data)

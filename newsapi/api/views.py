"""Plumbing shared by the apps' viewsets."""

from .filters import reject_query_parameters
from .pagination import CursorPagination

__all__ = ["SubListMixin", "reject_query_parameters"]


class SubListMixin:
    """Paginated sub-lists such as /entities/{id}/quotes/: cursor pages, no filters, strict parameters."""

    def sub_list(self, request, queryset, serializer_class, ordering=("-id",)):
        reject_query_parameters(request, allowed={"cursor", "page_size"})
        paginator = CursorPagination()
        paginator.ordering = ordering
        page = paginator.paginate_queryset(queryset, request, view=self)
        data = serializer_class(page, many=True, context=self.get_serializer_context()).data
        return paginator.get_paginated_response(data)

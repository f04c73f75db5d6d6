"""Full-text search over articles.

PostgreSQL: a websearch query against the maintained `search_vector` (title
weighted A, subtitle B, body C), GIN-indexed and ranked. SQLite, the
zero-setup default, has no such index: there every word of the query must
appear in the title, subtitle or body (case-insensitive), unranked.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.functions import Cast


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def search_articles(queryset: QuerySet, terms: str) -> QuerySet:
    if is_postgresql():
        query = SearchQuery(terms, search_type="websearch", config="english")
        # An alias, not an annotation: PostgreSQL ranks every matching article when `rank` is selected, but
        # only an ordering by rank needs it (the ordering filter selects it then, for the cursor). In double
        # precision: ts_rank's real, read as text and sent back in a cursor, no longer equalled itself, and the
        # next page repeated rows.
        rank = Cast(SearchRank(F("search_vector"), query), FloatField())
        return queryset.filter(search_vector=query).alias(rank=rank)
    for word in terms.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(subtitle__icontains=word) | Q(body__icontains=word))
    return queryset.alias(rank=Cast(Value(1.0), FloatField()))

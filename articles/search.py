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
        return queryset.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))
    for word in terms.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(subtitle__icontains=word) | Q(body__icontains=word))
    return queryset.annotate(rank=Cast(Value(1.0), FloatField()))

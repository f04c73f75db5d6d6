import threading

import pytest
from django.db import connection

from articles.models import Article, Entity
from extraction import parse_seed_text
from ingestion.services import article_ingest

from .documents import HARBOUR_ARTICLE


@pytest.mark.django_db(transaction=True)
def test_concurrent_loads_of_one_document_store_it_once():
    document = parse_seed_text(HARBOUR_ARTICLE)
    statuses, errors = [], []
    barrier = threading.Barrier(4)

    def worker():
        try:
            barrier.wait()
            statuses.append(article_ingest(document=document).status)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Article.objects.count() == 1
    assert sorted(statuses).count("created") == 1
    names = list(Entity.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))

"""Migrations that change stored rows, run on a database that holds such rows."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE, AFTER = [("claims", "0002_measures")], [("claims", "0003_claim_value_bounded")]


@pytest.mark.django_db(transaction=True)
def test_figures_stored_as_infinity_lose_their_value_and_the_constraint_applies():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    article = old.get_model("articles", "Article").objects.create(
        title="Toll", body="Body.", published_at="2025-06-03T10:00:00Z", content_hash="a" * 64, word_count=1)
    measure = old.get_model("claims", "Measure").objects.create(key="killed--soldier--any", unit="soldier",
                                                                claim_count=2)
    Claim = old.get_model("claims", "Claim")
    infinite = Claim.objects.create(article=article, text="Toll.", value=float("inf"), qualifier="exact",
                                    measure=measure, lower=float("inf"), upper=float("inf"), start=0, end=4)
    Claim.objects.create(article=article, text="Toll.", value=12, qualifier="exact", measure=measure, start=0, end=4)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    infinite = new.get_model("claims", "Claim").objects.get(pk=infinite.pk)
    assert (infinite.value, infinite.qualifier, infinite.measure_id, infinite.upper) == (None, "", None, None)
    measure = new.get_model("claims", "Measure").objects.get(pk=measure.pk)
    assert (measure.claim_count, measure.min_value, measure.max_value) == (1, 12, 12)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

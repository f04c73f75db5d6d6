"""An entity's mention_count, quote_count and claim_count (like article_count) are kept by the services that write
mentions, quotes and claims: after loading, new content at a URL, a re-extraction, corrections, additions and
merges, every entity's page shows what its rows count."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Entity, Mention, Quote
from claims.models import Claim
from tests.api.test_corrections import ARTICLE, EDITED, post
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def assert_every_entity_counted(client):
    entities = list(Entity.objects.filter(merged_into=None))
    assert entities
    for entity in entities:
        shown = client.get(f"/api/v1/entities/{entity.pk}/").json()
        counted = {
            "article_count": Mention.objects.filter(entity=entity).values("article").distinct().count(),
            "mention_count": Mention.objects.filter(entity=entity).count(),
            "quote_count": Quote.objects.filter(speaker=entity).count(),
            "claim_count": Claim.objects.filter(claimant=entity).count(),
        }
        assert {name: shown[name] for name in counted} == counted, entity.name


def test_loading_articles_counts_every_entity_s_rows(api_client, tmp_path):
    call_command("generate_corpus", "--articles", "5", "--seed", "4", "--output", str(tmp_path), stdout=StringIO())
    call_command("load_seeds", str(tmp_path), "--workers", "1", stdout=StringIO(), stderr=StringIO())
    assert Quote.objects.exclude(speaker=None).exists() and Claim.objects.exclude(claimant=None).exists()
    assert_every_entity_counted(api_client)


def test_every_write_keeps_the_counts(authed_client, editor_client, api_client):
    article = post(authed_client, ARTICLE)
    assert_every_entity_counted(api_client)
    claim = next(c for c in article["claims"] if c["claimant"])
    quote = next(q for q in article["quotes"] if q["speaker"])
    inspector = EntityFactory(name="Ingrid Holm", slug="ingrid-holm")
    assert editor_client.patch(f"/api/v1/claims/{claim['id']}/", {"claimant": inspector.pk},
                               format="json").status_code == 200
    assert editor_client.patch(f"/api/v1/quotes/{quote['id']}/", {"speaker": inspector.pk},
                               format="json").status_code == 200
    shown = api_client.get(f"/api/v1/entities/{inspector.pk}/").json()
    assert (shown["quote_count"], shown["claim_count"]) == (1, 1)
    assert_every_entity_counted(api_client)

    post(authed_client, EDITED)  # new content at the URL: realigned, the corrections kept
    assert_every_entity_counted(api_client)
    Claim.objects.filter(article_id=article["id"]).update(verified=False)  # the machine may replace them now
    post(authed_client, ARTICLE)
    assert_every_entity_counted(api_client)
    call_command("reextract", "--article", str(article["id"]), stdout=StringIO(), stderr=StringIO())
    assert_every_entity_counted(api_client)

    text = api_client.get(f"/api/v1/articles/{article['id']}/").json()["text"]
    start = text.index("12 bridges")
    added = {"article": article["id"], "start": start, "end": start + 10, "claimant": inspector.pk}
    assert editor_client.post("/api/v1/claims/", {**added, "value": 12, "qualifier": "exact", "unit": "bridge",
                                                  "predicate": "damaged"}, format="json").status_code == 201
    added = {k: v for k, v in added.items() if k != "claimant"}
    assert editor_client.post("/api/v1/quotes/", {**added, "kind": "indirect", "speaker": inspector.pk},
                              format="json").status_code == 201
    assert_every_entity_counted(api_client)

    named = Entity.objects.exclude(pk=inspector.pk).filter(mentions__isnull=False).distinct().first()
    response = editor_client.post(f"/api/v1/entities/{inspector.pk}/merge/", {"into": named.pk}, format="json")
    assert response.status_code == 200, response.content
    assert_every_entity_counted(api_client)

"""Entity.article_count is kept by the services that write mentions; lists order by it through an index."""

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from articles.models import Mention
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db


def counted_from_mentions() -> dict[int, int]:
    return dict(Mention.objects.order_by().values("entity").annotate(n=Count("article", distinct=True))
                .values_list("entity", "n"))


def exported_counts(client) -> dict[int, int]:
    text = b"".join(client.get("/api/v1/entities/?format=csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text.rstrip("\r\n").rsplit("\r\n", 1)[0] + "\r\n")))
    return {int(row["id"]): int(row["article_count"]) for row in rows}


def test_loading_articles_counts_each_entity_s_articles(api_client, tmp_path):
    call_command("generate_corpus", "--articles", "6", "--seed", "3", "--output", str(tmp_path), stdout=StringIO())
    call_command("load_seeds", str(tmp_path), "--workers", "1", stdout=StringIO(), stderr=StringIO())
    truth = counted_from_mentions()
    assert truth and max(truth.values()) > 1  # some entity is named in several articles
    assert exported_counts(api_client) == {entity: truth.get(entity, 0) for entity in exported_counts(api_client)}
    ordered = api_client.get("/api/v1/entities/?ordering=-article_count&page_size=200").json()["results"]
    assert [truth.get(row["id"], 0) for row in ordered] == sorted(truth.get(row["id"], 0) for row in ordered)[::-1]


BODY = "{name} said on Monday that the talks in Geneva would go on.\n\nThe talks began in {year}."


def test_new_content_at_a_url_moves_the_counts(authed_client, api_client):
    def post(name):
        response = authed_client.post("/api/v1/articles/", {
            "title": "Talks go on", "body": BODY.format(name=name, year=2020 if name.startswith("A") else 2021),
            "published_at": "2022-02-24T10:00:00Z", "url": "https://example.org/talks"}, format="json")
        assert response.status_code in {200, 201}, response.content
        return {entity["name"]: entity["id"] for entity in response.json()["entities"]}

    first = post("Angela Merkel")
    merkel = first["Angela Merkel"]
    assert api_client.get(f"/api/v1/entities/{merkel}/").json()["article_count"] == 1
    second = post("Emmanuel Macron")
    assert "Angela Merkel" not in second
    assert api_client.get(f"/api/v1/entities/{merkel}/").json()["article_count"] == 0
    assert api_client.get(f"/api/v1/entities/{second['Emmanuel Macron']}/").json()["article_count"] == 1
    assert exported_counts(api_client) == {e: counted_from_mentions().get(e, 0) for e in exported_counts(api_client)}


def test_a_merge_counts_an_article_naming_both_once(editor_client, api_client):
    kept, duplicate = EntityFactory(name="Volodymyr Zelensky"), EntityFactory(name="Zelenskyy")
    both, only_kept, only_duplicate = ArticleFactory(), ArticleFactory(), ArticleFactory()
    for article, entity in [(both, kept), (both, duplicate), (only_kept, kept), (only_duplicate, duplicate)]:
        MentionFactory(article=article, entity=entity)
    response = editor_client.post(f"/api/v1/entities/{duplicate.pk}/merge/", {"into": kept.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["article_count"] == 3
    assert api_client.get(f"/api/v1/entities/{kept.pk}/").json()["article_count"] == 3

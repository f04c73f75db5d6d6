"""POST /api/v1/articles/?async=true and GET /api/v1/ingest-jobs/{id}/, with a real worker."""

import pytest

from articles.models import Article
from tests.ingestion.documents import BRIDGE_ARTICLE_JSON
from tests.workers import job_wait


def test_an_article_posted_async_is_queued_then_stored_by_a_worker(api_client, authed_client,
                                                                   celery_worker_factory):
    response = authed_client.post("/api/v1/articles/?async=true", BRIDGE_ARTICLE_JSON, format="json")
    assert response.status_code == 202, response.json()
    body = response.json()
    assert body["status"] in {"queued", "running", "finished"} and body["total"] == 1
    celery_worker_factory()
    job_wait(body["id"])
    job = api_client.get(f"/api/v1/ingest-jobs/{body['id']}/").json()
    assert job["status"] == "finished" and job["finished_at"] is not None
    assert job["counts"] == {"pending": 0, "created": 1, "updated": 0, "unchanged": 0, "failed": 0}
    assert job["errors"] == []
    article = Article.objects.get()
    assert article.url == BRIDGE_ARTICLE_JSON["url"] and article.claims.exclude(value=None).exists()

    again = authed_client.post("/api/v1/articles/?async=true", BRIDGE_ARTICLE_JSON, format="json").json()
    job_wait(again["id"])
    assert api_client.get(f"/api/v1/ingest-jobs/{again['id']}/").json()["counts"]["unchanged"] == 1
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_async_posts_are_checked_before_anything_is_queued(authed_client, api_client):
    undated = {key: value for key, value in BRIDGE_ARTICLE_JSON.items() if key != "published_at"}
    assert authed_client.post("/api/v1/articles/?async=true", undated, format="json").status_code == 400
    assert authed_client.post("/api/v1/articles/?async=perhaps", BRIDGE_ARTICLE_JSON,
                              format="json").status_code == 400
    assert authed_client.post("/api/v1/articles/?sync=true", BRIDGE_ARTICLE_JSON, format="json").status_code == 400
    assert api_client.post("/api/v1/articles/?async=true", BRIDGE_ARTICLE_JSON, format="json").status_code == 401
    assert api_client.get("/api/v1/ingest-jobs/999/").status_code == 404
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_an_unreachable_queue_is_a_503_and_stores_nothing(authed_client, settings):
    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:1//"  # nothing listens there
    authed_client.raise_request_exception = False  # a 5xx is reported as an exception; read the response
    response = authed_client.post("/api/v1/articles/?async=true", BRIDGE_ARTICLE_JSON, format="json")
    assert response.status_code == 503, response.json()
    assert response.json()["errors"][0]["code"] == "queue_unavailable"
    assert Article.objects.count() == 0

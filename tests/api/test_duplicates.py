"""/api/v1/articles/{id}/duplicates/: the other articles of a story."""

import pytest

from tests.ingestion.test_duplicates import OTHER_STORY, STORY, copy_of

pytestmark = pytest.mark.django_db


def post(client, title, body, day):
    response = client.post("/api/v1/articles/", {"title": title, "body": body,
                                                 "published_at": f"2025-09-0{day}T10:00:00Z"}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def test_a_story_lists_its_copies_and_a_copy_its_story(api_client, authed_client):
    first = post(authed_client, "Losses reported", STORY, 1)
    second = post(authed_client, "Losses at the border", copy_of(STORY, 1), 2)
    third = post(authed_client, "Soldiers killed", copy_of(STORY, 2), 3)
    other = post(authed_client, "Bridge reopens", OTHER_STORY, 4)
    assert second["duplicate_of"] == first["id"] and first["duplicate_of"] is None

    def story(article):
        response = api_client.get(f"/api/v1/articles/{article['id']}/duplicates/")
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert story(first) == [second["id"], third["id"]]
    assert story(third) == [first["id"], second["id"]]
    assert story(other) == []
    listed = api_client.get("/api/v1/articles/").json()["results"]
    assert {row["id"]: row["duplicate_of"] for row in listed}[third["id"]] == first["id"]
    assert api_client.get(f"/api/v1/articles/{first['id']}/duplicates/?page=2").status_code == 400

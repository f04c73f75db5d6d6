"""A figure no news article can mean (400 digits) is dropped, and every answer stays valid JSON."""

import json

import pytest

from claims.models import Claim

pytestmark = pytest.mark.django_db

HUGE = "9" * 400
ARTICLE = {
    "title": "Ministry gives an impossible toll",
    "body": f"The ministry said {HUGE} soldiers were killed on Tuesday.\n\nOfficials said 12 soldiers were killed.",
    "published_at": "2025-06-03T10:00:00Z",
}


def strict_json(response):
    """The body parsed as standard JSON, which has no Infinity or NaN."""
    def refuse(constant):
        raise AssertionError(f"{response.request['PATH_INFO']} answered {constant}, which is not JSON")
    assert response.status_code == 200, (response.request["PATH_INFO"], response.content[:300])
    return json.loads(response.content, parse_constant=refuse)


def test_a_400_digit_figure_is_dropped_and_every_answer_stays_json(authed_client, api_client):
    assert authed_client.post("/api/v1/articles/", ARTICLE, format="json").status_code == 201
    article = strict_json(api_client.get("/api/v1/articles/"))["results"][0]
    huge = Claim.objects.get(text__contains=HUGE)
    assert (huge.value, huge.qualifier, huge.measure) == (None, "", None)  # kept as a statement, without a figure
    assert Claim.objects.filter(value=12).exists()
    measure = Claim.objects.get(value=12).measure.key
    for path in ["/api/v1/claims/", f"/api/v1/claims/{huge.pk}/", f"/api/v1/articles/{article['id']}/",
                 f"/api/v1/articles/{article['id']}/claims/", "/api/v1/measures/?unit=soldier",
                 f"/api/v1/measures/{measure}/", "/api/v1/claims/?value_min=1"]:
        strict_json(api_client.get(path))

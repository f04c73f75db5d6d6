"""A correction made in the admin is audited and verified like one made through the API."""

import pytest
from django.conf import settings
from django.test import Client

from articles.models import Quote
from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db


def test_an_admin_edit_records_who_and_what_and_verifies_the_quote(admin_user, api_client):
    quote = QuoteFactory(speaker_text="he")
    client = Client()
    client.force_login(admin_user)
    url = f"/{settings.ADMIN_URL}articles/quote/{quote.pk}/change/"
    form = {
        "article": quote.article_id, "text": quote.text, "kind": "indirect", "speaker": quote.speaker_id,
        "speaker_text": "the minister", "cue": quote.cue, "sentence": "", "start": quote.start, "end": quote.end,
        "attribution": "", "confidence": "", "status": "active",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content[:2000]
    quote = Quote.objects.get(pk=quote.pk)
    assert (quote.speaker_text, quote.verified, quote.verified_by) == ("the minister", True, admin_user)
    history = api_client.get(f"/api/v1/quotes/{quote.pk}/history/").json()
    assert history[0]["by"] == admin_user.username
    changes = {change["field"]: (change["before"], change["after"]) for change in history[0]["changes"]}
    assert changes["speaker_text"] == ("he", "the minister")
    assert changes["kind"] == ("direct", "indirect")

"""The admin's middleware (sessions, Django's user, messages) runs outside /api/ only; the edit history's on
every request but the API's reads."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from newsapi.api.middleware import (
    AuthenticationOutsideApi,
    HistoryRequestOutsideApiReads,
    MessagesOutsideApi,
    SessionOutsideApi,
)

pytestmark = pytest.mark.django_db


def seen_by_view(path: str, method: str = "get") -> dict:
    """What the view saw of each layer on a request for `path`, through all four layers in settings order."""
    seen = {}

    def view(request):
        seen["session"] = hasattr(request, "session")
        seen["user"] = isinstance(getattr(request, "user", None), AnonymousUser)
        seen["messages"] = hasattr(request, "_messages")
        seen["history"] = getattr(HistoricalRecords.context, "request", None) is request
        return HttpResponse("ok")

    handler = SessionOutsideApi(AuthenticationOutsideApi(MessagesOutsideApi(HistoryRequestOutsideApiReads(view))))
    assert handler(getattr(RequestFactory(), method)(path)).status_code == 200
    return seen


def test_outside_the_api_every_admin_layer_runs():
    assert seen_by_view("/admin/login/") == {"session": True, "user": True, "messages": True, "history": True}


def test_under_the_api_none_runs():
    assert seen_by_view("/api/v1/articles/") == {"session": False, "user": False, "messages": False,
                                                  "history": False}


def test_an_api_write_hands_its_request_to_the_history_records():
    assert seen_by_view("/api/v1/claims/1/", "patch") == {"session": False, "user": False, "messages": False,
                                                          "history": True}


def test_the_admin_login_page_still_works(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200 and "csrftoken" in response.cookies

"""Every error under /api/ is JSON of the one error shape, whichever layer of Django answered it."""

import pytest

pytestmark = pytest.mark.django_db


def assert_error(response, status, code):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["type"] == ("client_error" if status < 500 else "server_error")
    assert body["errors"][0]["code"] == code


@pytest.mark.parametrize("debug", [False, True])
def test_a_host_not_allowed_is_a_json_400(api_client, settings, debug):
    settings.DEBUG = debug
    assert_error(api_client.get("/api/v1/articles/", HTTP_HOST="attacker.example"), 400, "bad_request")


@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_api_path_is_a_json_404(api_client, settings, debug):
    settings.DEBUG = debug
    assert_error(api_client.get("/api/v1/no-such-resource/"), 404, "not_found")


def test_a_dotted_id_is_a_404_not_a_format_suffix(api_client):
    assert_error(api_client.get("/api/v1/articles/0.5/"), 404, "not_found")
    assert_error(api_client.get("/api/v1/articles.json"), 404, "not_found")


def test_pages_outside_the_api_keep_their_html(api_client, settings):
    settings.DEBUG = True
    response = api_client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")

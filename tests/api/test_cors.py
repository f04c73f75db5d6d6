"""CORS: browser apps on the origins of CORS_ALLOWED_ORIGINS (none by default) may call the API."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.django_db

APP = "https://newsroom.example.org"


def test_no_origin_is_allowed_by_default(api_client):
    response = api_client.get("/api/v1/articles/", HTTP_ORIGIN=APP)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@override_settings(CORS_ALLOWED_ORIGINS=[APP])
def test_an_allowed_origin_reads_the_api_and_its_headers(api_client):
    response = api_client.get("/api/v1/articles/", HTTP_ORIGIN=APP)
    assert response["Access-Control-Allow-Origin"] == APP
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"} <= exposed
    # Errors carry the headers too, or the browser would hide their body from the app.
    error = api_client.get("/api/v1/claims/?qualifier=roughly", HTTP_ORIGIN=APP)
    assert error.status_code == 400 and error["Access-Control-Allow-Origin"] == APP
    missing = api_client.get("/api/v1/no-such-thing/", HTTP_ORIGIN=APP)
    assert missing.status_code == 404 and missing["Access-Control-Allow-Origin"] == APP
    assert "Access-Control-Allow-Origin" not in api_client.get("/api/v1/articles/", HTTP_ORIGIN="https://evil.example")


@override_settings(CORS_ALLOWED_ORIGINS=[APP])
def test_a_preflight_allows_a_token_and_a_json_body(api_client):
    response = api_client.options("/api/v1/claims/1/", HTTP_ORIGIN=APP, HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
                                  HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == APP
    assert "PATCH" in response["Access-Control-Allow-Methods"]
    assert {"authorization", "content-type"} <= set(response["Access-Control-Allow-Headers"].split(", "))


def test_the_origins_come_from_the_environment():
    script = "from django.conf import settings; print(settings.CORS_ALLOWED_ORIGINS)"

    def origins(value):
        env = {**os.environ, "SECRET_KEY": "x", "CORS_ALLOWED_ORIGINS": value}
        result = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]

    assert origins(f"{APP}, http://localhost:3000") == str([APP, "http://localhost:3000"])
    assert origins("") == "[]"

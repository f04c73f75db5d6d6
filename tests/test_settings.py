"""Production settings: `check --deploy` is clean under .env.example, the admin path is configurable and its
login is throttled."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import clear_url_caches

ROOT = Path(__file__).resolve().parent.parent


def documented_production_environment() -> dict[str, str]:
    """The environment .env.example documents, with a real secret key in place of its placeholder."""
    lines = (ROOT / ".env.example").read_text().splitlines()
    documented = dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))
    return {**os.environ, **documented, "SECRET_KEY": secrets.token_urlsafe(50), "DEBUG": "0"}


def manage(*arguments, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_check_deploy_is_clean_under_the_documented_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=documented_production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_redirects_plain_http_to_https_and_sends_hsts():
    env = documented_production_environment()
    script = ("from django.conf import settings as s; "
              "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)")
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS"):
        env.pop(name)  # the defaults themselves are safe
    result = manage("shell", "-v", "0", "-c", script, env=env)
    assert result.stdout.split() == ["True", "31536000", "True"], result.stderr


@pytest.fixture
def admin_at(settings):
    """Serve the admin at another path for one test, then restore the URLs."""
    import newsapi.urls

    def move(path):
        settings.ADMIN_URL = path
        importlib.reload(newsapi.urls)
        clear_url_caches()
    yield move
    move("admin/")


@pytest.mark.django_db
def test_the_admin_path_comes_from_admin_url(client, admin_at):
    admin_at("staff-7f3a/")
    assert client.get("/staff-7f3a/").status_code == 302  # to its login page
    assert client.get("/admin/").status_code == 404


@pytest.mark.django_db
def test_the_admin_login_is_throttled(client, django_user_model, settings):
    django_user_model.objects.create_superuser("editor", password="the-right-password-42")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post("/admin/login/", {"username": "editor", "password": "wrong"}).status_code == 429
    # Locked out: even the right password is refused now.
    response = client.post("/admin/login/", {"username": "editor", "password": "the-right-password-42"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another username from the same address is not locked out.
    django_user_model.objects.create_superuser("chief", password="another-password-42")
    assert client.post("/admin/login/", {"username": "chief", "password": "another-password-42"}).status_code == 302

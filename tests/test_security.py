"""Production settings, security headers, a locked admin door, friendly errors."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DJANGO_ENV", "SECRET_KEY", "DEBUG", "ADMIN_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [*MANAGE, *args],
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deployment_check_without_a_warning():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="timeline.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment" in result.stderr


def test_the_admin_can_be_moved_to_another_address():
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = manage("shell", "-c", code, ADMIN_URL="backstage")
    assert result.stdout.strip().splitlines()[-1] == "/backstage/", result.stderr


def test_every_page_sends_the_security_headers(client, seeded):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_missing_page_gets_a_friendly_404(client, seeded):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "No such page" in html and "Go to the timeline" in html
    assert "Traceback" not in html


def test_the_admin_locks_out_a_guesser_after_five_failures(client):
    User.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    login = f"/{settings.ADMIN_URL}login/"
    statuses = [
        client.post(login, {"username": "editor", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    response = client.post(login, {"username": "editor", "password": "right-password-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_editor_with_the_right_password_gets_in(client):
    User.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    response = client.post(
        f"/{settings.ADMIN_URL}login/",
        {"username": "editor", "password": "right-password-123", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_admin_forms_require_a_csrf_token(seeded):
    User.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(User.objects.get(username="editor"))
    response = guarded.post(
        f"/{settings.ADMIN_URL}statements/topic/add/", {"name": "x", "slug": "x"}
    )
    assert response.status_code == 403


def test_no_model_change_lacks_its_migration():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.same_on_any_database
def test_an_empty_database_migrates_forward_and_takes_the_seed(tmp_path):
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert manage("migrate", "--noinput", DATABASE_URL=database).returncode == 0
    loaded = manage("load_seed", DATABASE_URL=database)
    assert "72 records added, 0 already present" in loaded.stdout, loaded.stderr
    again = manage("load_seed", DATABASE_URL=database)
    assert "0 records added, 72 already present" in again.stdout


def test_a_request_for_an_unknown_host_gets_a_friendly_400(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "That request could not be understood" in html and "Error 400" in html

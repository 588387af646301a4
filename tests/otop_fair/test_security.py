"""Security settings a user or an attacker would notice: lockout, CSP, CSRF, deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def test_login_is_locked_after_repeated_wrong_passwords(client, db, axes_on):
    UserFactory(username="somsri", role="producer")
    for _ in range(3):
        client.post("/accounts/login/", {"username": "somsri", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "somsri", "password": "otop-demo"})
    assert response.status_code == 429
    assert "ใส่รหัสผ่านผิดหลายครั้งเกินไป" in response.content.decode()


def test_a_correct_password_before_the_limit_still_logs_in(client, db, axes_on):
    UserFactory(username="somsri", role="producer")
    client.post("/accounts/login/", {"username": "somsri", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "somsri", "password": "otop-demo"})
    assert response.status_code == 302


def test_pages_carry_a_content_security_policy(client, db):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_posts_without_a_csrf_token_are_refused(db):
    UserFactory(username="somsri", role="producer")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "somsri", "password": "otop-demo"})
    assert response.status_code == 403


def test_production_settings_pass_the_deploy_check():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "SECRET_KEY": "k" * 20 + "9f3a1c7e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a",
        "SECURE": "1",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "otop.example.go.th",
        "DJANGO_SETTINGS_MODULE": "otop_fair.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_session_cookie_is_http_only_and_secure_behind_https(settings):
    assert settings.SESSION_COOKIE_HTTPONLY
    env_secure = subprocess.run(
        [
            sys.executable,
            "-c",
            "from otop_fair import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)",
        ],
        cwd=ROOT,
        env={**os.environ, "SECURE": "1"},
        capture_output=True,
        text=True,
    )
    assert env_secure.stdout.strip() == "True True"

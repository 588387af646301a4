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
        "TRUSTED_PROXY_COUNT": "1",
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


# Lock-outs behind the reverse proxy (issue 13, point 3).
LOGIN_URL = "/accounts/login/"
PROXY = "10.0.0.2"


def _through_proxy(forwarded_for):
    """A browser reaching the app through the proxy, which appends the address it saw."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _lock_out(client, username):
    for _ in range(3):
        client.post(LOGIN_URL, {"username": username, "password": "wrong"})
    return client.post(LOGIN_URL, {"username": username, "password": "otop-demo"})


def test_behind_a_proxy_a_locked_client_does_not_lock_out_another(db, axes_on, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="somsri", role="officer")
    # The attacker also writes the officer's own address in front: the header's client part.
    attacker = _through_proxy("198.51.100.7, 203.0.113.5")
    assert _lock_out(attacker, "somsri").status_code == 429
    officer = _through_proxy("198.51.100.7")
    response = officer.post(LOGIN_URL, {"username": "somsri", "password": "otop-demo"})
    assert response.status_code == 302


def test_behind_two_proxies_the_client_is_read_past_both(db, axes_on, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    UserFactory(username="somsri", role="officer")
    # Client → CDN (appends the client) → load balancer (appends the CDN) → app.
    assert _lock_out(_through_proxy("203.0.113.5, 172.16.0.9"), "somsri").status_code == 429
    other = _through_proxy("198.51.100.7, 172.16.0.9")
    response = other.post(LOGIN_URL, {"username": "somsri", "password": "otop-demo"})
    assert response.status_code == 302


def test_without_a_proxy_a_forwarded_header_is_never_believed(db, axes_on, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(username="somsri", role="officer")
    assert _lock_out(_through_proxy("203.0.113.5"), "somsri").status_code == 429
    # Writing another address into the header does not escape the lock of the connection.
    response = _through_proxy("198.51.100.7").post(
        LOGIN_URL, {"username": "somsri", "password": "otop-demo"}
    )
    assert response.status_code == 429


def test_a_new_password_lifts_the_lock_out(db, axes_on):
    user = UserFactory(username="somsri", role="producer")
    client = Client(REMOTE_ADDR="203.0.113.5")
    assert _lock_out(client, "somsri").status_code == 429
    user.set_password("ผ้าไหม-2569-ใหม่")
    user.save()
    response = client.post(LOGIN_URL, {"username": "somsri", "password": "ผ้าไหม-2569-ใหม่"})
    assert response.status_code == 302


def test_saving_an_account_without_a_new_password_keeps_the_lock(db, axes_on):
    user = UserFactory(username="somsri", role="producer")
    client = Client(REMOTE_ADDR="203.0.113.5")
    assert _lock_out(client, "somsri").status_code == 429
    user.first_name = "สมศรี"
    user.save()
    response = client.post(LOGIN_URL, {"username": "somsri", "password": "otop-demo"})
    assert response.status_code == 429

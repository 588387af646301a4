"""A producer's session ends after 12 idle hours; unsafe settings refuse to start."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from otop_fair.middleware import PRODUCER_IDLE_SECONDS
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def _idle(client, hours):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=hours), tick=False):
        return client.get("/producer/")


def test_a_producer_is_signed_out_after_twelve_idle_hours(client, db):
    client.force_login(UserFactory(username="somsri", role="producer"))
    assert client.get("/producer/").status_code == 200
    assert client.session.get_expiry_age() == PRODUCER_IDLE_SECONDS
    response = _idle(client, 13)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_producer_who_keeps_using_the_phone_stays_signed_in(client, db):
    client.force_login(UserFactory(username="somsri", role="producer"))
    client.get("/producer/")
    start = timezone.now()
    for hours in (8, 16, 24):
        with time_machine.travel(start + datetime.timedelta(hours=hours), tick=False):
            assert client.get("/producer/").status_code == 200


def test_an_officers_session_is_not_cut_at_twelve_hours(client, db):
    client.force_login(UserFactory(username="somchai", role="officer"))
    client.get("/officer/")
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=13), tick=False):
        assert client.get("/officer/").status_code == 200


def _start(**env):
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", "import otop_fair.settings"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
    )


def test_the_public_development_key_refuses_to_serve_a_real_host():
    result = _start(DEBUG="0", ALLOWED_HOSTS="otop.cdd.go.th")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"DEBUG": "0"},  # localhost only
        {"DEBUG": "1", "ALLOWED_HOSTS": "otop.cdd.go.th"},
        {"DEBUG": "0", "ALLOWED_HOSTS": "otop.cdd.go.th", "SECRET_KEY": "x" * 60},
    ],
)
def test_development_and_properly_keyed_servers_start(env):
    result = _start(**env)
    assert result.returncode == 0, result.stderr

"""Real workers against the test database: two never send the same message, and a channel that
is down is retried by the queue with backoff."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from otop_fair.notifications.models import Notification, Status
from otop_fair.notifications.services import Message, notify
from otop_fair.notifications.tasks import deliver
from tests.factories import UserFactory
from tests.notifications.conftest import run_worker

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def database_url_of_tests():
    params = connection.get_connection_params()
    return f"postgres://{params['user']}@/{params['dbname']}?host={params['host']}"


def start_worker(sms_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url_of_tests(),
        "DJANGO_SETTINGS_MODULE": "otop_fair.settings",
        "SMS_GATEWAY_URL": sms_url,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [sys.executable, "manage.py", "procrastinate", "worker", "--one-shot"]
    command += ["--queues", "notifications", "--concurrency", "3"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def test_two_workers_never_send_the_same_message(sms_stub):
    users = [UserFactory(phone=f"08{i:08}") for i in range(240)]
    rows = notify([Message(u, "broadcast", {"fair": "งาน", "text": f"ข่าว {u.pk}"}) for u in users])
    ids = [r.pk for r in rows]
    # Every message named by a second job too, as a double click or a replayed event would.
    deliver.batch_defer(*({"ids": ids[i : i + 40]} for i in range(0, len(ids), 40)))
    workers = [start_worker(sms_stub.url + "/send") for _ in range(2)]
    for worker in workers:
        _out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()[-2000:]
    counts = Counter(m["reference"] for m in sms_stub.received)
    assert len(counts) == 240 and max(counts.values()) == 1
    assert Notification.objects.filter(status=Status.SENT).count() == 240


def test_the_queue_retries_a_channel_that_was_down(sms_stub):
    (row,) = notify(
        [Message(UserFactory(phone="0812345678"), "broadcast", {"fair": "ก", "text": "ข"})]
    )
    sms_stub.fail_next = 1
    sent = run_worker(
        until=lambda: Notification.objects.filter(pk=row.pk, status=Status.SENT).exists(),
        seconds=30,
    )
    assert sent
    row.refresh_from_db()
    assert row.attempts == 2 and row.failed_at and len(sms_stub.received) == 1

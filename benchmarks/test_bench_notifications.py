"""Notifications and LINE chat sales (issue 20): enqueue 10,000 results messages; a worker drains
3,000 LINE pushes against the local fake API; chat sales at 20 messages/s — the webhook's answer
time and the time until the reply reaches LINE.

    bench: notify_enqueue_10000_s   bench: line_push_rate
    bench: line_webhook_p95_ms      bench: line_chat_sale_p95_s

BENCH_CHAT_SECONDS (default 120) sets how long chat sales arrive.
"""

import os
import statistics
import threading
import time
import urllib.request

import pytest
from django.utils import timezone

from otop_fair.notifications.models import ContactPreference, Notification, Status
from otop_fair.notifications.services import Message, notify
from tests.conftest import ensure_geography
from tests.factories import AssignmentFactory, FairFactory, UserFactory
from tests.notifications.conftest import empty_job_queue, run_worker
from tests.notifications.servers import FakeLine
from tests.notifications.test_line_webhook import signed, text_event

CHAT_SECONDS = float(os.environ.get("BENCH_CHAT_SECONDS", "120"))


@pytest.fixture
def line(settings):
    server = FakeLine()
    settings.LINE_API_HOST, settings.LINE_CHANNEL_ACCESS_TOKEN = server.url, "bench-token"
    settings.LINE_CHANNEL_SECRET = "test-channel-secret"
    settings.LINE_MONTHLY_PUSH_QUOTA = 1_000_000
    yield server
    server.stop()


def linked_people(count):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bench{i}", role="producer") for i in range(count)], batch_size=2000
    )
    ContactPreference.objects.bulk_create(
        [ContactPreference(user=u, line_user_id=f"Ubench{u.pk}") for u in users], batch_size=2000
    )
    return users


def results_for(users):
    return [
        Message(u, "results_published", {"fair": "งาน", "first_line": f"ลำดับ {i}", "link": "x"})
        for i, u in enumerate(users)
    ]


@pytest.mark.django_db
def test_bench_enqueue_10000(line, report_bench):
    users = linked_people(10_000)
    start = time.perf_counter()
    notify(results_for(users))
    report_bench("notify_enqueue_10000_s", time.perf_counter() - start)
    assert Notification.objects.count() == 10_000


@pytest.mark.django_db(transaction=True)
def test_bench_line_push_rate(line, report_bench):
    empty_job_queue()
    notify(results_for(linked_people(3_000)))  # each text differs: 3,000 single pushes
    start = time.perf_counter()
    run_worker(concurrency=4)
    elapsed = time.perf_counter() - start
    assert Notification.objects.filter(status=Status.SENT).count() == 3_000
    assert len(line.delivered()) == 3_000
    report_bench("line_push_rate", 3_000 / elapsed)


def _post(url, events):
    body, signature = signed(events)
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json", "X-Line-Signature": signature}
    )
    start = time.monotonic()
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    return start, time.monotonic()


@pytest.mark.django_db(transaction=True)
def test_bench_chat_sales(line, live_server, report_bench):
    empty_job_queue()
    ensure_geography()
    fair = FairFactory(running=True)
    people = [UserFactory(role="producer") for _ in range(40)]
    for user in people:
        AssignmentFactory(booth__zone__fair=fair, members=[user])
        ContactPreference.objects.create(user=user, line_user_id=f"Uchat{user.pk}")
    stop = threading.Event()
    worker = threading.Thread(
        target=run_worker,
        kwargs={"until": stop.is_set, "seconds": CHAT_SECONDS + 60, "concurrency": 4},
    )
    worker.start()
    url = f"{live_server.url}/notifications/line/webhook/"
    sent, acks = {}, []
    try:
        for i in range(int(CHAT_SECONDS * 20)):
            user = people[i % len(people)]
            event = text_event(f"Uchat{user.pk}", f"ยอด {1000 + i:,}", f"m{i}", f"tok{i}")
            start, acked = _post(url, [event])
            sent[f"tok{i}"] = start
            acks.append((acked - start) * 1000)
            time.sleep(max(0.0, 0.05 - (time.monotonic() - start)))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_replies(line)) < len(sent):
            time.sleep(0.2)
    finally:
        stop.set()
        worker.join()
    replies = _replies(line)
    waits = [replies[token] - at for token, at in sent.items() if token in replies]
    report_bench("line_webhook_p95_ms", statistics.quantiles(acks, n=20)[-1])
    report_bench("line_chat_sale_p95_s", statistics.quantiles(waits, n=20)[-1])
    assert len(waits) == len(sent), f"{len(sent) - len(waits)} sales got no reply"
    assert timezone.now()


def _replies(line):
    return {r["body"]["replyToken"]: r["at"] for r in line.received if r["path"].endswith("/reply")}

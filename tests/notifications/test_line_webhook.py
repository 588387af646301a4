"""The LINE webhook: the signature (not a login) lets LINE in; events go to a job; a one-time code
links an account; a linked producer reports sales by chat."""

import base64
import hashlib
import hmac
import json

import pytest
from django.test import Client
from procrastinate.contrib.django.models import ProcrastinateJob

from otop_fair.notifications.models import ContactPreference, LineLinkCode
from sales.models import DailySales
from tests.factories import AssignmentFactory, FairFactory
from tests.notifications.conftest import LINE_SECRET, run_worker

URL = "/notifications/line/webhook/"


def signed(events, secret=LINE_SECRET):
    body = json.dumps({"destination": "Uofficial", "events": events}, ensure_ascii=False).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return body, base64.b64encode(digest).decode()


def post(events, secret=LINE_SECRET):
    body, signature = signed(events, secret)
    client = Client(enforce_csrf_checks=True)
    return client.post(
        URL, body, content_type="application/json", headers={"X-Line-Signature": signature}
    )


def text_event(user_id, text, message_id="m1", token="rtok"):
    return {
        "type": "message",
        "mode": "active",
        "timestamp": 1764500000000,
        "webhookEventId": f"ev-{message_id}",
        "deliveryContext": {"isRedelivery": False},
        "source": {"type": "user", "userId": user_id},
        "replyToken": token,
        "message": {"type": "text", "id": message_id, "quoteToken": "q", "text": text},
    }


@pytest.mark.django_db
def test_a_wrong_signature_is_refused_and_nothing_is_queued(fake_line):
    response = post([text_event("U1", "ยอด 100")], secret="not-the-secret")
    assert response.status_code == 403
    assert not ProcrastinateJob.objects.exists()


@pytest.mark.django_db
def test_without_a_line_account_the_webhook_is_closed():
    assert post([text_event("U1", "ยอด 100")]).status_code == 403


@pytest.mark.django_db
def test_a_signed_event_is_acknowledged_and_handed_to_a_job(fake_line):
    response = post([text_event("U1", "ยอด 100")])
    assert response.status_code == 200
    assert ProcrastinateJob.objects.get().task_name == "notifications.line_event"
    assert fake_line.received == []  # nothing is answered inside the request


@pytest.mark.django_db(transaction=True)
def test_a_producer_links_by_code_and_reports_sales_by_chat(fake_line, producer_user):
    holding = AssignmentFactory(
        booth__zone__fair=FairFactory(running=True), members=[producer_user]
    )
    code = LineLinkCode.issue(producer_user).code
    follow = {
        "type": "follow",
        "timestamp": 1764500000000,
        "source": {"type": "user", "userId": "Uproducer"},
        "replyToken": "t0",
        "mode": "active",
        "webhookEventId": "ev0",
        "deliveryContext": {"isRedelivery": False},
    }
    assert post([follow, text_event("Uproducer", code.lower(), "m0", "t1")]).status_code == 200
    run_worker()
    assert ContactPreference.objects.get(user=producer_user).line_user_id == "Uproducer"
    assert post([text_event("Uproducer", "ขาย ๑๒,๕๐๐ สั่งจอง 3000", "m2", "t2")]).status_code == 200
    run_worker()
    row = DailySales.objects.get()
    assert row.assignment == holding and row.amount == 12500 and row.client_key == "line:m2"
    replies = [r["body"] for r in fake_line.received if r["path"].endswith("/reply")]
    assert [r["replyToken"] for r in replies] == ["t0", "t1", "t2"]
    assert "12,500" in replies[-1]["messages"][0]["text"]


@pytest.mark.django_db(transaction=True)
def test_nonsense_gets_a_short_thai_reply_with_an_example_and_nothing_saved(
    fake_line, producer_user
):
    ContactPreference.objects.create(user=producer_user, line_user_id="Uproducer")
    AssignmentFactory(booth__zone__fair=FairFactory(running=True), members=[producer_user])
    post([text_event("Uproducer", "ขายดีมากวันนี้", "m3", "t3")])
    run_worker()
    assert not DailySales.objects.exists()
    (reply,) = fake_line.received
    text = reply["body"]["messages"][0]["text"]
    assert "ยอด 12500" in text and len(text) < 120


@pytest.mark.django_db(transaction=True)
def test_an_unlinked_account_is_told_how_to_link(fake_line):
    post([text_event("Ustranger", "ยอด 500", "m4", "t4")])
    run_worker()
    assert not DailySales.objects.exists()
    assert "รหัส" in fake_line.received[0]["body"]["messages"][0]["text"]

"""A problem report resent from the phone's offline queue is filed once per key and reporter."""

import threading
import time
import uuid
from functools import partial

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sales.models import IssueReport
from sales.services import report_issue
from tests.factories import FairFactory, UserFactory
from tests.sales.test_concurrent_submit import run_in_thread
from tests.sales.test_issues import jpeg_upload

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
keys = st.text(alphabet="abcdef0123456789-", min_size=1, max_size=64)


def report(client, holding, key, **extra):
    data = {"category": "electricity", "description": "ไฟดับ", "client_key": key}
    return client.post(f"/sales/fairs/{holding.fair_id}/problems/new/", data, **extra)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=keys, resends=st.integers(min_value=1, max_value=3))
def test_a_resent_report_is_filed_once(client_for, holding, producer_user, key, resends):
    IssueReport.objects.all().delete()
    client = client_for(producer_user)
    answers = [report(client, holding, key, **JSON) for _ in range(resends + 1)]
    assert {a.json()["url"] for a in answers} == {
        f"/sales/problems/{IssueReport.objects.get().pk}/"
    }


def test_the_same_key_from_two_reporters_files_two_reports(client, holding, producer_user):
    other = UserFactory(role="producer", username="producer_other")
    holding.application.group.members.add(other)
    for person in (producer_user, other):
        client.force_login(person)
        assert report(client, holding, "same-key", **JSON).json()["ok"]
    assert IssueReport.objects.count() == 2


def test_a_queued_report_with_its_photo_is_saved_with_a_thumbnail(
    client_for, holding, producer_user
):
    client = client_for(producer_user)
    data = {
        "category": "electricity",
        "description": "ไฟดับ",
        "client_key": "k",
        "photo": jpeg_upload(),
    }
    answer = client.post(f"/sales/fairs/{holding.fair_id}/problems/new/", data, **JSON)
    issue = IssueReport.objects.get()
    assert answer.json()["ok"] and issue.photo and issue.photo_thumbnail


def test_a_refused_report_answers_the_reasons_in_thai(client_for, holding, producer_user):
    answer = client_for(producer_user).post(
        f"/sales/fairs/{holding.fair_id}/problems/new/", {"client_key": "k"}, **JSON
    )
    assert answer.status_code == 400 and not answer.json()["ok"]
    assert "description" in answer.json()["errors"] and not IssueReport.objects.exists()


def test_two_problems_sent_with_different_keys_are_filed_as_two(client_for, holding, producer_user):
    client = client_for(producer_user)
    urls = {report(client, holding, key, **JSON).json()["url"] for key in ("key-one", "key-two")}
    assert len(urls) == 2 and IssueReport.objects.count() == 2


def test_two_problems_filed_without_a_phone_key_are_kept_as_two(holding, producer_user):
    fair = holding.fair
    first = report_issue(fair=fair, category="electricity", description="ไฟดับ", by=producer_user)
    second = report_issue(fair=fair, category="water", description="น้ำไม่ไหล", by=producer_user)
    assert first.pk != second.pk
    assert sorted(IssueReport.objects.values_list("description", flat=True)) == [
        "น้ำไม่ไหล",
        "ไฟดับ",
    ]


def stored_files(root):
    return sorted(path.name for path in root.rglob("*") if path.is_file())


def test_a_report_resent_with_its_photo_stores_the_photo_once(
    client_for, holding, producer_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(producer_user)
    for _ in range(2):
        data = {"category": "electricity", "description": "ไฟดับ", "client_key": "k"}
        client.post(
            f"/sales/fairs/{holding.fair_id}/problems/new/",
            {**data, "photo": jpeg_upload()},
            **JSON,
        )
    issue = IssueReport.objects.get()
    assert len(stored_files(tmp_path)) == 2  # the photo and its thumbnail
    assert {issue.photo.name.rsplit("/", 1)[-1], issue.photo_thumbnail.name.rsplit("/", 1)[-1]} == (
        set(stored_files(tmp_path))
    )


def test_a_report_with_a_photo_has_one_history_entry_naming_the_reporter(
    client_for, holding, producer_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = {"category": "electricity", "description": "ไฟดับ", "client_key": "k"}
    client_for(producer_user).post(
        f"/sales/fairs/{holding.fair_id}/problems/new/", {**data, "photo": jpeg_upload()}, **JSON
    )
    issue = IssueReport.objects.get()
    assert issue.photo and issue.photo_thumbnail
    assert [(h.history_type, h.history_user) for h in issue.history.all()] == [("+", producer_user)]


def waits_for_a_lock(backend_pid, seconds=20):
    """Whether that database session comes to wait for a row another transaction holds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [backend_pid]
            )
            if cursor.fetchone() == ("Lock",):
                return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_report_sent_twice_at_once_is_filed_once_and_both_sends_answer_with_it():
    # What this test commits has names of its own: `make mutation` runs two tests at a time
    # against one database, and a committed "producer_a" would collide with the other's.
    def person(role, name):
        return UserFactory(role=role, username=f"{name}-{uuid.uuid4().hex[:12]}")

    reporter = person("producer", "race-reporter")
    fair = FairFactory(running=True, created_by=person("officer", "race-officer"))
    file = partial(report_issue, fair=fair, category="electricity", description="ไฟดับ")
    file(by=person("producer", "race-other"), client_key="k")
    file(by=reporter, client_key="sent-yesterday")
    first_filed, first_may_commit, second_started = (threading.Event() for _ in range(3))
    answers = {}

    def first():
        with transaction.atomic():
            answers["first"] = file(by=reporter, client_key="k")
            first_filed.set()
            first_may_commit.wait(20)

    def second():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            answers["pid"] = cursor.fetchone()[0]
        second_started.set()
        answers["second"] = file(by=reporter, client_key="k")

    one, errors_one = run_in_thread(first)
    assert first_filed.wait(20), errors_one
    two, errors_two = run_in_thread(second)
    assert second_started.wait(20), errors_two
    # The second send did not see the first one's report yet and waits on the key it holds.
    blocked = waits_for_a_lock(answers["pid"])
    first_may_commit.set()
    one.join(20)
    two.join(20)
    assert blocked and not errors_one and not errors_two
    assert answers["second"].pk == answers["first"].pk
    assert IssueReport.objects.filter(reported_by=reporter, client_key="k").count() == 1

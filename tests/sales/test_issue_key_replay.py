"""A problem report resent from the phone's offline queue is filed once per key and reporter."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sales.models import IssueReport
from tests.factories import UserFactory
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

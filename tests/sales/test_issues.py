"""Problems raised at the booth: report with a photo, open → in progress → resolved, who sees what."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sales.models import IssueReport, IssueStatus
from sales.services import move_issue
from tests.factories import AssignmentFactory, IssueReportFactory, UserFactory

pytestmark = pytest.mark.django_db


def jpeg_upload():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format="JPEG")
    return SimpleUploadedFile("ไฟดับ.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_producer_reports_a_problem_with_a_photo_for_their_booth(
    client_for, holding, producer_user
):
    client = client_for(producer_user)
    response = client.post(
        f"/sales/fairs/{holding.fair_id}/problems/new/",
        {"category": "electricity", "description": "ปลั๊กไฟไม่มีไฟ", "photo": jpeg_upload()},
    )
    issue = IssueReport.objects.get()
    assert response.status_code == 302
    assert (issue.assignment, issue.status, issue.reported_by) == (holding, "open", producer_user)
    assert issue.photo.name.endswith(".jpg") and issue.photo_thumbnail
    assert client.get(f"/sales/problems/{issue.pk}/thumb/")["Content-Type"] == "image/jpeg"


def test_a_file_that_is_not_a_photo_is_refused_next_to_the_field(
    client_for, holding, producer_user
):
    bogus = SimpleUploadedFile("x.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = client_for(producer_user).post(
        f"/sales/fairs/{holding.fair_id}/problems/new/",
        {"category": "other", "description": "ทดสอบ", "photo": bogus},
    )
    assert response.status_code == 200
    assert not IssueReport.objects.exists()


def test_workflow_moves_open_to_in_progress_to_resolved_and_measures_the_time(
    holding, province_officer
):
    issue = IssueReportFactory(assignment=holding)
    issue = move_issue(issue=issue, status=IssueStatus.IN_PROGRESS, by=province_officer)
    assert issue.assigned_officer == province_officer and issue.started_at
    with pytest.raises(ValidationError):
        move_issue(issue=issue, status=IssueStatus.RESOLVED, by=province_officer)
    issue = move_issue(
        issue=issue, status=IssueStatus.RESOLVED, resolution="ช่างไฟมาแก้แล้ว", by=province_officer
    )
    assert issue.status == "resolved" and issue.resolved_at >= issue.reported_at
    assert issue.resolution == "ช่างไฟมาแก้แล้ว"


def test_an_open_problem_cannot_jump_back_to_open(holding, province_officer):
    issue = IssueReportFactory(assignment=holding)
    with pytest.raises(ValidationError) as error:
        move_issue(issue=issue, status=IssueStatus.OPEN, by=province_officer)
    assert error.value.code == "bad_transition"


@pytest.mark.parametrize("resolution", ["", "   \n "])
def test_resolving_a_problem_without_saying_how_is_refused_as_resolution_required(
    holding, province_officer, resolution
):
    issue = IssueReportFactory(assignment=holding)
    with pytest.raises(ValidationError) as error:
        move_issue(
            issue=issue, status=IssueStatus.RESOLVED, resolution=resolution, by=province_officer
        )
    assert error.value.code == "resolution_required"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.OPEN


def test_a_resolved_problem_can_be_reopened(holding, province_officer):
    issue = IssueReportFactory(assignment=holding)
    move_issue(issue=issue, status=IssueStatus.RESOLVED, resolution="แก้แล้ว", by=province_officer)
    issue = move_issue(issue=issue, status=IssueStatus.IN_PROGRESS, by=province_officer)
    assert issue.status == "in_progress" and issue.resolved_at is None


def test_producer_sees_the_status_of_their_reports_but_not_other_groups(
    client_for, holding, producer_user
):
    mine = IssueReportFactory(assignment=holding, description="ของเราเอง")
    theirs = IssueReportFactory(
        assignment=AssignmentFactory(booth__zone__fair=holding.fair), description="ของกลุ่มอื่น"
    )
    client = client_for(producer_user)
    html = client.get("/sales/problems/").content.decode()
    assert "ของเราเอง" in html and "ของกลุ่มอื่น" not in html
    assert client.get(f"/sales/problems/{mine.pk}/").status_code == 200
    assert client.get(f"/sales/problems/{theirs.pk}/").status_code == 404


def test_only_officers_move_a_problem(client_for, holding, producer_user, province_officer):
    issue = IssueReportFactory(assignment=holding)
    payload = {"status": "in_progress"}
    assert (
        client_for(producer_user).post(f"/sales/problems/{issue.pk}/move/", payload).status_code
        == 403
    )
    client_for(province_officer).post(f"/sales/problems/{issue.pk}/move/", payload)
    issue.refresh_from_db()
    assert issue.status == "in_progress"


def test_producer_without_a_booth_at_the_fair_cannot_report_there(client_for, fair):
    outsider = UserFactory(role="producer", username="no_booth")
    assert client_for(outsider).get(f"/sales/fairs/{fair.pk}/problems/new/").status_code == 403

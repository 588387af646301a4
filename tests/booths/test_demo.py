"""`seed_demo` leaves a running fair that went through scoring and publication, a fair being
scored by the demo committee, and a fair open for applications."""

import io

import pytest
from django.core.management import call_command

from booths.models import Application, AssignmentStatus, Fair, FairState, ReviewAssignment
from producers.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_demo_fairs_cover_the_lifecycle_and_seeding_again_changes_nothing():
    """The first seeding is checked, then seeding again adds nothing (seed_demo runs twice here,
    where two tests ran it three times)."""
    report = io.StringIO()
    call_command("seed_demo", booths=30, applicants=60, days=3, stdout=report)
    states = set(Fair.objects.values_list("state", flat=True))
    assert {FairState.RUNNING, FairState.SCORING, FairState.OPEN} <= states
    running = Fair.objects.get(state=FairState.RUNNING)
    assert running.runs.filter(is_published=True).count() == 1
    seated = Application.objects.filter(
        fair=running,
        group__members__username__in=["producer1", "producer2"],
        assignments__status=AssignmentStatus.ACTIVE,
    )
    assert seated.count() == 2
    for name in ("committee1", "committee2", "committee3"):
        assert ReviewAssignment.objects.filter(member__user__username=name).exists()
    open_fair = Fair.objects.get(state=FairState.OPEN)
    assert not open_fair.applications.filter(group__members__username="producer1").exists()
    _the_report_names_every_fair_and_account(report.getvalue())
    before = Application.objects.count()
    call_command("seed_demo", booths=30, applicants=60, days=3, verbosity=0)
    assert Application.objects.count() == before


def _the_report_names_every_fair_and_account(report):
    for fair in Fair.objects.all():
        line = next(line for line in report.splitlines() if fair.name in line)
        assert fair.state in line and f"{fair.booths.count()} booths" in line, line
        assert f"{fair.applications.count()} applications" in line, line
    assert "3 fairs" in report
    assert all(username in report for username in DEMO_ACCOUNTS) and DEMO_PASSWORD in report

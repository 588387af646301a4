"""The fair moves draft → open → scoring → allocated → running → closed, one officer step at a time."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from booths.models import Fair, FairState
from booths.services import lifecycle, runs
from tests.factories import FairFactory, ZoneFactory

pytestmark = pytest.mark.django_db

STEPS = {
    "open_applications": (FairState.DRAFT, FairState.OPEN),
    "close_applications": (FairState.OPEN, FairState.SCORING),
    "start_fair": (FairState.ALLOCATED, FairState.RUNNING),
    "close_fair": (FairState.RUNNING, FairState.CLOSED),
}


def _fair_in(state, template):
    template.state = state
    template.save(update_fields=["state"])
    return template


def _starting_today(fair):
    today = timezone.localdate()
    Fair.objects.filter(pk=fair.pk).update(
        start_date=today,
        end_date=today + datetime.timedelta(days=4),
        applications_open_on=today - datetime.timedelta(days=40),
        applications_close_on=today - datetime.timedelta(days=10),
    )
    fair.refresh_from_db()


@pytest.mark.parametrize("service", sorted(STEPS))
def test_each_legal_step_moves_the_fair_and_is_recorded(fair, cm_officer, service):
    before, after = STEPS[service]
    _fair_in(before, fair)
    if service == "start_fair":  # a fair starts running only near its first day
        _starting_today(fair)
    getattr(lifecycle, service)(fair=fair, by=cm_officer)
    fair.refresh_from_db()
    assert fair.state == after
    latest = fair.history.latest()
    assert latest.history_user == cm_officer
    assert latest.history_change_reason


def test_publishing_moves_a_scored_fair_to_allocated(fair, cm_officer):
    _fair_in(FairState.SCORING, fair)
    run = runs.run_allocation(fair=fair, by=cm_officer, seed=1)
    runs.publish_allocation(fair=fair, run=run, by=cm_officer)
    fair.refresh_from_db()
    assert fair.state == FairState.ALLOCATED


ILLEGAL = [
    (state, service)
    for state in FairState.values
    for service, (before, _after) in STEPS.items()
    if state != before
]


@pytest.mark.parametrize(("state", "service"), ILLEGAL)
def test_every_illegal_step_is_refused_with_a_thai_reason(fair, cm_officer, state, service):
    _fair_in(state, fair)
    with pytest.raises(ValidationError) as refused:
        getattr(lifecycle, service)(fair=fair, by=cm_officer)
    assert "ไม่สามารถ" in refused.value.messages[0]
    assert Fair.objects.get(pk=fair.pk).state == state


# Publishing while `allocated` is a new version, covered in test_runs.
@pytest.mark.parametrize(
    "state", [s for s in FairState.values if s not in (FairState.SCORING, FairState.ALLOCATED)]
)
def test_publishing_is_refused_unless_the_fair_is_scored_or_allocated(fair, cm_officer, state):
    _fair_in(FairState.SCORING, fair)
    run = runs.run_allocation(fair=fair, by=cm_officer, seed=1)
    _fair_in(state, fair)
    with pytest.raises(ValidationError):
        runs.publish_allocation(fair=fair, run=run, by=cm_officer)


def test_a_fair_without_booths_cannot_open(cm_officer):
    fair = FairFactory(state=FairState.DRAFT, created_by=cm_officer)
    ZoneFactory(fair=fair)
    with pytest.raises(ValidationError, match="บูธ"):
        lifecycle.open_applications(fair=fair, by=cm_officer)


def test_scoring_cannot_start_without_a_rubric(fair, cm_officer):
    fair.criteria.all().delete()
    with pytest.raises(ValidationError, match="เกณฑ์"):
        lifecycle.close_applications(fair=fair, by=cm_officer)


def test_officer_steps_the_fair_from_its_page(fair, cm_officer, client_for):
    client = client_for(cm_officer)
    asked = client.post(f"/fairs/{fair.pk}/step/score/").content.decode()
    fair.refresh_from_db()
    assert fair.state == FairState.OPEN
    assert 'data-testid="confirmation"' in asked
    assert "ไม่รับใบสมัครเพิ่ม" in asked
    response = client.post(f"/fairs/{fair.pk}/step/score/", {"confirmed": "1"}, follow=True)
    fair.refresh_from_db()
    assert fair.state == FairState.SCORING
    assert "ให้คะแนน" in response.content.decode()


def test_illegal_step_from_the_page_shows_the_reason(fair, cm_officer, client_for):
    response = client_for(cm_officer).post(
        f"/fairs/{fair.pk}/step/close/", {"confirmed": "1"}, follow=True
    )
    assert "ไม่สามารถ" in response.content.decode()
    fair.refresh_from_db()
    assert fair.state == FairState.OPEN

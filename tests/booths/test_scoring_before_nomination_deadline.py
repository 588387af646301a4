"""Starting scoring of a national fair before the districts' nomination deadline (phone trials):
the officer is told, in Thai, what it cuts short (the deadline in BE, how many applications no
district has decided yet) and must tick that they go on; the fair's history records it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import Fair, FairState
from booths.services import lifecycle, nominations
from otop_fair.thai import reader_date
from tests.booths.national import national_fair

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = national_fair()
    first = next(iter(world.applications))
    nominations.decide_nomination(
        application=world.applications[first][0],
        decision="nominated",
        reason="",
        by=world.district_officers[first],
    )
    return world  # four applications, one decided: three undecided


def _state(fair):
    return Fair.objects.get(pk=fair.pk).state


def test_scoring_before_the_deadline_is_refused_unless_confirmed(world):
    fair = world.fair
    with pytest.raises(ValidationError) as refused:
        lifecycle.close_applications(fair=fair, by=world.head_office)
    said = refused.value.messages[0]
    assert reader_date(fair.nomination_deadline) in said and "3 " in said
    assert _state(fair) == FairState.NOMINATING


def test_confirmed_early_scoring_is_recorded_in_the_fairs_history(world):
    fair = world.fair
    lifecycle.close_applications(fair=fair, by=world.head_office, confirm_early=True)
    assert _state(fair) == FairState.SCORING
    latest = Fair.objects.get(pk=fair.pk).history.latest()
    assert latest.history_user == world.head_office
    assert "ก่อนกำหนดเสนอชื่อ" in latest.history_change_reason
    assert reader_date(fair.nomination_deadline) in latest.history_change_reason


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(days=st.integers(min_value=-1, max_value=5))
def test_only_a_deadline_still_to_come_is_warned_of(world, days):
    with transaction.atomic():
        deadline = timezone.localdate() + datetime.timedelta(days=days)
        Fair.objects.filter(pk=world.fair.pk).update(nomination_deadline=deadline)
        fair = Fair.objects.get(pk=world.fair.pk)
        warned = lifecycle.early_scoring_warning(fair) is not None
        assert warned == (days >= 0)
        if not warned:
            lifecycle.close_applications(fair=fair, by=world.head_office)
            assert "ก่อนกำหนด" not in fair.history.latest().history_change_reason
        transaction.set_rollback(True)


def test_the_step_page_warns_and_goes_on_only_once_ticked(world, client):
    fair = world.fair
    client.force_login(world.head_office)
    url = reverse("booths:fair_step", args=[fair.pk, "score"])
    asked = client.post(url).content.decode()
    assert "ยังไม่ได้พิจารณา" in asked and 'name="ticked"' in asked
    untick = client.post(url, {"confirmed": "1"})
    assert untick.status_code == 200 and "is-invalid" in untick.content.decode()
    assert _state(fair) == FairState.NOMINATING
    done = client.post(url, {"confirmed": "1", "ticked": "1"})
    assert done.status_code == 302 and _state(fair) == FairState.SCORING


def test_after_the_deadline_the_step_page_asks_no_tick(world, client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Fair.objects.filter(pk=world.fair.pk).update(nomination_deadline=yesterday)
    client.force_login(world.head_office)
    url = reverse("booths:fair_step", args=[world.fair.pk, "score"])
    assert 'name="ticked"' not in client.post(url).content.decode()
    assert client.post(url, {"confirmed": "1"}).status_code == 302
    assert _state(world.fair) == FairState.SCORING

"""The quota page after the phone trials: booths are counted whole, and a "1.5" or "1,5" is told
so in Thai rather than "enter a number" or read as fifteen; a province over the hall's size is
named; once results are published the quotas change only with a recorded reason, and never once
the fair is closed. The quadrant is called by one proper Thai term everywhere."""

import io

import polib
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import Fair, FairLevel, FairState, ProvinceQuota
from booths.services.quotas import quota_table, save_quotas
from tests.booths.test_quotas import grid_post
from tests.factories import BoothFactory, FairFactory, UserFactory, ZoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_office(db):
    return UserFactory(role="national_officer")


@pytest.fixture
def national(head_office):
    """A national fair with 6 booths that take any category."""
    fair = FairFactory(level=FairLevel.NATIONAL, created_by=head_office)
    zone = ZoneFactory(fair=fair, code="X")
    for _ in range(6):
        BoothFactory(zone=zone)
    return fair


def _csv(text):
    data = io.BytesIO(text.encode("utf-8-sig"))
    data.name = "quotas.csv"
    return data


def _in_state(fair, state):
    Fair.objects.filter(pk=fair.pk).update(state=state)
    fair.refresh_from_db()
    return fair


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    whole=st.integers(min_value=0, max_value=3),
    fraction=st.from_regex(r"[0-9]{1,2}", fullmatch=True),
    mark=st.sampled_from([".", ","]),
)
def test_a_sheet_cell_with_a_fraction_is_refused_as_not_whole(
    national, head_office, client, whole, fraction, mark
):
    value = f"{whole}{mark}{fraction}"
    client.force_login(head_office)
    url = reverse("booths:quota_import", args=[national.pk])
    with transaction.atomic():
        page = client.post(url, {"sheet": _csv(f'จังหวัด,textile\nเชียงใหม่,"{value}"\n')})
        saved = ProvinceQuota.objects.exists()
        transaction.set_rollback(True)
    assert page.status_code == 200 and not saved
    assert "ไม่ใช่จำนวนเต็ม" in page.content.decode()


def test_a_fraction_typed_in_the_grid_is_told_to_be_whole(national, head_office, client):
    client.force_login(head_office)
    post = grid_post({("50", "textile"): "1.5"})
    page = client.post(reverse("booths:quotas", args=[national.pk]), post)
    assert "กรอกจำนวนเต็ม" in page.content.decode()


def test_a_province_over_the_halls_size_is_named(national, head_office):
    with pytest.raises(ValidationError) as refused:
        save_quotas(fair=national, table={("50", "food"): 7}, by=head_office, reason="")
    assert any(m.startswith("เชียงใหม่:") for m in refused.value.messages)


@pytest.mark.parametrize("state", [FairState.ALLOCATED, FairState.RUNNING])
def test_after_publication_quotas_change_only_with_a_recorded_reason(
    national, head_office, client, state
):
    save_quotas(fair=national, table={("50", "textile"): 2}, by=head_office, reason="")
    fair = _in_state(national, state)
    with pytest.raises(ValidationError):
        save_quotas(fair=fair, table={("50", "textile"): 3}, by=head_office, reason="  ")
    client.force_login(head_office)
    url = reverse("booths:quotas", args=[fair.pk])
    assert 'data-testid="quotas-need-reason"' in client.get(url).content.decode()
    client.post(url, grid_post({("50", "textile"): 3}))
    assert quota_table(fair) == {("50", "textile"): 2}
    sheet = _csv("จังหวัด,textile\nเชียงใหม่,3\n")
    client.post(reverse("booths:quota_import", args=[fair.pk]), {"sheet": sheet})
    assert quota_table(fair) == {("50", "textile"): 2}
    assert client.post(url, grid_post({("50", "textile"): 3}, "อุทธรณ์ที่ 4")).status_code == 302
    assert quota_table(fair) == {("50", "textile"): 3}
    row = ProvinceQuota.objects.get().history.latest()
    assert row.history_change_reason == "อุทธรณ์ที่ 4" and row.history_user == head_office


def test_a_closed_fairs_quotas_never_change(national, head_office, client):
    fair = _in_state(national, FairState.CLOSED)
    with pytest.raises(ValidationError):
        save_quotas(fair=fair, table={("50", "textile"): 1}, by=head_office, reason="แก้ย้อนหลัง")
    client.force_login(head_office)
    page = client.get(reverse("booths:quotas", args=[fair.pk])).content.decode()
    assert 'data-testid="quotas-locked"' in page
    assert reverse("booths:quota_import", args=[fair.pk]) not in page
    assert not ProvinceQuota.objects.exists()


def test_the_quadrant_is_called_by_one_thai_term_everywhere():
    catalogue = polib.pofile(f"{django_settings.BASE_DIR}/locale/th/LC_MESSAGES/django.po")
    quadrant = [e for e in catalogue if "quadrant" in e.msgid.lower()]
    assert quadrant
    for entry in quadrant:
        assert "กลุ่มผลิตภัณฑ์" in entry.msgstr, entry.msgid
        assert "กลุ่ม Quadrant" not in entry.msgstr, entry.msgid

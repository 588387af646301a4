"""The way back from a grid made by a typo: every unused booth of a zone deleted at once, after a
page that says how many go and how many stay; a booth in use always stays. And the producer's
"give up" sits at the foot of the result page, away from the booth card."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import AllocationRun, Assignment, Booth, FairState, RunResult, WaitlistOffer
from tests.factories import ApplicationFactory, BoothFactory, ZoneFactory

pytestmark = pytest.mark.django_db

USES = ("held", "offered", "allocated", "unused")


def _use(booth, how, officer):
    """Put `booth` to use the way `how` says (or leave it unused)."""
    fair = booth.fair
    if how == "unused":
        return
    application = ApplicationFactory(fair=fair)
    run = AllocationRun.objects.create(
        fair=fair, version=fair.runs.count() + 1, seed=1, algorithm_version="t", created_by=officer
    )
    if how == "held":
        Assignment.objects.create(fair=fair, booth=booth, application=application, run=run)
    elif how == "offered":
        deadline = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
        WaitlistOffer.objects.create(
            fair=fair, booth=booth, application=application, deadline=deadline
        )
    else:
        RunResult.objects.create(
            run=run, application=application, rank=1, score=Decimal(1), booth=booth, explanation=""
        )


@pytest.fixture
def typo_zone(fair):
    zone = ZoneFactory(fair=fair, code="T", name="โซนพิมพ์ผิด")
    for n in range(1, 7):
        BoothFactory(zone=zone, code=f"T{n:03d}", x=n * 40, y=600)
    return zone


def test_the_first_press_only_says_how_many_go_and_stay(typo_zone, cm_officer, client_for):
    _use(typo_zone.booths.first(), "held", cm_officer)
    page = client_for(cm_officer).post(f"/fairs/zones/{typo_zone.pk}/clear/").content.decode()
    assert 'data-testid="confirmation"' in page
    assert "5 บูธ" in page and "1 บูธ" in page
    assert typo_zone.booths.count() == 6


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(uses=st.lists(st.sampled_from(USES), min_size=1, max_size=5))
def test_confirmed_clear_deletes_exactly_the_unused_booths(fair, cm_officer, client_for, uses):
    zone = ZoneFactory(fair=fair)
    booths = [BoothFactory(zone=zone) for _ in uses]
    for booth, how in zip(booths, uses, strict=True):
        _use(booth, how, cm_officer)
    others = set(fair.booths.exclude(zone=zone).values_list("pk", flat=True))
    client_for(cm_officer).post(f"/fairs/zones/{zone.pk}/clear/", {"confirmed": "1"})
    kept = set(zone.booths.values_list("pk", flat=True))
    assert kept == {b.pk for b, how in zip(booths, uses, strict=True) if how != "unused"}
    assert set(fair.booths.exclude(zone=zone).values_list("pk", flat=True)) == others


def test_clear_says_how_many_were_deleted(typo_zone, cm_officer, client_for):
    response = client_for(cm_officer).post(
        f"/fairs/zones/{typo_zone.pk}/clear/", {"confirmed": "1"}, follow=True
    )
    assert "ลบบูธแล้ว 6 บูธ" in response.content.decode()
    assert not Booth.objects.filter(zone=typo_zone).exists()


def test_booths_of_a_published_plan_are_not_cleared(typo_zone, cm_officer, client_for):
    fair = typo_zone.fair
    fair.state = FairState.ALLOCATED
    fair.save()
    response = client_for(cm_officer).post(
        f"/fairs/zones/{typo_zone.pk}/clear/", {"confirmed": "1"}, follow=True
    )
    assert "แก้ไขบูธไม่ได้" in response.content.decode()
    assert typo_zone.booths.count() == 6


def test_the_zones_page_offers_the_clear_only_for_zones_with_booths(
    fair, typo_zone, cm_officer, client_for
):
    empty = ZoneFactory(fair=fair, code="E")
    page = client_for(cm_officer).get(f"/fairs/{fair.pk}/zones/").content.decode()
    assert f"/fairs/zones/{typo_zone.pk}/clear/" in page
    assert f"/fairs/zones/{empty.pk}/clear/" not in page
    assert f"/fairs/zones/{empty.pk}/delete/" in page


def test_giving_up_sits_at_the_foot_of_the_result_page(fair, producer_user, client_for):
    application = ApplicationFactory(fair=fair, group__members=[producer_user])
    page = client_for(producer_user).get(f"/fairs/applications/{application.pk}/result/")
    text = page.content.decode()
    give_up = text.index('data-testid="give-up"')
    assert give_up > text.index("result-banner")
    assert give_up > text.index('data-testid="live-eligibility"')
    assert f'action="/fairs/applications/{application.pk}/withdraw/"' in text[give_up:]


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(confirmed=st.text(max_size=8).filter(lambda t: t != "1" and "\x00" not in t))
def test_anything_but_a_confirmation_deletes_nothing(typo_zone, cm_officer, client_for, confirmed):
    response = client_for(cm_officer).post(
        f"/fairs/zones/{typo_zone.pk}/clear/", {"confirmed": confirmed}
    )
    assert response.status_code == 200
    assert typo_zone.booths.count() == 6


def _positions(zone):
    return list(zone.booths.order_by("pk").values_list("x", "y"))


def test_a_zone_moves_by_metres_and_keeps_its_layout(typo_zone, cm_officer, client_for):
    before = _positions(typo_zone)
    response = client_for(cm_officer).post(
        f"/fairs/zones/{typo_zone.pk}/move/", {"right_m": "2.5", "down_m": "-1"}
    )
    assert response.status_code == 302
    assert _positions(typo_zone) == [(x + 25, y - 10) for x, y in before]


def test_a_zone_moved_off_the_plan_is_refused_and_nothing_moves(typo_zone, cm_officer, client_for):
    before = _positions(typo_zone)
    response = client_for(cm_officer).post(
        f"/fairs/zones/{typo_zone.pk}/move/", {"right_m": "-5", "down_m": "0"}, follow=True
    )
    assert "ไม่มีบูธใดถูกย้าย" in response.content.decode()
    assert _positions(typo_zone) == before


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    right=st.one_of(
        st.decimals(-100, 100, places=2, allow_nan=False).map(str), st.text(max_size=6)
    ),
    down=st.one_of(st.decimals(-100, 100, places=1, allow_nan=False).map(str), st.text(max_size=6)),
)
def test_any_typed_shift_moves_the_whole_zone_or_nothing(
    typo_zone, cm_officer, client_for, right, down
):
    before = _positions(typo_zone)
    data = {"right_m": right.replace("\x00", ""), "down_m": down.replace("\x00", "")}
    response = client_for(cm_officer).post(f"/fairs/zones/{typo_zone.pk}/move/", data)
    assert response.status_code in (200, 302)
    after = _positions(typo_zone)
    shifts = {(a[0] - b[0], a[1] - b[1]) for a, b in zip(after, before, strict=True)}
    assert len(shifts) == 1
    if response.status_code == 200:
        assert after == before

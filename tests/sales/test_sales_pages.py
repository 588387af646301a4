"""The sales form, the producer's own figures and the officer's daily check-in, as people see them."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from producers.models import Category, Province
from sales.models import DailySales, EncouragementVisit
from sales.selectors import checkin_dashboard
from tests.factories import (
    AssignmentFactory,
    DailySalesFactory,
    IssueReportFactory,
    UserFactory,
    ZoneFactory,
    bulk_fair,
)

pytestmark = pytest.mark.django_db


def test_producer_logs_today_from_the_form(client_for, holding, producer_user):
    client = client_for(producer_user)
    today = timezone.localdate().isoformat()
    page = client.get(f"/sales/booth/{holding.pk}/")
    assert page.status_code == 200
    assert 'inputmode="decimal"' in page.content.decode()
    response = client.post(f"/sales/booth/{holding.pk}/", {"day": today, "amount": "1,250.50"})
    assert response.status_code == 302
    assert DailySales.objects.get(assignment=holding).amount == Decimal("1250.50")
    assert "฿1,250.50" in client.get(response["Location"]).content.decode()


def test_json_submit_answers_with_the_saved_amount(client_for, holding, producer_user):
    response = client_for(producer_user).post(
        f"/sales/booth/{holding.pk}/",
        {"day": timezone.localdate().isoformat(), "amount": "980", "client_key": "abc"},
        HTTP_ACCEPT="application/json",
    )
    assert response.json() == {
        "ok": True,
        "day": timezone.localdate().isoformat(),
        "amount": "980.00",
        "orders": "0.00",
        "amount_display": "฿980.00",
        "orders_display": "฿0.00",
    }


def test_json_submit_with_a_split_larger_than_the_total_is_refused(
    client_for, holding, producer_user
):
    response = client_for(producer_user).post(
        f"/sales/booth/{holding.pk}/",
        {"day": timezone.localdate().isoformat(), "amount": "100", "cash_amount": "150"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert not DailySales.objects.exists()


def test_producer_cannot_open_another_groups_booth(client_for, holding):
    other = UserFactory(role="producer", username="producer_other")
    client = client_for(other)
    assert client.get(f"/sales/booth/{holding.pk}/").status_code == 403
    response = client.post(
        f"/sales/booth/{holding.pk}/", {"day": timezone.localdate(), "amount": "1"}
    )
    assert response.status_code == 403
    assert not DailySales.objects.exists()


def _category_peers(fair, totals):
    peers = []
    for n, amount in enumerate(totals):
        peer = AssignmentFactory(booth__zone__fair=fair, application__group__name=f"กลุ่มคู่แข่ง {n}")
        DailySalesFactory(assignment=peer, day=fair.start_date, amount=Decimal(amount))
        peers.append(peer)
    return peers


def test_producer_sees_own_running_total_and_the_category_median_but_no_other_figures(
    client_for, holding, producer_user
):
    fair = holding.fair
    DailySalesFactory(assignment=holding, day=fair.start_date, amount=Decimal("1000"))
    DailySalesFactory(
        assignment=holding, day=fair.start_date + datetime.timedelta(1), amount=Decimal("500")
    )
    _category_peers(fair, ["2001", "3003", "4005", "5007", "6009"])
    html = client_for(producer_user).get("/sales/mine/").content.decode()
    assert "฿1,500" in html  # own running total
    assert "฿3,504" in html  # median of the six booths' totals: (3003 + 4005) / 2
    for figure in ("2,001", "3,003", "4,005", "5,007", "6,009"):
        assert figure not in html
    assert "กลุ่มคู่แข่ง" not in html


def test_median_is_hidden_while_too_few_booths_share_the_category(
    client_for, holding, producer_user
):
    DailySalesFactory(assignment=holding, day=holding.fair.start_date, amount=Decimal("1000"))
    _category_peers(holding.fair, ["2002"])
    html = client_for(producer_user).get("/sales/mine/").content.decode()
    assert "2,002" not in html


@pytest.fixture
def hand_built_fair(fair):
    """Three booths over two zones; sales on the day before and today."""
    zone_a, zone_b = ZoneFactory(fair=fair, name="โซนอาหาร"), ZoneFactory(fair=fair, name="โซนผ้า")
    food = AssignmentFactory(booth__zone=zone_a, application__category=Category.FOOD)
    silk = AssignmentFactory(booth__zone=zone_a)
    quiet = AssignmentFactory(booth__zone=zone_b, application__group__phone="0899999999")
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    for assignment, before, now in ((food, 100, 150), (silk, 200, 50), (quiet, 300, None)):
        DailySalesFactory(assignment=assignment, day=yesterday, amount=Decimal(before))
        if now is not None:
            DailySalesFactory(assignment=assignment, day=today, amount=Decimal(now))
    IssueReportFactory(assignment=food)
    return fair, food, silk, quiet


def test_checkin_figures_on_a_hand_built_fair(hand_built_fair):
    fair, food, silk, quiet = hand_built_fair
    today = timezone.localdate()
    data = checkin_dashboard(fair, today)
    assert (data.today_total, data.previous_total) == (200, 600)
    assert (data.reported, data.booths) == (2, 3)
    assert [row["pk"] for row in data.not_reported] == [quiet.pk]
    assert {(r.label, r.current, r.previous) for r in data.by_zone} == {
        ("โซนอาหาร", 200, 300),
        ("โซนผ้า", 0, 300),
    }
    by_category = {r.label: (r.current, r.previous) for r in data.by_category}
    assert by_category == {Category.FOOD.label: (150, 100), Category.TEXTILE.label: (50, 500)}
    assert [row["assignment_pk"] for row in data.lowest] == [silk.pk, food.pk]
    assert [total for _, total in data.per_day] == [0, 600, 200]
    assert data.open_issue_count == 1


def test_checkin_page_lists_who_has_not_reported_with_a_tap_to_call(
    client_for, hand_built_fair, province_officer
):
    fair, *_ = hand_built_fair
    html = client_for(province_officer).get(f"/sales/fairs/{fair.pk}/checkin/").content.decode()
    assert 'href="tel:0899999999"' in html
    assert "<svg" in html and "฿200" in html


def test_officer_of_another_province_cannot_open_the_checkin(client_for, fair):
    stranger = UserFactory(role="officer", username="officer_bkk")
    stranger.officer_provinces.add(Province.objects.get(code="10"))
    assert client_for(stranger).get(f"/sales/fairs/{fair.pk}/checkin/").status_code == 403


def test_officer_notes_an_encouragement_visit_shown_on_the_dashboard(
    client_for, hand_built_fair, province_officer
):
    fair, food, silk, quiet = hand_built_fair
    client = client_for(province_officer)
    today = timezone.localdate().isoformat()
    response = client.post(
        f"/sales/booth/{silk.pk}/visit/", {"day": today, "note": "แนะนำจัดโต๊ะใหม่"}
    )
    assert response.status_code == 302
    assert EncouragementVisit.objects.get(assignment=silk).officer == province_officer
    assert "แนะนำจัดโต๊ะใหม่" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("booths", [100, 3000])
def test_checkin_runs_a_constant_number_of_queries(
    client_for, province_officer, django_assert_max_num_queries, booths
):
    fair, assignments = bulk_fair(booths)
    IssueReportFactory(assignment=assignments[0])
    client = client_for(province_officer)
    with django_assert_max_num_queries(22):
        response = client.get(f"/sales/fairs/{fair.pk}/checkin/")
    assert response.status_code == 200


@pytest.mark.parametrize("booths", [100, 3000])
def test_own_sales_page_runs_a_constant_number_of_queries(
    client_for, producer_user, django_assert_max_num_queries, booths
):
    fair, assignments = bulk_fair(booths)
    assignments[0].application.group.members.add(producer_user)
    client = client_for(producer_user)
    with django_assert_max_num_queries(26):
        response = client.get("/sales/mine/")
    assert response.status_code == 200


@pytest.mark.parametrize("issues", [3, 60])
def test_problem_list_runs_a_constant_number_of_queries(
    client_for, province_officer, holding, django_assert_max_num_queries, issues
):
    IssueReportFactory.create_batch(issues, assignment=holding)
    client = client_for(province_officer)
    with django_assert_max_num_queries(23):
        response = client.get("/sales/problems/")
    assert response.status_code == 200


def test_a_day_still_to_come_says_so_before_anything_is_typed(client_for, holding, producer_user):
    """A producer who taps tomorrow's pill is told at once, not after filling the form in."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client = client_for(producer_user)
    page = client.get(f"/sales/booth/{holding.pk}/?day={tomorrow.isoformat()}").content.decode()
    assert 'data-role="not-yet"' in page and "ยังไม่ถึง" in page
    assert "<fieldset disabled>" in page
    today = client.get(f"/sales/booth/{holding.pk}/").content.decode()
    assert 'data-role="not-yet"' not in today and "<fieldset>" in today

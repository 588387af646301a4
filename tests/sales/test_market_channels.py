"""The market-channel ledger (entered by producers and officers, seen only by those who may) and
the fiscal-year report combining fairs and channels, per province and per group."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from producers.models import Province
from sales.models import ChannelSale, DailySales
from sales.reports.fiscal import fiscal_report, fiscal_table, fiscal_year, fiscal_year_days
from tests.factories import AssignmentFactory, ProducerGroupFactory, UserFactory

pytestmark = pytest.mark.django_db

OCT_15_2569 = datetime.date(2026, 10, 15)


def test_a_sale_on_15_october_2569_is_in_fiscal_year_2570():
    assert fiscal_year(OCT_15_2569) == 2570
    assert fiscal_year(datetime.date(2026, 9, 30)) == 2569
    assert fiscal_year_days(2570) == (datetime.date(2026, 10, 1), datetime.date(2027, 9, 30))


@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2200, 12, 31)))
def test_every_day_falls_inside_the_fiscal_year_it_is_named_for(day):
    first, last = fiscal_year_days(fiscal_year(day))
    assert first <= day <= last
    assert (last - first).days in (364, 365)
    assert fiscal_year(first - datetime.timedelta(days=1)) == fiscal_year(day) - 1


@pytest.fixture
def year_of_sales(producer_user, province_officer):
    """Group A (Chiang Mai, producer_user's) sold at a fair and in two channels around 1 Oct."""
    group = ProducerGroupFactory(members=[producer_user], province_code="50")
    holding = AssignmentFactory(application__group=group, booth__zone__fair__start_date=OCT_15_2569)
    for day, sales, orders in ((OCT_15_2569, 1000, 500), (datetime.date(2026, 9, 30), 70, 0)):
        DailySales.objects.create(
            assignment=holding, day=day, amount=sales, orders=orders, entered_by=producer_user
        )
    for day, takings in ((OCT_15_2569, 3000), (datetime.date(2026, 9, 1), 9)):
        ChannelSale.objects.create(
            group=group,
            day=day,
            kind="festival_gifts",
            place="ตลาดนัดกระทรวง",
            takings=Decimal(takings),
            entered_by=province_officer,
        )
    other = ProducerGroupFactory(province_code="10")
    ChannelSale.objects.create(
        group=other,
        day=OCT_15_2569,
        kind="mobile_unit",
        place="อำเภอยิ้ม",
        takings=Decimal(400),
        entered_by=province_officer,
    )
    return group, other


def test_the_fiscal_year_report_combines_fairs_and_channels_of_that_year(year_of_sales, superuser):
    group, other = year_of_sales
    report = fiscal_report(superuser, 2570)
    by_name = {line.label: line for line in report.groups}
    mine = by_name[group.name]
    assert (mine.fairs, mine.channels, mine.total) == (1500, {"festival_gifts": 3000}, 4500)
    assert by_name[other.name].total == 400
    provinces = {line.label: (line.groups, line.total) for line in report.provinces}
    assert provinces == {"เชียงใหม่": (1, 4500), "กรุงเทพมหานคร": (1, 400)}
    before = fiscal_report(superuser, 2569)
    assert [line.total for line in before.groups] == [79]


def test_each_person_sees_only_the_groups_they_may(year_of_sales, producer_user, province_officer):
    group, other = year_of_sales
    assert [line.label for line in fiscal_report(producer_user, 2570).groups] == [group.name]
    assert [line.label for line in fiscal_report(province_officer, 2570).groups] == [group.name]
    stranger = UserFactory(role="officer", username="officer_bkk")
    stranger.officer_provinces.add(Province.objects.get(code="10"))
    assert [line.label for line in fiscal_report(stranger, 2570).groups] == [other.name]


def test_the_fiscal_report_exports_baht_cells_to_excel(year_of_sales, client_for, superuser):
    url = reverse("sales:fiscal_report_export", args=["province", "xlsx"]) + "?year=2570"
    sheet = load_workbook(io.BytesIO(client_for(superuser).get(url).content)).active
    header = [c.value for c in sheet[1]]
    assert header[0] == "จังหวัด" and header[-1] == "รวมทุกช่องทาง (บาท)"
    totals = {row[0].value: row[-1].value for row in sheet.iter_rows(min_row=2)}
    assert totals == {"เชียงใหม่": 4500, "กรุงเทพมหานคร": 400}
    pdf = client_for(superuser).get(
        reverse("sales:fiscal_report_export", args=["group", "pdf"]) + "?year=2570"
    )
    assert pdf["Content-Type"] == "application/pdf"


def test_the_table_headers_name_every_channel_in_thai(year_of_sales, superuser):
    table = fiscal_table(fiscal_report(superuser, 2570), "group")
    assert "หน่วยบริการเคลื่อนที่ของรัฐ" in table.headers and "จุดศึกษาดูงาน" in table.headers


def test_a_producer_adds_a_sales_event_and_sees_it_in_the_ledger(client_for, producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    client = client_for(producer_user)
    response = client.post(
        reverse("sales:channel_new"),
        {
            "group": group.pk,
            "day": "15/10/2569",
            "kind": "study_visit",
            "place": "วิสาหกิจชุมชนบ้านถวาย",
            "takings": "1,250",
        },
    )
    assert response.status_code == 302
    sale = ChannelSale.objects.get()
    assert (sale.day, sale.takings, sale.entered_by) == (OCT_15_2569, 1250, producer_user)
    assert "วิสาหกิจชุมชนบ้านถวาย" in client.get(reverse("sales:channel_list")).content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"takings": "abc"},
        {"takings": "-5"},
        {"day": "15/10/2026"},
        {"day": "30/02/2569"},
        {"kind": "lottery"},
        {"place": ""},
        {"group": "999999"},
    ],
)
def test_bad_ledger_input_gets_a_thai_message_and_saves_nothing(client_for, producer_user, changes):
    group = ProducerGroupFactory(members=[producer_user])
    data = {
        "group": group.pk,
        "day": "15/10/2569",
        "kind": "study_visit",
        "place": "ที่ใดที่หนึ่ง",
        "takings": "10",
    }
    response = client_for(producer_user).post(reverse("sales:channel_new"), {**data, **changes})
    assert response.status_code == 200
    errors = [str(e) for errors in response.context["form"].errors.values() for e in errors]
    assert errors and all(any("\u0e00" <= ch <= "\u0e7f" for ch in e) for e in errors), errors
    assert not ChannelSale.objects.exists()


def test_a_producer_cannot_enter_for_another_group(client_for, producer_user):
    ProducerGroupFactory(members=[producer_user])
    stranger = ProducerGroupFactory()
    data = {"group": stranger.pk, "day": "15/10/2569", "kind": "other", "place": "x"}
    response = client_for(producer_user).post(
        reverse("sales:channel_new"), {**data, "takings": "1"}
    )
    assert response.status_code == 200 and not ChannelSale.objects.exists()

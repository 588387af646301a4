"""The daily provincial report, the national summary, the market-channel ledger and the fiscal-year
report run a constant number of queries as a fair and the ledger grow (two sizes each)."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from producers.models import ProducerGroup, Province
from tests.sales.report_factories import (
    FIRST_DAY,
    build_sized_national_fair,
    channel_sales,
)

pytestmark = pytest.mark.django_db

# (booths, provinces, zones): a small fair, and one ten times its size in every direction.
SIZES = [(40, 4, 2), (400, 40, 8)]


@pytest.fixture
def head_office(officer):
    """An officer of the fair's province who also keeps every province taking part."""
    officer.officer_provinces.add(*Province.objects.all())
    return officer


def _fair_pages(client, fair, codes):
    day = fair.start_date + datetime.timedelta(days=1)
    query = f"?day={day.isoformat()}"
    return {
        "daily_province": reverse("sales:daily_province", args=[fair.pk, codes[0]]) + query,
        "daily_national": reverse("sales:daily_national", args=[fair.pk]) + query,
    }


@pytest.mark.parametrize("page", ["daily_province", "daily_national"])
@pytest.mark.parametrize(("booths", "provinces", "zones"), SIZES)
def test_daily_report_pages_run_a_constant_number_of_queries(
    client_for, head_office, django_assert_max_num_queries, page, booths, provinces, zones
):
    fair, codes = build_sized_national_fair(
        head_office, booths=booths, provinces=provinces, zones=zones
    )
    client = client_for(head_office)
    url = _fair_pages(client, fair, codes)[page]
    with django_assert_max_num_queries(QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["channel_list", "fiscal_report"])
@pytest.mark.parametrize(("booths", "provinces", "zones"), SIZES)
def test_channel_pages_run_a_constant_number_of_queries(
    client_for, head_office, django_assert_max_num_queries, page, booths, provinces, zones
):
    build_sized_national_fair(head_office, booths=booths, provinces=provinces, zones=zones)
    groups = list(ProducerGroup.objects.all())
    channel_sales(groups, per_group=2, by=head_office, day=FIRST_DAY)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sales_channelsale")
    client = client_for(head_office)
    year = FIRST_DAY.year + 543 + (1 if FIRST_DAY.month >= 10 else 0)
    url = reverse(f"sales:{page}") + (f"?year={year}" if page == "fiscal_report" else "")
    with django_assert_max_num_queries(QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200
    assert "ตลาดนัด" in response.content.decode() or page == "fiscal_report"


# Measured at the small size; the large one must not need more.
# A report's statement time limit (otop_fair.report_time) adds 3 inside a test's transaction: the
# savepoint, set_config and the release (one query, set_config, in production).
QUERIES = {"daily_province": 12, "daily_national": 15, "channel_list": 3, "fiscal_report": 8}

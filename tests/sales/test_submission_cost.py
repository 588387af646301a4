"""A day's sales is cheap to open and to send: the evening peak (issue 23: ≥ 50 submissions a
second on one node) is bought with few round trips to the database per request, whatever the
booth's cut-off rule. The fair's cut-off comes with the booth (no query of its own)."""

import pytest
import time_machine
from django.urls import reverse

from sales.models import DailySales, FairSalesPolicy
from tests.sales.test_daily_sales import at

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
# session, user, booth with its fair and cut-off, membership, the fair's days (GET);
# session, user, booth, membership, then in one transaction: lock, membership, the day's row,
# the row, its history (POST); a resend of a known key reads the history instead of writing.
OPEN_FORM_QUERIES = 5
SEND_QUERIES = 11


@pytest.mark.parametrize("has_policy", [False, True])
def test_opening_and_sending_the_sales_form_take_a_fixed_few_queries(
    client_for, holding, producer_user, django_assert_max_num_queries, has_policy
):
    fair = holding.fair
    if has_policy:
        FairSalesPolicy.objects.create(fair=fair, days_after=2)
    url = reverse("sales:enter", args=[holding.pk])
    day = fair.start_date
    client = client_for(producer_user)
    with time_machine.travel(at(day, 18), tick=False):
        client.get(url)  # the session's keep-alive is written once, not on every request
        with django_assert_max_num_queries(OPEN_FORM_QUERIES):
            assert client.get(url).status_code == 200
        data = {"day": day.isoformat(), "amount": "1,250", "client_key": "k-cost"}
        with django_assert_max_num_queries(SEND_QUERIES):
            assert client.post(url, data, **JSON).json()["ok"]
    assert DailySales.objects.get(assignment=holding).amount == 1250

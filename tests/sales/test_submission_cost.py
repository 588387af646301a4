"""A day's sales is cheap to open and to send: the evening peak (issue 23: ≥ 50 submissions a
second on one node) is bought with few round trips to the database per request, whatever the
booth's cut-off rule. The fair's cut-off comes with the booth (no query of its own)."""

import pytest
import time_machine
from django.urls import reverse

from producers.models import ProducerGroup
from sales.models import DailySales, FairSalesPolicy
from tests.factories.sales import bulk_fair
from tests.sales.test_daily_sales import at

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
# session, user, booth with its fair and cut-off, membership, the fair's days (GET);
# session, user, booth, membership, then in one transaction: lock, the day's row, the row, its
# history (POST; the membership is read once per request); a resend of a known key reads the
# history instead of writing. In tests the transaction is a savepoint and its release.
OPEN_FORM_QUERIES = 5
SEND_QUERIES = 10


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


@pytest.mark.parametrize("size", [3, 40])
def test_the_sales_form_costs_the_same_queries_at_a_big_fair_with_many_days_and_groups(
    client_for, holding, producer_user, django_assert_max_num_queries, size
):
    """Other booths' sales, the booth's own earlier days and the producer's other groups add no
    query to opening or sending the form."""
    fair = holding.fair
    bulk_fair(size, fair=fair)
    producer_user.producer_groups.add(
        *ProducerGroup.objects.exclude(pk=holding.application.group_id)[:size]
    )
    for day in fair.fair_days[:2]:
        DailySales.objects.create(assignment=holding, day=day, amount=100, entered_by=producer_user)
    url = reverse("sales:enter", args=[holding.pk])
    day = fair.fair_days[2]
    client = client_for(producer_user)
    with time_machine.travel(at(day, 18), tick=False):
        client.get(url)  # the session's keep-alive is written once
        with django_assert_max_num_queries(OPEN_FORM_QUERIES):
            page = client.get(url)
        assert page.context["assignment"].booth.code in page.content.decode()
        data = {"day": day.isoformat(), "amount": "900", "client_key": f"k-{size}"}
        with django_assert_max_num_queries(SEND_QUERIES):
            assert client.post(url, data, **JSON).json()["ok"]
    assert DailySales.objects.filter(assignment=holding).count() == 3


def test_a_producer_taken_out_of_the_group_is_refused_on_the_next_request(
    client_for, holding, producer_user
):
    """The membership the form's permission reads is the request's own, never an earlier one."""
    url = reverse("sales:enter", args=[holding.pk])
    day = holding.fair.start_date
    client = client_for(producer_user)
    with time_machine.travel(at(day, 18), tick=False):
        assert client.get(url).status_code == 200
        holding.application.group.members.remove(producer_user)
        assert client.get(url).status_code == 403
        data = {"day": day.isoformat(), "amount": "900", "client_key": "k-gone"}
        assert client.post(url, data, **JSON).status_code == 403
    assert not DailySales.objects.filter(assignment=holding).exists()

"""The capacity bench's load generator (benchmarks/paced_producers.py) against a served app: each
paced producer opens the form with its own session, sends the day with the page's CSRF token and
its one-time key, and every request is counted — a refused one as a failure."""

from decimal import Decimal

import pytest

from benchmarks.paced_producers import FORM, SEND, replay
from benchmarks.test_bench_sales_peak import seed_running_fair
from sales.models import DailySales

pytestmark = pytest.mark.django_db(transaction=True)


def test_paced_producers_each_leave_their_day_once_double_taps_included(live_server):
    producers = seed_running_fair(6, double_every=3)
    tally = replay(producers, [live_server.url], rate=6, pace_s=0.5, limit_s=60)
    assert tally.failures == []
    assert len(tally.ms[FORM]) == 6
    assert len(tally.ms[SEND]) == 6 + 2  # the first and the fourth tap twice
    saved = {(r.assignment_id, r.day.isoformat()): r.amount for r in DailySales.objects.all()}
    assert saved == {(p["assignment"], p["day"]): Decimal(p["amount"]) for p in producers}


def test_a_producer_whose_session_is_refused_is_counted_as_failed(live_server):
    producers = seed_running_fair(2, double_every=10)
    producers[1]["session"] = "not-a-session"
    tally = replay(producers, [live_server.url], rate=2, pace_s=0.5, limit_s=60)
    assert len(tally.failures) == 2  # its form and its send
    assert DailySales.objects.count() == 1

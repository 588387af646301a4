"""A heavy report cannot hold a web worker for minutes: every report and export runs with a
statement time limit, and a report stopped by it gets a Thai page, not a server error."""

import time

import psycopg
import pytest
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from producers.models import Province
from tests.sales.report_factories import build_known_fair

# URL names of pages and downloads that aggregate many rows (a single record's document, such as
# a booth card or a decision letter, is not a report).
REPORT_WORDS = ("report", "export", "daily_national", "daily_province", "progress", "plan_pdf")
SINGLE_RECORD = {"booths:booth_card", "booths:table_card", "booths:decision_letter"}
TOO_SLOW = "ใช้เวลานานเกินไป"


def _named_urls(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_urls(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.callback


def _is_bounded(view):
    while view is not None:
        if getattr(view, "has_bounded_report_time", False):
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def report_views():
    return sorted(
        (name, view)
        for name, view in _named_urls()
        if any(word in name for word in REPORT_WORDS) and name not in SINGLE_RECORD
    )


def test_the_walk_finds_the_reports_and_exports():
    names = {name for name, _ in report_views()}
    assert {"sales:fair_report", "sales:fair_report_export", "producers:group_export_xlsx"} <= names


@pytest.mark.parametrize(("name", "view"), report_views(), ids=[n for n, _ in report_views()])
def test_every_report_and_export_view_has_a_statement_time_limit(name, view):
    assert _is_bounded(view), name


@pytest.fixture
def chiang_mai_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


def _locked(table):
    """Another session holding `table` exclusively: every read of it waits, as behind a heavy
    report's sort, until the statement limit stops it."""
    params = connection.get_connection_params()
    locker = psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"})
    locker.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
    return locker


# A page and a download whose rows are written inside the view (the registry's CSV writes every
# group before it returns), each with the table its reading waits on.
SLOW_READS = [
    ("sales:fair_report", "sales_dailysales", True),
    ("producers:group_export_csv", "producers_producergroup", False),
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("name", "table", "per_fair"), SLOW_READS, ids=[r[0] for r in SLOW_READS])
def test_a_report_past_the_time_limit_gets_the_thai_too_long_page_within_the_limit(
    client_for, chiang_mai_officer, settings, name, table, per_fair
):
    known = build_known_fair(chiang_mai_officer)
    client = client_for(chiang_mai_officer)
    url = reverse(name, args=[known.fair.pk] if per_fair else [])
    settings.REPORT_STATEMENT_TIMEOUT_MS = 300
    with connection.cursor() as cursor:
        # A safety net for this test only: should the limit not apply, the request fails in 10 s
        # instead of waiting for the lock for ever.
        cursor.execute("SET statement_timeout = '10s'")
    locker = _locked(table)
    try:
        started = time.monotonic()
        response = client.get(url)
        took = time.monotonic() - started
    finally:
        locker.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET statement_timeout")
    assert response.status_code == 503
    html = response.content.decode()
    assert TOO_SLOW in html and "ช่วงที่แคบลง" in html
    assert took < 8, took
    # The limit ended with the report's transaction: the next page reads normally.
    again = client.get(url)
    assert again.status_code == 200


@pytest.mark.django_db
def test_a_report_within_the_limit_reads_as_before(client_for, chiang_mai_officer):
    known = build_known_fair(chiang_mai_officer)
    response = client_for(chiang_mai_officer).get(
        reverse("sales:fair_report", args=[known.fair.pk])
    )
    assert response.status_code == 200 and "฿5,500" in response.content.decode()

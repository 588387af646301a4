"""The daily provincial report at national-fair size (3,000 booths × 9 days, groups from across
the country): one province's page, its PDF and phone PNG, and the national summary."""

import datetime
import time

import pytest
from django.db import connection
from django.db.models import Count
from django.urls import reverse

from benchmarks.test_bench_report import DAYS, FIRST_DAY, _timed, build_national_fair
from booths.models import Assignment
from tests.factories import UserFactory


@pytest.mark.django_db
def test_daily_provincial_report_at_3000_booths_by_9_days(client, report_bench):
    officer = UserFactory(role="", username="bench_daily", is_superuser=True, is_staff=True)
    fair = build_national_fair(officer)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    busiest = (
        Assignment.objects.filter(fair=fair)
        .values_list("application__group__province")
        .annotate(n=Count("id"))
        .order_by("-n")[0][0]
    )
    day = f"?day={FIRST_DAY + datetime.timedelta(days=DAYS - 1)}"
    client.force_login(officer)

    def url(name, *args):
        return reverse(name, args=[fair.pk, *args]) + day

    client.get(url("sales:daily_province", busiest))
    page_s, page = _timed(lambda: client.get(url("sales:daily_province", busiest)))
    assert "รายงานประจำวัน" in page.content.decode()
    report_bench("daily_province_page_3000x9_s", page_s)
    cpu = time.process_time()
    pdf_s, _ = _timed(lambda: client.get(url("sales:daily_province_pdf", busiest)), 1)
    report_bench("daily_province_pdf_3000x9_s", pdf_s)
    # Making a PDF is almost all Python CPU: this figure shows it apart from a busy machine.
    report_bench("daily_province_pdf_3000x9_cpu_s", time.process_time() - cpu)
    started, cpu = time.perf_counter(), time.process_time()
    png = client.get(url("sales:daily_province_png", busiest))
    assert png.content.startswith(b"\x89PNG")
    report_bench("daily_province_png_3000x9_s", time.perf_counter() - started)
    report_bench("daily_province_png_3000x9_cpu_s", time.process_time() - cpu)
    summary_s, _ = _timed(lambda: client.get(url("sales:daily_national")))
    report_bench("daily_national_summary_3000x9_s", summary_s)
    summary_pdf_s, _ = _timed(lambda: client.get(url("sales:daily_national_pdf")), 1)
    report_bench("daily_national_summary_pdf_3000x9_s", summary_pdf_s)

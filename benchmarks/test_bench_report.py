"""The fair report at national-fair size: 3,000 booths × 9 days (27,000 daily sales rows).

Times the report page (every section, charts included) and the whole-report PDF.
"""

import datetime
import random
import statistics
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from booths.models import Application, ApplicationStatus, Assignment, Booth, Fair, FairState, Zone
from otop_fair.thai import thai_sort_key
from producers.models import (
    Category,
    GroupType,
    ProducerGroup,
    Product,
    Province,
    RatingRound,
    StarRating,
    Subdistrict,
)
from sales.models import DailySales, IssueCategory, IssueReport
from tests.factories import UserFactory

BOOTHS = 3000
DAYS = 9
ZONES = 12
FIRST_DAY = datetime.date(2026, 11, 20)


def _groups(rng, count):
    places = list(
        Subdistrict.objects.order_by("?").values_list("code", "district__province_id")[:300]
    )
    groups = []
    for i in range(count):
        code, province = rng.choice(places)
        name = f"กลุ่มวิสาหกิจชุมชนผ้าไหมบ้านนา {i}"
        groups.append(
            ProducerGroup(
                name=name,
                sort_name=thai_sort_key(name),
                group_type=GroupType.COMMUNITY,
                registration_no=f"BENCH-{i:06d}",
                contact_name="สมศรี ใจดี",
                subdistrict_id=code,
                province_id=province,
            )
        )
    return ProducerGroup.objects.bulk_create(groups)


def _products(rng, groups):
    categories = Category.values
    products = Product.objects.bulk_create(
        Product(
            group=group,
            name=f"สินค้า {group.pk}",
            sort_name=thai_sort_key(f"สินค้า {group.pk}"),
            category=rng.choice(categories),
        )
        for group in groups
    )
    rating_round = RatingRound.objects.get_or_create(year=2025)[0]
    StarRating.objects.bulk_create(
        StarRating(product=p, round=rating_round, stars=rng.randint(1, 5))
        for p in products
        if rng.random() < 0.6
    )
    return products


def build_national_fair(officer, seed=7):
    rng = random.Random(seed)
    fair = Fair.objects.create(
        name="OTOP City 2569",
        venue="อิมแพ็ค เมืองทองธานี",
        province=Province.objects.get(code="12"),
        start_date=FIRST_DAY,
        end_date=FIRST_DAY + datetime.timedelta(days=DAYS - 1),
        applications_open_on=FIRST_DAY - datetime.timedelta(days=90),
        applications_close_on=FIRST_DAY - datetime.timedelta(days=60),
        state=FairState.CLOSED,
        created_by=officer,
    )
    zones = Zone.objects.bulk_create(
        Zone(fair=fair, code=f"Z{z:02d}", name=f"โซน {z}") for z in range(ZONES)
    )
    booths = Booth.objects.bulk_create(
        Booth(fair=fair, zone=zones[i % ZONES], code=f"B{i:05d}") for i in range(BOOTHS)
    )
    groups = _groups(rng, BOOTHS + 500)
    products = _products(rng, groups)
    apps = Application.objects.bulk_create(
        Application(
            fair=fair,
            group=group,
            category=product.category,
            status=ApplicationStatus.SELECTED if i < BOOTHS else ApplicationStatus.WAITLISTED,
        )
        for i, (group, product) in enumerate(zip(groups, products, strict=True))
    )
    Application.products.through.objects.bulk_create(
        Application.products.through(application=app, product=product)
        for app, product in zip(apps, products, strict=True)
    )
    held = Assignment.objects.bulk_create(
        Assignment(fair=fair, booth=booth, application=app)
        for booth, app in zip(booths, apps, strict=False)
    )
    DailySales.objects.bulk_create(
        (
            DailySales(
                assignment=assignment,
                day=FIRST_DAY + datetime.timedelta(days=d),
                amount=Decimal(rng.randint(0, 40000)),
                entered_by=officer,
            )
            for assignment in held
            for d in range(DAYS)
        ),
        batch_size=5000,
    )
    _issues(rng, fair, held, officer)
    return fair


def _issues(rng, fair, held, officer):
    # reported_at is stamped on insert, so resolution times are counted from now.
    reported = timezone.now() + datetime.timedelta(minutes=1)
    IssueReport.objects.bulk_create(
        IssueReport(
            fair=fair,
            assignment=rng.choice(held),
            category=rng.choice(IssueCategory.values),
            description="ไฟดับ",
            reported_by=officer,
            status="resolved",
            resolved_at=reported + datetime.timedelta(minutes=rng.randint(5, 600)),
        )
        for _ in range(400)
    )


def _timed(call, runs=3):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = call()
        times.append(time.perf_counter() - started)
        assert response.status_code == 200
    return statistics.median(times), response


@pytest.mark.django_db
def test_fair_report_page_and_pdf_at_3000_booths_by_9_days(client, report_bench):
    officer = UserFactory(role="", username="bench_admin", is_superuser=True, is_staff=True)
    fair = build_national_fair(officer)
    assert DailySales.objects.filter(assignment__fair=fair).count() == BOOTHS * DAYS
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client.force_login(officer)
    client.get(reverse("sales:fair_report", args=[fair.pk]))

    page_s, page = _timed(lambda: client.get(reverse("sales:fair_report", args=[fair.pk])))
    assert "OTOP City 2569" in page.content.decode()
    report_bench("report_page_3000x9_s", page_s)

    cpu_started = time.process_time()
    pdf_s, pdf = _timed(lambda: client.get(reverse("sales:fair_report_pdf", args=[fair.pk])), 1)
    assert pdf.content.startswith(b"%PDF")
    report_bench("report_pdf_3000x9_s", pdf_s)
    # Making the PDF is almost all Python CPU: this figure shows it apart from a busy machine.
    report_bench("report_pdf_3000x9_cpu_s", time.process_time() - cpu_started)

"""Fairs for report tests: a small hand-built fair whose every figure is known, and big ones."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Booth,
    Fair,
    OfferStatus,
    WaitlistOffer,
)
from otop_fair.thai import thai_sort_key
from producers.models import Category, GroupType, ProducerGroup, Province
from sales.models import (
    ChannelKind,
    ChannelSale,
    DailySales,
    FairDayVisitors,
    IssueReport,
    SalesTarget,
)
from tests.factories import (
    BoothFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
    ZoneFactory,
    subdistrict_in,
)

FIRST_DAY = datetime.date(2026, 11, 20)


# Tables a bulk-built fair fills: analysed afterwards so the planner sees their real sizes.
TABLES_TO_ANALYZE = (
    "sales_dailysales",
    "booths_assignment",
    "booths_booth",
    "booths_application",
    "booths_application_products",
    "producers_product",
    "producers_producergroup",
)


def report_fair(**kwargs):
    """The closed Chiang Mai fair of the reports: three days from FIRST_DAY unless told."""
    kwargs.setdefault("name", "OTOP ชวนช้อป เชียงใหม่")
    kwargs.setdefault("venue", "ศูนย์ประชุมนานาชาติเฉลิมพระเกียรติ")
    kwargs.setdefault("start_date", FIRST_DAY)
    kwargs.setdefault("end_date", kwargs["start_date"] + datetime.timedelta(days=2))
    return FairFactory(closed=True, **kwargs)


def application(fair, *, category=Category.TEXTILE, province="50", status=None, stars_score=None):
    group = ProducerGroupFactory(province_code=province)
    product = ProductFactory(group=group, category=category)
    if stars_score is not None:
        StarRatingFactory(product=product, score=Decimal(stars_score))
    app = Application.objects.create(
        fair=fair, group=group, category=category, status=status or ApplicationStatus.SELECTED
    )
    app.products.add(product)
    return app


def hold(booth, app, *, released=False):
    return Assignment.objects.create(
        fair=booth.fair,
        booth=booth,
        application=app,
        status=AssignmentStatus.RELEASED if released else AssignmentStatus.ACTIVE,
        released_at=timezone.now() if released else None,
    )


def sell(assignment, day_index, amount, by):
    return DailySales.objects.create(
        assignment=assignment,
        day=assignment.fair.start_date + datetime.timedelta(days=day_index),
        amount=Decimal(amount),
        entered_by=by,
    )


def problem(fair, category, by, *, hours_to_resolve=None, assignment=None):
    issue = IssueReport.objects.create(
        fair=fair, assignment=assignment, category=category, description="ไฟดับ", reported_by=by
    )
    reported = timezone.make_aware(datetime.datetime.combine(fair.start_date, datetime.time(9)))
    resolved = None
    if hours_to_resolve is not None:
        resolved = reported + datetime.timedelta(hours=hours_to_resolve)
    IssueReport.objects.filter(pk=issue.pk).update(
        reported_at=reported, resolved_at=resolved, status="resolved" if resolved else "open"
    )
    return issue


@dataclass
class KnownFair:
    fair: Fair
    groups: dict
    assignments: dict


def build_known_fair(officer):
    """Three days (the second without sales), three booths in two zones, four groups.

    Group g2 releases booth A2 after day 1 and g3 (from the waiting list) takes it over.
    Totals: g1 4,000 · g2 500 · g3 700 · g4 300 = 5,500.
    """
    fair = report_fair(created_by=officer)
    zone_a = ZoneFactory(fair=fair, code="A", name="อาหาร")
    zone_b = ZoneFactory(fair=fair, code="B", name="สมุนไพร")
    a1, a2 = BoothFactory(zone=zone_a, code="A1"), BoothFactory(zone=zone_a, code="A2")
    b1 = BoothFactory(zone=zone_b, code="B1")
    apps = {
        "g1": application(fair, category=Category.FOOD, stars_score=95),
        "g2": application(fair, province="10"),
        "g3": application(fair, stars_score=75),
        "g4": application(fair, category=Category.HERBAL),
    }
    held = {
        "g1": hold(a1, apps["g1"]),
        "g2": hold(a2, apps["g2"], released=True),
        "g4": hold(b1, apps["g4"]),
    }
    held["g3"] = hold(a2, apps["g3"])
    WaitlistOffer.objects.create(
        fair=fair,
        booth=a2,
        application=apps["g3"],
        status=OfferStatus.ACCEPTED,
        deadline=timezone.now(),
    )
    for key, day, amount in [
        ("g1", 0, 1000),
        ("g1", 2, 3000),
        ("g2", 0, 500),
        ("g3", 2, 700),
        ("g4", 0, 200),
        ("g4", 2, 100),
    ]:
        sell(held[key], day, amount, officer)
    application(fair, status=ApplicationStatus.INELIGIBLE)
    application(fair, status=ApplicationStatus.WAITLISTED)
    application(fair, status=ApplicationStatus.NOT_SELECTED)
    problem(fair, "electricity", officer, hours_to_resolve=2, assignment=held["g1"])
    problem(fair, "electricity", officer, hours_to_resolve=4, assignment=held["g4"])
    problem(fair, "facility", officer, assignment=held["g1"])
    return KnownFair(fair=fair, groups={k: a.group for k, a in apps.items()}, assignments=held)


def build_previous_fair(officer, fair, total=2000):
    """The same fair a year earlier: one booth that sold `total`."""
    earlier = report_fair(
        created_by=officer,
        name=fair.name,
        start_date=fair.start_date - datetime.timedelta(days=365),
    )
    booth = BoothFactory(zone=ZoneFactory(fair=earlier))
    sell(hold(booth, application(earlier)), 0, total, officer)
    return earlier


def bulk_groups(count, prefix=""):
    """`count` producer groups in Chiang Mai, inserted in one statement."""
    subdistrict = subdistrict_in("50")
    return ProducerGroup.objects.bulk_create(
        ProducerGroup(
            name=f"กลุ่มทดสอบ {prefix}{i}",
            sort_name=thai_sort_key(f"กลุ่มทดสอบ {prefix}{i}"),
            group_type=GroupType.COMMUNITY,
            registration_no=f"B-{prefix}{i:06d}",
            contact_name="สมศรี",
            subdistrict=subdistrict,
            province_id="50",
        )
        for i in range(count)
    )


def build_sized_fair(officer, booths, days=3):
    """A fair of `booths` booths with sales every day, made with bulk_create."""
    fair = report_fair(created_by=officer, end_date=FIRST_DAY + datetime.timedelta(days=days - 1))
    zone = ZoneFactory(fair=fair)
    booth_rows = Booth.objects.bulk_create(
        Booth(fair=fair, zone=zone, code=f"S{i:05d}") for i in range(booths)
    )
    groups = bulk_groups(booths, prefix=f"F{fair.pk}-")
    apps = Application.objects.bulk_create(
        Application(
            fair=fair, group=group, category=Category.FOOD, status=ApplicationStatus.SELECTED
        )
        for group in groups
    )
    held = Assignment.objects.bulk_create(
        Assignment(fair=fair, booth=booth, application=app)
        for booth, app in zip(booth_rows, apps, strict=True)
    )
    DailySales.objects.bulk_create(
        DailySales(
            assignment=assignment,
            day=fair.start_date + datetime.timedelta(days=d),
            amount=Decimal(100 + i % 50),
            entered_by=officer,
        )
        for i, assignment in enumerate(held)
        for d in range(days)
    )
    return fair


def build_sized_national_fair(officer, *, booths, provinces, zones, days=3):
    """A fair of `booths` booths in `zones` zones held by groups of `provinces` provinces (every
    category), with sales and orders every day and a target per province; made with bulk_create.

    Returns the fair and the codes of the provinces taking part.
    """
    fair = report_fair(created_by=officer, end_date=FIRST_DAY + datetime.timedelta(days=days - 1))
    codes = list(Province.objects.order_by("code").values_list("code", flat=True)[:provinces])
    zone_rows = [ZoneFactory(fair=fair, code=f"Z{z}") for z in range(zones)]
    booth_rows = Booth.objects.bulk_create(
        Booth(fair=fair, zone=zone_rows[i % zones], code=f"N{i:05d}") for i in range(booths)
    )
    places = {code: subdistrict_in(code) for code in codes}
    groups = ProducerGroup.objects.bulk_create(
        ProducerGroup(
            name=f"กลุ่มทั่วประเทศ {fair.pk}-{i}",
            sort_name=thai_sort_key(f"กลุ่มทั่วประเทศ {fair.pk}-{i}"),
            group_type=GroupType.COMMUNITY,
            registration_no=f"N-{fair.pk}-{i:06d}",
            contact_name="สมศรี",
            subdistrict=places[codes[i % len(codes)]],
            province_id=codes[i % len(codes)],
        )
        for i in range(booths)
    )
    categories = list(Category.values)
    apps = Application.objects.bulk_create(
        Application(
            fair=fair,
            group=group,
            category=categories[i % len(categories)],
            status=ApplicationStatus.SELECTED,
        )
        for i, group in enumerate(groups)
    )
    held = Assignment.objects.bulk_create(
        Assignment(fair=fair, booth=booth, application=app)
        for booth, app in zip(booth_rows, apps, strict=True)
    )
    DailySales.objects.bulk_create(
        DailySales(
            assignment=assignment,
            day=fair.start_date + datetime.timedelta(days=d),
            amount=Decimal(100 + i % 50),
            orders=Decimal(i % 7),
            entered_by=officer,
        )
        for i, assignment in enumerate(held)
        for d in range(days)
    )
    SalesTarget.objects.bulk_create(
        SalesTarget(fair=fair, province_id=code, amount=Decimal(10_000)) for code in codes
    )
    SalesTarget.objects.create(fair=fair, amount=Decimal(booths * 1000))
    FairDayVisitors.objects.bulk_create(
        FairDayVisitors(fair=fair, day=day, count=1000, entered_by=officer)
        for day in fair.fair_days
    )
    # PostgreSQL has no statistics on rows this transaction inserted until they are analysed, and
    # a plan made for empty tables turns into nested scans of every table at a few hundred booths.
    with connection.cursor() as cursor:
        for table in (*TABLES_TO_ANALYZE, "sales_salestarget", "sales_fairdayvisitors"):
            cursor.execute(f"ANALYZE {table}")
    return fair, codes


def channel_sales(groups, *, per_group, by, day):
    """`per_group` market-channel sales of each group on `day`, in one statement."""
    kinds = list(ChannelKind.values)
    return ChannelSale.objects.bulk_create(
        ChannelSale(
            group=group,
            day=day,
            kind=kinds[(i + n) % len(kinds)],
            place=f"ตลาดนัด {n}",
            takings=Decimal(500 + n),
            entered_by=by,
        )
        for i, group in enumerate(groups)
        for n in range(per_group)
    )

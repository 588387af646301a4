"""Demo sales for `manage.py seed_demo`: the running fair's takings so far, a few problems and a
visit note, so the check-in and the producers' pages have something to show."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from booths.demo_selection import demo_group_ids
from booths.models import Assignment, AssignmentStatus, FairState
from sales.models import DailySales, EncouragementVisit, IssueReport, IssueStatus

# Typical daily takings by category at a provincial OTOP fair, in baht.
TYPICAL_DAY = {"food": 9000, "beverage": 6000, "textile": 14000, "household": 7000, "herbal": 5000}
REPORTED_TODAY = 0.7
PROBLEMS = [
    ("electricity", "ปลั๊กไฟที่บูธไม่มีไฟตั้งแต่เปิดงาน ตู้เย็นใช้ไม่ได้", IssueStatus.OPEN, 5),
    ("facility", "โต๊ะโยกและผ้าคลุมโต๊ะขาด", IssueStatus.IN_PROGRESS, 20),
    ("low_sales", "ลูกค้าเดินผ่านน้อย บูธอยู่ท้ายโซน", IssueStatus.OPEN, 26),
    ("neighbour", "บูธข้างเคียงเปิดเพลงเสียงดัง", IssueStatus.RESOLVED, 30),
]


def seed_sales(*, fair, officer, rng):
    """Fill the running fair's days so far, once; returns the number of sales rows made.

    The demo producers' groups are left without today's figure, for them to enter it.
    """
    if fair.state not in (FairState.RUNNING, FairState.CLOSED):
        return 0
    if DailySales.objects.filter(assignment__fair=fair).exists():
        return 0
    holders = list(
        Assignment.objects.filter(fair=fair, status=AssignmentStatus.ACTIVE)
        .select_related("application")
        .order_by("booth__code")
    )
    today = timezone.localdate()
    rows = _sales_rows(fair, holders, officer=officer, today=today, rng=rng)
    with transaction.atomic():
        DailySales.objects.bulk_create(rows, batch_size=2000)
        _seed_problems(fair, holders, officer)
        _seed_visit(fair, officer, today - datetime.timedelta(days=1))
    return len(rows)


def _sales_rows(fair, holders, *, officer, today, rng):
    """Unsaved rows for each holder's days up to today; some booths have not reported today."""
    keep_for = set(demo_group_ids())
    rows = []
    for assignment in holders:
        typical = TYPICAL_DAY.get(assignment.application.category, 6000)
        for day in (d for d in fair.fair_days if d <= today):
            waiting = assignment.application.group_id in keep_for
            if day == today and (waiting or rng.random() > REPORTED_TODAY):
                continue
            amount = Decimal(round(typical * rng.uniform(0.2, 1.8), -1))
            rows.append(
                DailySales(
                    assignment=assignment,
                    day=day,
                    amount=amount,
                    units=int(amount // rng.choice([80, 120, 250])),
                    cash_amount=(amount * Decimal("0.6")).quantize(Decimal(1)),
                    entered_by=officer,
                )
            )
    return rows


def _seed_problems(fair, holders, officer):
    now = timezone.now()
    for index, (category, text, status, hours_ago) in enumerate(PROBLEMS):
        if index >= len(holders):
            return
        reported = now - datetime.timedelta(hours=hours_ago)
        issue = IssueReport.objects.create(
            fair=fair,
            assignment=holders[-1 - index],
            category=category,
            description=text,
            reported_by=officer,
        )
        handled = status != IssueStatus.OPEN
        resolved = status == IssueStatus.RESOLVED
        # One update, so the row goes straight to its past times and status.
        IssueReport.objects.filter(pk=issue.pk).update(
            reported_at=reported,
            status=status,
            assigned_officer=officer if handled else None,
            started_at=reported + datetime.timedelta(hours=1) if handled else None,
            resolved_at=reported + datetime.timedelta(hours=3) if resolved else None,
            resolution="ย้ายบูธข้างเคียงไปอีกแถวและขอให้ลดเสียง" if resolved else "",
        )


def _seed_visit(fair, officer, day):
    lowest = DailySales.objects.filter(assignment__fair=fair, day=day).order_by("amount").first()
    if lowest is not None:
        EncouragementVisit.objects.create(
            assignment=lowest.assignment,
            day=day,
            note="แนะนำให้ชิมฟรีหน้าบูธและติดป้ายราคาให้ชัด",
            officer=officer,
        )

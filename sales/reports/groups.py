"""One group's report for one fair, and the fairs and groups a user may open reports for."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Sum

from booths.models import Application, Assignment, Fair, FairState
from otop_fair.query_expressions import ZERO, money_sum
from otop_fair.thai import thai_date_short
from producers.models import Category, OtopMark, Visit
from sales.models import DailySales, EncouragementVisit, IssueReport
from sales.reports.breakdowns import SalesRow, application_mark
from sales.reports.holders import SALES_PATH, booth_holders

REPORT_STATES = (FairState.RUNNING, FairState.CLOSED)


@dataclass
class GroupReport:
    application: Application
    days: list
    total: Decimal
    category: str
    rank: int
    peers: int
    percentile: int
    booths: list
    problems: list
    fair_visits: list
    field_visits: list
    # The highest OTOP mark among the products entered (`application_mark`); empty for none.
    mark: str = ""

    @property
    def mark_label(self):
        return OtopMark(self.mark).label if self.mark else ""

    @property
    def fair(self):
        return self.application.fair

    @property
    def group(self):
        return self.application.group

    @property
    def visit_count(self):
        return len(self.fair_visits) + len(self.field_visits)


def report_fairs_for(user):
    """Fairs whose report an officer may open: running or closed, in their provinces."""
    return Fair.objects.visible_to(user).filter(state__in=REPORT_STATES).select_related("province")


def own_group_reports(user):
    """The applications of the user's groups that held a booth: one group report each."""
    held = Assignment.objects.filter(application=OuterRef("pk"))
    return (
        Application.objects.filter(group__members=user, fair__state__in=REPORT_STATES)
        .filter(Exists(held))
        .select_related("fair", "group")
        .order_by("-fair__start_date")
    )


def _standing(application):
    """(category, total, rank, peers, percentile) of the group among its category at the fair,
    and the application's OTOP mark figure."""
    holders = booth_holders(application.fair).annotate(total=money_sum(SALES_PATH))
    mine = holders.filter(pk=application.pk).annotate(mark=application_mark())
    mine = mine.values("category", "total", "mark").first() or {
        "category": None,
        "total": ZERO,
        "mark": None,
    }
    peers = holders.filter(category=mine["category"])
    count = peers.count()
    higher = peers.filter(total__gt=mine["total"]).count()
    lower = peers.filter(total__lt=mine["total"]).count()
    percentile = round(lower / (count - 1) * 100) if count > 1 else 100
    label = str(dict(Category.choices).get(mine["category"], "—"))
    return label, mine["total"], higher + 1, count, percentile, mine["mark"]


def _days(application):
    rows = (
        DailySales.objects.filter(assignment__application=application)
        .values("day")
        .annotate(total=Sum("total"))
        .order_by()
    )
    by_day = {row["day"]: row["total"] for row in rows}
    return [
        SalesRow(label=thai_date_short(day), day=day, total=by_day.get(day, ZERO))
        for day in application.fair.fair_days
    ]


def group_report(application):
    """Everything on one group's report, in a constant number of queries."""
    category, total, rank, peers, percentile, mark = _standing(application)
    fair = application.fair
    return GroupReport(
        application=application,
        days=_days(application),
        total=total,
        category=category,
        rank=rank,
        peers=peers,
        percentile=percentile,
        mark=mark or "",
        booths=list(application.assignments.select_related("booth__zone").order_by("created_at")),
        problems=list(
            IssueReport.objects.filter(assignment__application=application).order_by("reported_at")
        ),
        fair_visits=list(
            EncouragementVisit.objects.filter(assignment__application=application)
            .select_related("officer")
            .order_by("day")
        ),
        field_visits=list(
            Visit.objects.filter(
                group=application.group,
                visited_on__range=(fair.applications_open_on, fair.end_date),
            )
            .select_related("officer")
            .order_by("visited_on")
        ),
    )

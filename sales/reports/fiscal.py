"""The fiscal-year report on promoting market channels: per province and per group, takings at
fairs (sales + orders taken) and in each channel of the ledger.

The Thai government's fiscal year runs 1 October – 30 September and is named by the Buddhist-era
year it ends in: 15 October 2569 falls in fiscal year 2570.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from otop_fair.thai import BUDDHIST_ERA_OFFSET as BE_OFFSET
from producers.models import ProducerGroup
from sales.models import ChannelKind, ChannelSale, DailySales
from sales.reports.tables import ReportTable

ZERO = Decimal("0.00")
FIRST_MONTH = 10


def fiscal_year(day):
    """The Buddhist-era fiscal year `day` falls in."""
    return day.year + BE_OFFSET + (1 if day.month >= FIRST_MONTH else 0)


def fiscal_year_days(year):
    """(first day, last day) of the Buddhist-era fiscal year `year`."""
    ending = year - BE_OFFSET
    return datetime.date(ending - 1, FIRST_MONTH, 1), datetime.date(ending, FIRST_MONTH - 1, 30)


@dataclass
class ChannelLine:
    """One group's (or one province's) takings in the fiscal year."""

    label: str
    extra: str = ""
    groups: int = 0
    fairs: Decimal = ZERO
    channels: dict = field(default_factory=dict)

    @property
    def channel_total(self):
        return sum(self.channels.values(), ZERO)

    @property
    def total(self):
        return self.fairs + self.channel_total


@dataclass
class FiscalReport:
    year: int
    groups: list
    provinces: list


def fiscal_report(user, year):
    """Every group the user may see with takings in fiscal year `year`, and their provinces."""
    first, last = fiscal_year_days(year)
    visible = ProducerGroup.objects.visible_to(user)
    fairs = dict(
        DailySales.objects.filter(
            day__range=(first, last), assignment__application__group__in=visible
        )
        .values_list("assignment__application__group")
        .annotate(total=Sum("total"))
        .order_by()
    )
    channels = defaultdict(dict)
    for group_id, kind, takings in (
        ChannelSale.objects.filter(day__range=(first, last), group__in=visible)
        .values_list("group", "kind")
        .annotate(takings=Sum("takings"))
        .order_by()
    ):
        channels[group_id][kind] = takings
    groups = visible.filter(pk__in=set(fairs) | set(channels)).select_related("province")
    lines = [
        (group.province.sort_name, group.province.name_th, group.name, group.pk)
        for group in groups.order_by("province__sort_name", "sort_name")
    ]
    group_lines = [
        ChannelLine(name, province, 1, fairs.get(pk, ZERO), channels.get(pk, {}))
        for _sort, province, name, pk in lines
    ]
    return FiscalReport(year, group_lines, _by_province(group_lines))


def _by_province(group_lines):
    provinces = {}
    for line in group_lines:
        total = provinces.setdefault(line.extra, ChannelLine(line.extra))
        total.groups += 1
        total.fairs += line.fairs
        for kind, takings in line.channels.items():
            total.channels[kind] = total.channels.get(kind, ZERO) + takings
    return list(provinces.values())


def fiscal_table(report, per):
    """The report per "province" or per "group" as a ReportTable for Excel, CSV and PDF."""
    kinds = list(ChannelKind)
    if per == "group":
        headers = [_("Group"), _("Province")]
        rows = [[line.label, line.extra] for line in report.groups]
        lines = report.groups
    else:
        headers = [_("Province"), _("Groups")]
        rows = [[line.label, line.groups] for line in report.provinces]
        lines = report.provinces
    headers += [_("Fairs: sales and orders (baht)")] + [kind.label for kind in kinds]
    headers += [_("All channels (baht)")]
    for row, line in zip(rows, lines, strict=True):
        row += [line.fairs] + [line.channels.get(kind.value, ZERO) for kind in kinds]
        row += [line.total]
    title = _("Market channels, fiscal year %(year)s") % {"year": report.year}
    return ReportTable(
        f"fiscal-{per}",
        title,
        headers,
        rows,
        money_columns=tuple(range(2, len(headers))),
        number_columns=(1,) if per != "group" else (),
    )

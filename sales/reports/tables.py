"""The fair report's sections as plain tables: one definition feeds the page, Excel, CSV and PDF."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from otop_fair.exports import pdf_cells, pdf_header_cells, table_response
from otop_fair.thai import baht
from sales.charts import bar_chart, column_chart

SECTION_KEYS = (
    "days",
    "categories",
    "areas",
    "zones",
    "stars",
    "quadrants",
    "marks",
    "top",
    "below",
    "previous",
    "problems",
    "selection",
)


@dataclass
class ReportTable:
    key: str
    title: str
    headers: list
    rows: list
    money_columns: tuple = ()
    number_columns: tuple = ()
    summary: str = ""
    chart: object = None
    chart_kind: str = ""
    cells: list = field(default_factory=list)
    header_cells: list = field(default_factory=list)
    # A shorter form of the same figures for the whole-report PDF, when the table is long.
    printed: object = None

    def __post_init__(self):
        self.cells = [pdf_cells(row, self.money_columns, self.number_columns) for row in self.rows]
        self.header_cells = pdf_header_cells(self.headers, self.money_columns, self.number_columns)

    def download(self, fmt, filename, subtitle=""):
        """The table as the Excel, CSV or PDF download `fmt` names (404 for any other)."""
        return table_response(
            fmt,
            filename,
            self.title,
            self.headers,
            self.rows,
            money_columns=self.money_columns,
            number_columns=self.number_columns,
            subtitle=subtitle,
        )


def _sales_rows(rows, with_groups=True, with_booths=False):
    return [
        [row.day or row.label]
        + ([row.groups] if with_groups else [])
        + ([row.booths] if with_booths else [])
        + [row.total, round(row.share, 1)]
        for row in rows
    ]


def _days(report):
    return ReportTable(
        "days",
        _("Sales per day"),
        [
            _("Fair day"),
            _("Booths reporting"),
            _("Sales and orders (baht)"),
            _("Share (%)"),
            _("of which orders taken (baht)"),
        ],
        [
            cells + [row.orders]
            for cells, row in zip(
                _sales_rows(report.days, with_groups=False, with_booths=True),
                report.days,
                strict=True,
            )
        ],
        money_columns=(2, 4),
        number_columns=(1,),
        chart=column_chart([(row.label, row.total) for row in report.days]),
        chart_kind="columns",
    )


def _breakdown(key, title, first_header, rows, with_groups=True, with_booths=False):
    headers = [first_header]
    headers += [_("Groups")] if with_groups else []
    headers += [_("Booths used")] if with_booths else []
    headers += [_("Sales and orders (baht)"), _("Share (%)")]
    counts = 1 if with_groups or with_booths else 0
    return ReportTable(
        key,
        title,
        headers,
        _sales_rows(rows, with_groups, with_booths),
        money_columns=(1 + counts,),
        number_columns=(1,) if counts else (),
        chart=bar_chart([(row.label, row.total) for row in rows]),
        chart_kind="bars",
    )


def _areas(report):
    table = ReportTable(
        "areas",
        _("Sales per province and district"),
        [_("Province"), _("District"), _("Groups"), _("Sales and orders (baht)"), _("Share (%)")],
        [[r.label, r.extra, r.groups, r.total, round(r.share, 1)] for r in report.areas],
        money_columns=(3,),
        number_columns=(2,),
    )
    table.printed = ReportTable(
        "areas",
        table.title,
        [_("Province"), _("Groups"), _("Sales and orders (baht)"), _("Districts")],
        province_lines(report.areas),
        money_columns=(2,),
        number_columns=(1,),
    )
    return table


def province_lines(areas):
    """One line per province with its districts inline, from rows ordered by province."""
    lines = {}
    for row in areas:
        line = lines.setdefault(row.label, [row.label, 0, 0, []])
        line[1] += row.groups
        line[2] += row.total
        line[3].append(f"{row.extra} {baht(row.total, decimals=0)}")
    return [
        [name, groups, total, " · ".join(parts)] for name, groups, total, parts in lines.values()
    ]


def _groups(key, title, rows):
    return ReportTable(
        key,
        title,
        [
            _("No."),
            _("Group"),
            _("Province"),
            _("Category"),
            _("Days with sales"),
            _("Sales and orders (baht)"),
        ],
        [
            [i, r.name, r.province, r.category, r.days_with_sales, r.total]
            for i, r in enumerate(rows, start=1)
        ],
        money_columns=(5,),
        number_columns=(0, 4),
    )


def _previous(report):
    rows = [
        [
            report.fair.name,
            report.fair.start_date,
            report.headline.groups,
            report.headline.booths,
            report.headline.total,
        ]
    ]
    if report.previous_fair:
        fair, before = report.previous_fair, report.previous_headline
        rows.append([fair.name, fair.start_date, before.groups, before.booths, before.total])
    return ReportTable(
        "previous",
        _("Comparison with the previous fair of the same name"),
        [_("Fair"), _("First day"), _("Groups"), _("Booths used"), _("Sales and orders (baht)")],
        rows,
        money_columns=(4,),
        number_columns=(2, 3),
    )


def _problems(report):
    return ReportTable(
        "problems",
        _("Problems by category"),
        [_("Category"), _("Reported"), _("Resolved"), _("Median hours to resolve")],
        [[r.label, r.reported, r.resolved, r.median_hours] for r in report.problems],
        number_columns=(1, 2),
    )


def _selection(report):
    figures = report.selection
    return ReportTable(
        "selection",
        _("Applications and selection"),
        [_("Figure"), _("Groups")],
        [
            [_("Applied"), figures.applied],
            [_("Eligible"), figures.eligible],
            [_("Selected"), figures.selected],
            [_("On the waiting list"), figures.waitlisted],
            [_("Booths given to the waiting list"), figures.waitlist_used],
            [_("Booths released during the fair"), report.headline.released],
        ],
        number_columns=(1,),
    )


def report_table(report, key):
    """The section `key` of `report` as a ReportTable, with its summary sentence."""
    builders = {
        "days": _days,
        "categories": lambda r: _breakdown(
            "categories", _("Sales per category"), _("Category"), r.categories
        ),
        "areas": _areas,
        "zones": lambda r: _breakdown(
            "zones", _("Sales per zone"), _("Zone"), r.zones, with_groups=False, with_booths=True
        ),
        "stars": lambda r: _breakdown("stars", _("Sales per star level"), _("Stars"), r.stars),
        "quadrants": lambda r: _breakdown(
            "quadrants", _("Sales per quadrant"), _("Quadrant"), r.quadrants
        ),
        "marks": lambda r: _breakdown("marks", _("Sales per OTOP mark"), _("OTOP mark"), r.marks),
        "top": lambda r: _groups("top", _("Top groups"), r.top_groups),
        "below": lambda r: _groups(
            "below", _("Groups to follow up (below the threshold)"), r.below
        ),
        "previous": _previous,
        "problems": _problems,
        "selection": _selection,
    }
    table = builders[key](report)
    table.summary = report.summaries.get(key, "")
    return table


def report_tables(report):
    return [report_table(report, key) for key in SECTION_KEYS]


def group_days_table(report):
    """A group report's daily sales as a ReportTable (the group's own exportable table)."""
    rows = [[row.day, row.total] for row in report.days]
    return ReportTable(
        "group_days",
        _("Daily sales"),
        [_("Fair day"), _("Sales and orders (baht)")],
        rows,
        money_columns=(1,),
        chart=column_chart([(row.label, row.total) for row in report.days]),
        chart_kind="columns",
    )

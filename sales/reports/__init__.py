"""The reports of the sales app. Pages and exports read them from here:

- `fair_report(fair)` and `group_report(application)`, the fair's and one group's report;
- the tables every page, Excel, CSV and PDF is written from (`report_tables`, `report_table`,
  `group_days_table`, `fiscal_table`);
- the daily provincial report and national summary, target progress, and the fiscal-year report.
"""

from .daily import national_summary, province_report, target_progress
from .fair import fair_report, headline
from .fiscal import fiscal_report, fiscal_table, fiscal_year
from .groups import group_report, own_group_reports, report_fairs_for
from .tables import SECTION_KEYS, ReportTable, group_days_table, report_table, report_tables

__all__ = [
    "SECTION_KEYS",
    "ReportTable",
    "fair_report",
    "fiscal_report",
    "fiscal_table",
    "fiscal_year",
    "group_days_table",
    "group_report",
    "headline",
    "national_summary",
    "own_group_reports",
    "province_report",
    "report_fairs_for",
    "report_table",
    "report_tables",
    "target_progress",
]

"""Writes of the sales app, one module per concept; each function runs in one transaction."""

from .daily import record_daily_sales, record_encouragement_visit, sales_policy, set_sales_cutoff
from .figures import import_visitors, record_channel_sale, record_visitors, set_sales_target
from .issues import move_issue, report_issue
from .meetings import save_action_item, save_meeting

__all__ = [
    "import_visitors",
    "move_issue",
    "record_channel_sale",
    "record_daily_sales",
    "record_encouragement_visit",
    "record_visitors",
    "report_issue",
    "sales_policy",
    "save_action_item",
    "save_meeting",
    "set_sales_cutoff",
    "set_sales_target",
]

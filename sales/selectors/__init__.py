"""Reads of the sales app, one module per audience; each runs a fixed number of queries."""

from .checkin import checkin_dashboard, issues_visible_to, officer_fairs
from .meetings import (
    action_items_visible_to,
    attendance_of,
    carried_over_items,
    invitees_of,
    meetings_visible_to,
)
from .producer import producer_holdings, producer_overview, sales_days

__all__ = [
    "action_items_visible_to",
    "attendance_of",
    "carried_over_items",
    "checkin_dashboard",
    "invitees_of",
    "issues_visible_to",
    "meetings_visible_to",
    "officer_fairs",
    "producer_holdings",
    "producer_overview",
    "sales_days",
]

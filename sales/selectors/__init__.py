"""Reads of the sales app, one module per audience; each runs a fixed number of queries."""

from .checkin import checkin_dashboard, officer_fairs
from .meetings import attendance_of, carried_over_items, invitees_of
from .producer import producer_holdings, producer_overview, sales_days

__all__ = [
    "attendance_of",
    "carried_over_items",
    "checkin_dashboard",
    "invitees_of",
    "officer_fairs",
    "producer_holdings",
    "producer_overview",
    "sales_days",
]

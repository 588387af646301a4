"""Models of the sales app, one module per concept; import them from here."""

from .channels import ChannelKind, ChannelSale
from .daily import DailySales, EncouragementVisit, FairSalesPolicy
from .figures import FairDayVisitors, SalesTarget
from .issues import IssueCategory, IssueReport, IssueStatus
from .meetings import (
    ActionItem,
    ActionStatus,
    MeetingAttendance,
    MeetingInvitee,
    NetworkMeeting,
)

__all__ = [
    "ActionItem",
    "ActionStatus",
    "ChannelKind",
    "ChannelSale",
    "DailySales",
    "EncouragementVisit",
    "FairDayVisitors",
    "FairSalesPolicy",
    "IssueCategory",
    "IssueReport",
    "IssueStatus",
    "MeetingAttendance",
    "MeetingInvitee",
    "NetworkMeeting",
    "SalesTarget",
]

"""Forms of the sales app, one module per concept; import them from here."""

from .daily import BahtField, DailySalesForm, EncouragementVisitForm, SalesCutoffForm
from .figures import ChannelSaleForm, SalesTargetForm, VisitorsForm, VisitorSheetForm
from .issues import IssueActionForm, IssueReportForm
from .meetings import ActionItemForm, MeetingForm

__all__ = [
    "ActionItemForm",
    "BahtField",
    "ChannelSaleForm",
    "DailySalesForm",
    "EncouragementVisitForm",
    "IssueActionForm",
    "IssueReportForm",
    "MeetingForm",
    "SalesCutoffForm",
    "SalesTargetForm",
    "VisitorSheetForm",
    "VisitorsForm",
]

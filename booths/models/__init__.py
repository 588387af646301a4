"""Models of the booths app, one module per concept; import them from here."""

from .applications import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    ZonePreference,
)
from .eligibility import EligibilityCheck, EligibilityOverride, EligibilityRule, RuleKind
from .fairs import NEXT_STATE, Booth, BoothType, Fair, FairLevel, FairState, Zone
from .review import (
    CommitteeMember,
    ConflictOfInterest,
    Criterion,
    ReviewAssignment,
    ReviewStatus,
    Score,
)
from .runs import AllocationRun, OfferStatus, RunResult, WaitlistOffer
from .venue import VenuePlan

__all__ = [
    "NEXT_STATE",
    "AllocationRun",
    "Application",
    "ApplicationStatus",
    "Assignment",
    "AssignmentStatus",
    "Booth",
    "BoothType",
    "CommitteeMember",
    "ConflictOfInterest",
    "Criterion",
    "EligibilityCheck",
    "EligibilityOverride",
    "EligibilityRule",
    "Fair",
    "FairLevel",
    "FairState",
    "OfferStatus",
    "ReviewAssignment",
    "ReviewStatus",
    "RuleKind",
    "RunResult",
    "Score",
    "VenuePlan",
    "WaitlistOffer",
    "Zone",
    "ZonePreference",
]

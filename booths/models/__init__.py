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
from .quotas import ProvinceQuota
from .review import (
    CommitteeMember,
    ConflictOfInterest,
    Criterion,
    ReviewAssignment,
    ReviewStatus,
    Score,
)
from .runs import AllocationRun, OfferStatus, RunResult, WaitlistOffer
from .zone_rules import GroupFlag, ProducerGroupFlag, ZoneRule

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
    "GroupFlag",
    "OfferStatus",
    "ProducerGroupFlag",
    "ProvinceQuota",
    "ReviewAssignment",
    "ReviewStatus",
    "RuleKind",
    "RunResult",
    "Score",
    "WaitlistOffer",
    "Zone",
    "ZonePreference",
    "ZoneRule",
]

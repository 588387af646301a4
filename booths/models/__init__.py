"""Models of the booths app, one module per concept; import them from here."""

from .appeals import Appeal, AppealStatus
from .applications import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    ZonePreference,
)
from .eligibility import EligibilityCheck, EligibilityOverride, EligibilityRule, RuleKind
from .fairs import (
    NATIONAL_NEXT_STATE,
    NEXT_STATE,
    Booth,
    BoothType,
    Fair,
    FairLevel,
    FairState,
    Zone,
)
from .nominations import Nomination, NominationDecision
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
from .venue import VenuePlan
from .zone_rules import GroupFlag, ProducerGroupFlag, ZoneRule

__all__ = [
    "NATIONAL_NEXT_STATE",
    "NEXT_STATE",
    "AllocationRun",
    "Appeal",
    "AppealStatus",
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
    "Nomination",
    "NominationDecision",
    "GroupFlag",
    "OfferStatus",
    "ProducerGroupFlag",
    "ProvinceQuota",
    "ReviewAssignment",
    "ReviewStatus",
    "RuleKind",
    "RunResult",
    "Score",
    "VenuePlan",
    "WaitlistOffer",
    "Zone",
    "ZonePreference",
    "ZoneRule",
]

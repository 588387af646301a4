"""Writes of the booths app, one module per concept; each function runs in one transaction."""

from .applications import submit_application, withdraw_application
from .eligibility import evaluate_eligibility, override_eligibility
from .lifecycle import close_applications, close_fair, open_applications, start_fair
from .runs import publish_allocation, run_allocation
from .waitlist import accept_offer, decline_offer, expire_offers, release_assignment

__all__ = [
    "accept_offer",
    "close_applications",
    "close_fair",
    "decline_offer",
    "evaluate_eligibility",
    "expire_offers",
    "open_applications",
    "override_eligibility",
    "publish_allocation",
    "release_assignment",
    "run_allocation",
    "start_fair",
    "submit_application",
    "withdraw_application",
]

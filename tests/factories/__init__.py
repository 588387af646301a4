"""One factory per model, for every test: `from tests.factories import FairFactory`.

Each model's factory lives in the module of its app (accounts, producers, booths, sales); a
factory's traits give the usual states (`FairFactory(running=True)`, `closed=True`…) instead
of a second copy of the factory.
"""

from tests.factories.accounts import DEMO_PASSWORD, UserFactory, officer_of
from tests.factories.booths import (
    ApplicationFactory,
    AssignmentFactory,
    BoothFactory,
    CommitteeMemberFactory,
    CriterionFactory,
    FairFactory,
    ReviewFactory,
    ZoneFactory,
)
from tests.factories.producers import (
    CertificationFactory,
    ProducerGroupFactory,
    ProductFactory,
    RatingRoundFactory,
    StarRatingFactory,
    VisitFactory,
    subdistrict_in,
)
from tests.factories.sales import (
    DailySalesFactory,
    IssueReportFactory,
    bulk_fair,
)

__all__ = [
    "DEMO_PASSWORD",
    "ApplicationFactory",
    "AssignmentFactory",
    "BoothFactory",
    "CertificationFactory",
    "CommitteeMemberFactory",
    "CriterionFactory",
    "DailySalesFactory",
    "FairFactory",
    "IssueReportFactory",
    "ProducerGroupFactory",
    "ProductFactory",
    "RatingRoundFactory",
    "ReviewFactory",
    "StarRatingFactory",
    "UserFactory",
    "VisitFactory",
    "ZoneFactory",
    "bulk_fair",
    "officer_of",
    "subdistrict_in",
]

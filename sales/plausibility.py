"""Whether a day's takings look like a slip of the thumb (฿1,000,000,000 for ฿1,000): pure, no
Django, so the rule can be read and tested alone.

The rule: a booth day is implausible above an absolute ceiling, or when it is more than
`TIMES_USUAL` times the booth's median day at this fair (its other days with takings, at least
`MIN_USUAL_DAYS` of them) and above `USUAL_FLOOR` (below that, ten times a quiet day is still an
ordinary good day). An implausible day is not refused: the producer is asked to confirm it.
"""

from decimal import Decimal
from statistics import median

# A national fair's best booths take a few hundred thousand baht on a good day.
CEILING = Decimal("500000")
TIMES_USUAL = 10
USUAL_FLOOR = Decimal("20000")
MIN_USUAL_DAYS = 2


def may_be_implausible(takings):
    """Whether the booth's other days need to be read at all (most days are far below)."""
    return takings > USUAL_FLOOR


def is_implausible(takings, other_days):
    """`takings` of one day (sales and orders, baht) against the booth's `other_days` takings."""
    if takings > CEILING:
        return True
    usual = [day for day in other_days if day > 0]
    if not may_be_implausible(takings) or len(usual) < MIN_USUAL_DAYS:
        return False
    return takings > TIMES_USUAL * median(usual)

"""The SQL building blocks of the reports: aggregates PostgreSQL has and Django lacks, sums of
money, and the booth holders every report figure starts from."""

from decimal import Decimal

from django.db.models import (
    Aggregate,
    DecimalField,
    Exists,
    FloatField,
    Func,
    OuterRef,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from booths.models import Application, Assignment

ZERO = Decimal("0.00")
SALES_PATH = "assignments__daily_sales__total"


class Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the median of the non-null values."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class Difference(Func):
    """`a - b`; of two timestamps, an interval."""

    template = "(%(expressions)s)"
    arg_joiner = " - "


class EpochSeconds(Func):
    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()


def money_sum(path):
    return Coalesce(
        Sum(path), Value(ZERO), output_field=DecimalField(max_digits=14, decimal_places=2)
    )


def booth_holders(fair):
    """Applications of `fair` that held a booth at some point (released ones included)."""
    held = Assignment.objects.filter(application=OuterRef("pk"))
    return Application.objects.filter(fair=fair).filter(Exists(held))

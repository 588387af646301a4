"""SQL building blocks every app's reads share: aggregates PostgreSQL has and Django lacks, and
sums of money that are zero, not None, when there is nothing to add."""

from decimal import Decimal

from django.db.models import Aggregate, DecimalField, FloatField, Func, Sum, Value
from django.db.models.functions import Coalesce

ZERO = Decimal("0.00")


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


def money_sum(path, **options):
    """The sum of a baht column (0.00 when no row matches); `options` go to Sum, e.g. `filter`."""
    return Coalesce(
        Sum(path, **options),
        Value(ZERO),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )

"""SQL building blocks every app's reads share: aggregates PostgreSQL has and Django lacks, and
sums of money that are zero, not None, when there is nothing to add."""

from decimal import Decimal

from django.db.models import Aggregate, DecimalField, FloatField, Func, Q, Sum, Value
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


def any_of(*conditions):
    """The rows any of `conditions` lets through. An empty `Q()` lets every row through, but
    Django drops it from `Q() | Q(x)`, which would narrow "everything" down to `x`."""
    if any(not condition for condition in conditions):
        return Q()
    result = Q(pk__in=[])
    for condition in conditions:
        result |= condition
    return result


def money_sum(path, **options):
    """The sum of a baht column (0.00 when no row matches); `options` go to Sum, e.g. `filter`."""
    return Coalesce(
        Sum(path, **options),
        Value(ZERO),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )

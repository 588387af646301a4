"""A national fair's quota table: read it, check its totals against the booths, save it."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from booths.models import ProvinceQuota
from otop_fair.audit import (
    bulk_create_with_history_by,
    bulk_update_with_history_by,
    delete_with_history,
)
from producers.models import Category


def quota_table(fair) -> dict[tuple[str, str], int]:
    """(province code, category) → booths, for the cells that hold a quota (one query)."""
    return {
        (province, category): booths
        for province, category, booths in fair.quotas.values_list(
            "province_id", "category", "booths"
        )
    }


def booths_by_category(fair) -> tuple[int, dict[str, int]]:
    """How many booths the fair has, and how many of them take each category (one query)."""
    counts = fair.booths.aggregate(
        total=Count("pk"),
        **{
            code: Count(
                "pk", filter=Q(allowed_categories__len=0) | Q(allowed_categories__contains=[code])
            )
            for code in Category.values
        },
    )
    return counts.pop("total"), counts


def total_errors(table, booths_total, takes) -> dict[str, str]:
    """Totals the booths cannot hold, keyed by "total", a category code or a province code."""
    labels = dict(Category.choices)
    errors = {}
    by_category, by_province = Counter(), Counter()
    for (province, category), n in table.items():
        by_category[category] += n
        by_province[province] += n
    for category, n in by_category.items():
        if n > takes.get(category, 0):
            errors[category] = _(
                "%(category)s: the quotas add up to %(n)s booths but only %(booths)s booths "
                "take this category."
            ) % {"category": labels[category], "n": n, "booths": takes.get(category, 0)}
    for province, n in by_province.items():
        if n > booths_total:
            errors[province] = _(
                "This province's quotas add up to %(n)s booths; the fair has %(booths)s."
            ) % {"n": n, "booths": booths_total}
    grand = sum(table.values())
    if grand > booths_total:
        errors["total"] = _(
            "The quotas add up to %(n)s booths; the fair has %(booths)s booths."
        ) % {"n": grand, "booths": booths_total}
    return errors


def save_quotas(*, fair, table, by, reason):
    """Make the fair's quotas `table` (zero or missing cells hold no quota), audited per row."""
    if not fair.is_national:
        raise ValidationError(_("Only a national fair shares its booths out by province quotas."))
    booths_total, takes = booths_by_category(fair)
    errors = total_errors(table, booths_total, takes)
    if errors:
        raise ValidationError(list(errors.values()))
    wanted = {key: n for key, n in table.items() if n}
    with transaction.atomic():
        existing = {(q.province_id, q.category): q for q in fair.quotas.select_for_update()}
        gone = [q for key, q in existing.items() if key not in wanted]
        changed = []
        for key, q in existing.items():
            if key in wanted and q.booths != wanted[key]:
                q.booths = wanted[key]
                changed.append(q)
        new = [
            ProvinceQuota(fair=fair, province_id=province, category=category, booths=n)
            for (province, category), n in wanted.items()
            if (province, category) not in existing
        ]
        delete_with_history(gone, by=by, reason=reason)
        bulk_update_with_history_by(changed, ["booths"], by=by, reason=reason)
        bulk_create_with_history_by(new, by=by, reason=reason)
    return len(wanted)

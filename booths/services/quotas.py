"""A national fair's quota table: read it, check its totals against the booths, save it."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from booths.models import Fair, FairState, ProvinceQuota
from otop_fair.audit import (
    bulk_create_with_history_by,
    bulk_update_with_history_by,
    delete_with_history,
)
from producers.models import Category, Province


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
    over = {province: n for province, n in by_province.items() if n > booths_total}
    # Shown above the grid, away from the row: the message names the province.
    names = dict(Province.objects.filter(code__in=over).values_list("code", "name_th"))
    for province, n in over.items():
        errors[province] = _(
            "%(province)s: its quotas add up to %(n)s booths; the fair has only %(booths)s."
        ) % {"province": names.get(province, province), "n": n, "booths": booths_total}
    grand = sum(table.values())
    if grand > booths_total:
        errors["total"] = _(
            "The quotas add up to %(n)s booths; the fair has %(booths)s booths."
        ) % {"n": grand, "booths": booths_total}
    return errors


def quota_change_error(fair, reason):
    """Why the quotas cannot change now: the fair is closed, or its results are published and
    no reason is given (a re-run for an appeal may need a change; it must say why)."""
    if fair.state == FairState.CLOSED:
        return _("The fair is closed: its quotas no longer change.")
    if fair.is_scoring_closed and not reason.strip():
        return _(
            "The results are published: write why the quotas change. The reason is recorded, "
            "and the published allocation stays as it is until a new version is published."
        )
    return None


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
        error = quota_change_error(Fair.objects.select_for_update().get(pk=fair.pk), reason)
        if error:
            raise ValidationError(error)
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

"""Writes of the fair-wide figures (visitors, the sales target) and the market-channel ledger."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from otop_fair.audit import save_with_history
from otop_fair.thai import thai_date
from sales.models import ChannelSale, FairDayVisitors, SalesTarget


def record_visitors(*, fair, day, count, by):
    """Keep the day's visitor count; entering the day again replaces it."""
    with transaction.atomic():
        if not fair.start_date <= day <= fair.end_date:
            raise ValidationError(_("That day is not a day of this fair."), code="not_fair_day")
        if day > timezone.localdate():
            raise ValidationError(_("That day has not come yet."), code="future_day")
        row = FairDayVisitors.objects.filter(fair=fair, day=day).first()
        row = row or FairDayVisitors(fair=fair, day=day)
        row.count, row.entered_by = count, by
        save_with_history(row, by=by)
        return row


def set_sales_target(*, fair, amount, by, province=None):
    """Set the fair's target, or a province's share of it; replaces the one set before."""
    with transaction.atomic():
        target = SalesTarget.objects.filter(fair=fair, province=province).first()
        target = target or SalesTarget(fair=fair, province=province)
        target.amount = amount
        save_with_history(target, by=by)
        return target


def record_channel_sale(*, group, day, kind, place, takings, by, note=""):
    """Add one sales event of `group` outside the fairs to the market-channel ledger."""
    with transaction.atomic():
        if day > timezone.localdate():
            raise ValidationError(_("That day has not come yet."), code="future_day")
        sale = ChannelSale(
            group=group, day=day, kind=kind, place=place, takings=takings, note=note, entered_by=by
        )
        save_with_history(sale, by=by)
        return sale


def import_visitors(*, fair, rows, by):
    """Keep every (day, count) of the venue's sheet, or none of them."""
    with transaction.atomic():
        for day, count in rows:
            try:
                record_visitors(fair=fair, day=day, count=count, by=by)
            except ValidationError as error:
                raise ValidationError(
                    gettext("%(day)s: %(problem)s")
                    % {"day": thai_date(day), "problem": " ".join(error.messages)}
                ) from None
        return len(rows)

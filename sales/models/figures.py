"""Fair-wide figures officers enter: the day's visitor count and the sales target (for the fair,
and per province at national fairs), against which reports show progress."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from booths.models import Fair
from otop_fair.thai import baht, thai_date
from producers.models import Province
from sales.models.daily import FairPartQuerySet


class FairDayVisitors(models.Model):
    """How many people came to the fair on one day (the venue's counter, or the officers' count)."""

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="visitor_counts")
    day = models.DateField(_("fair day"))
    count = models.PositiveIntegerField(_("visitors"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = FairPartQuerySet.as_manager()

    class Meta:
        ordering = ["day"]
        verbose_name = _("visitors of a fair day")
        verbose_name_plural = _("visitors of fair days")
        constraints = [
            models.UniqueConstraint(fields=["fair", "day"], name="one_visitor_count_per_day"),
            models.CheckConstraint(
                condition=Q(count__lte=10_000_000), name="visitor_count_plausible"
            ),
        ]

    def __str__(self):
        return f"{self.fair} {thai_date(self.day)}: {self.count:,}"


class SalesTarget(models.Model):
    """The takings (sales + orders) a fair aims for; with a province, that province's share."""

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="sales_targets")
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    amount = models.DecimalField(_("target (baht)"), max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    objects = FairPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("sales target")
        verbose_name_plural = _("sales targets")
        constraints = [
            models.UniqueConstraint(
                fields=["fair"], condition=Q(province__isnull=True), name="one_fair_wide_target"
            ),
            models.UniqueConstraint(fields=["fair", "province"], name="one_target_per_province"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="sales_target_positive"),
        ]

    def __str__(self):
        whose = f"{self.fair} · {self.province}" if self.province_id else str(self.fair)
        return f"{whose}: {baht(self.amount)}"

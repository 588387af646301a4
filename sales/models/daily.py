"""A booth's fair-day takings, the fair's cut-off for changing them, and officers' visit notes."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from booths.models import Assignment, Fair
from otop_fair.areas import area_q
from otop_fair.query_expressions import any_of
from otop_fair.thai import thai_date


class BoothDayQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A booth's days are seen where its group's report is: by the officers of the fair's
        province and of the group's, and by the group's own members."""
        return self.filter(
            any_of(
                area_q(
                    user,
                    province="assignment__fair__province",
                    own="assignment__application__group__members",
                ),
                area_q(user, province="assignment__application__group__province"),
            )
        )


class FairPartQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What officers set for the whole fair is seen by the officers of its province."""
        return self.filter(area_q(user, province="fair__province"))


class DailySales(models.Model):
    """One fair day's takings of one booth assignment. Re-submitting the day updates this row."""

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="daily_sales")
    day = models.DateField(_("fair day"))
    amount = models.DecimalField(_("total sales (baht)"), max_digits=12, decimal_places=2)
    # Taken at the booth for later delivery; when delivered or paid it is not entered as a sale.
    orders = models.DecimalField(
        _("orders taken (baht)"), max_digits=12, decimal_places=2, default=0
    )
    # What the department's reports call the total: sales plus orders taken.
    total = models.GeneratedField(
        expression=F("amount") + F("orders"),
        output_field=models.DecimalField(max_digits=13, decimal_places=2),
        db_persist=True,
    )
    units = models.PositiveIntegerField(_("units sold"), null=True, blank=True)
    cash_amount = models.DecimalField(
        _("cash (baht)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    transfer_amount = models.DecimalField(
        _("transfer (baht)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The key the phone gave this entry; a replay of the same key changes nothing.
    client_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["total"])

    objects = BoothDayQuerySet.as_manager()

    class Meta:
        ordering = ["day"]
        verbose_name = _("daily sales")
        verbose_name_plural = _("daily sales")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "day"], name="one_sales_row_per_day"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="sales_amount_not_negative"),
            models.CheckConstraint(condition=Q(orders__gte=0), name="sales_orders_not_negative"),
            models.CheckConstraint(
                condition=Q(cash_amount__isnull=True) | Q(cash_amount__gte=0),
                name="sales_cash_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(transfer_amount__isnull=True) | Q(transfer_amount__gte=0),
                name="sales_transfer_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.assignment} {thai_date(self.day)}"


class FairSalesPolicy(models.Model):
    """How long producers may fix a fair day's sales: until `cutoff_time` on the day `days_after`
    the fair day. After that only an officer can, with a reason."""

    fair = models.OneToOneField(Fair, on_delete=models.CASCADE, related_name="sales_policy")
    days_after = models.PositiveSmallIntegerField(_("days after the fair day"), default=1)
    cutoff_time = models.TimeField(_("cut-off time"), default=datetime.time(12, 0))
    history = HistoricalRecords()

    objects = FairPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("sales cut-off")
        verbose_name_plural = _("sales cut-offs")
        constraints = [
            models.CheckConstraint(
                condition=Q(days_after__lte=14), name="sales_cutoff_within_14_days"
            )
        ]

    def __str__(self):
        return f"{self.fair}: +{self.days_after} {self.cutoff_time:%H:%M}"

    def deadline_for(self, day):
        """The moment producers stop being able to change `day`'s sales (local time)."""
        moment = datetime.datetime.combine(
            day + datetime.timedelta(days=self.days_after), self.cutoff_time
        )
        return timezone.make_aware(moment)


class EncouragementVisit(models.Model):
    """An officer's visit to a booth with low sales on a fair day, and what was said."""

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="visits")
    day = models.DateField(_("fair day"))
    note = models.CharField(_("visit note"), max_length=500)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    visited_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = BoothDayQuerySet.as_manager()

    class Meta:
        ordering = ["-visited_at"]
        verbose_name = _("encouragement visit")
        verbose_name_plural = _("encouragement visits")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "day"], name="one_visit_note_per_day")
        ]

    def __str__(self):
        return f"{self.assignment} {thai_date(self.day)}"

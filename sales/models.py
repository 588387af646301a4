"""What happens at and after the fair: daily sales, problems raised, and network meetings."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from booths.models import Assignment, Fair
from otop_fair.thai import thai_date
from producers.models import ProducerGroup, Province


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

    class Meta:
        verbose_name = _("sales cut-off")
        verbose_name_plural = _("sales cut-offs")
        constraints = [
            models.CheckConstraint(
                condition=Q(days_after__lte=14), name="sales_cutoff_within_14_days"
            )
        ]

    def __str__(self):
        return f"{self.fair_id}: +{self.days_after} {self.cutoff_time:%H:%M}"

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

    class Meta:
        ordering = ["-visited_at"]
        verbose_name = _("encouragement visit")
        verbose_name_plural = _("encouragement visits")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "day"], name="one_visit_note_per_day")
        ]

    def __str__(self):
        return f"{self.assignment} {thai_date(self.day)}"


class IssueCategory(models.TextChoices):
    LOW_SALES = "low_sales", _("Low sales")
    FACILITY = "facility", _("Booth or facility")
    ELECTRICITY = "electricity", _("Electricity")
    NEIGHBOUR = "neighbour", _("Neighbour")
    DAMAGE = "damage", _("Product damage or loss")
    SAFETY = "safety", _("Health and safety")
    OTHER = "other", _("Other")


class IssueStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("problem report status", "Open")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")


class IssueReport(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="issues")
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.PROTECT,
        related_name="issues",
        null=True,
        blank=True,
        verbose_name=_("booth"),
    )
    category = models.CharField(_("category"), max_length=20, choices=IssueCategory.choices)
    description = models.TextField(_("what happened"))
    status = models.CharField(
        _("status"), max_length=20, choices=IssueStatus.choices, default=IssueStatus.OPEN
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assigned_issues",
        null=True,
        blank=True,
        verbose_name=_("assigned officer"),
    )
    resolution = models.TextField(_("resolution"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="issues/", blank=True)
    photo_thumbnail = models.ImageField(upload_to="issues/thumbs/", blank=True, editable=False)
    reported_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    # The phone's idempotency key: a report resent from the offline queue is filed once.
    client_key = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_at"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        constraints = [
            models.UniqueConstraint(
                fields=["reported_by", "client_key"],
                condition=~Q(client_key=""),
                name="issue_client_key_once_per_reporter",
            ),
            models.CheckConstraint(
                condition=Q(status__in=IssueStatus.values), name="issue_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="resolved") | Q(resolved_at__isnull=False),
                name="resolved_issue_has_time",
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | Q(resolved_at__gte=F("reported_at")),
                name="issue_resolved_after_reported",
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()} — {thai_date(timezone.localtime(self.reported_at))}"

    @property
    def hours_to_resolve(self):
        if self.resolved_at is None:
            return None
        return (self.resolved_at - self.reported_at).total_seconds() / 3600


class NetworkMeeting(models.Model):
    fair = models.ForeignKey(
        Fair,
        on_delete=models.SET_NULL,
        related_name="meetings",
        null=True,
        blank=True,
        verbose_name=_("fair"),
    )
    # Whose meeting it is: the fair's province, or the one chosen for a meeting without a fair.
    # Empty only on rows older than this field that no province could be found for; those are
    # seen by superusers alone — an empty province never means every province.
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        verbose_name=_("province"),
    )
    held_on = models.DateField(_("meeting date"))
    place = models.CharField(_("place"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")

    def __str__(self):
        return f"{self.place} {thai_date(self.held_on)}"

    def save(self, *args, **kwargs):
        if self.fair_id is not None:
            self.province_id = self.fair.province_id
        super().save(*args, **kwargs)


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="attendance")
    group = models.ForeignKey(
        ProducerGroup, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    attended = models.BooleanField(_("attended"), default=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(group__isnull=True, officer__isnull=False)
                | Q(group__isnull=False, officer__isnull=True),
                name="attendee_is_group_or_officer",
            ),
            models.UniqueConstraint(fields=["meeting", "group"], name="group_attends_once"),
            models.UniqueConstraint(fields=["meeting", "officer"], name="officer_attends_once"),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.group or self.officer}"


class MeetingInvitee(models.Model):
    """A group or an officer invited to a meeting: chosen by the officers, apart from who came
    (the attendance list). The invitation goes to invitees only."""

    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="invitees")
    group = models.ForeignKey(
        ProducerGroup, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(group__isnull=True, officer__isnull=False)
                | Q(group__isnull=False, officer__isnull=True),
                name="invitee_is_group_or_officer",
            ),
            models.UniqueConstraint(fields=["meeting", "group"], name="group_invited_once"),
            models.UniqueConstraint(fields=["meeting", "officer"], name="officer_invited_once"),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.group or self.officer}"


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action item status", "Open")
    DONE = "done", _("Done")


class ActionItem(models.Model):
    meeting = models.ForeignKey(
        NetworkMeeting, on_delete=models.CASCADE, related_name="action_items"
    )
    description = models.TextField(_("action"))
    owner_group = models.ForeignKey(
        ProducerGroup,
        on_delete=models.SET_NULL,
        related_name="action_items",
        null=True,
        blank=True,
        verbose_name=_("responsible group"),
    )
    owner_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="action_items",
        null=True,
        blank=True,
        verbose_name=_("responsible officer"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.description[:60]


# Models kept in their own modules, registered with the app from here.
from sales.channel_models import ChannelKind, ChannelSale  # noqa: E402, F401
from sales.figures_models import FairDayVisitors, SalesTarget  # noqa: E402, F401

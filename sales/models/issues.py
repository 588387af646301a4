"""Problems raised at the fair (a booth's power, a neighbour, low sales) and their handling."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from booths.models import Assignment, Fair
from otop_fair.areas import area_q
from otop_fair.free_text import DESCRIPTION_LENGTH, FreeTextField
from otop_fair.query_expressions import any_of
from otop_fair.thai import thai_date


class IssueReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Officers see the problems of their provinces' fairs; a producer those of their group's
        booths; anyone the problems they reported themselves."""
        mine = Q(reported_by=user) if user.is_authenticated and user.is_active else Q(pk__in=[])
        area = area_q(
            user, province="fair__province", own="assignment__application__group__members"
        )
        return self.filter(any_of(area, mine)).distinct()


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
    description = FreeTextField(_("what happened"), max_length=DESCRIPTION_LENGTH)
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
    resolution = FreeTextField(_("resolution"), max_length=DESCRIPTION_LENGTH, blank=True)
    photo = models.ImageField(_("photo"), upload_to="issues/", blank=True)
    photo_thumbnail = models.ImageField(upload_to="issues/thumbs/", blank=True, editable=False)
    reported_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    # The phone's idempotency key: a report resent from the offline queue is filed once.
    client_key = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords()

    objects = IssueReportQuerySet.as_manager()

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

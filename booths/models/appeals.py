"""Appeals against a published result (issue 18): recorded by the applicant, decided by an officer
with a reason; an upheld appeal changes the result only through a new published allocation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area
from otop_fair.free_text import DESCRIPTION_LENGTH, FreeTextField

from .applications import Application
from .runs import AllocationRun


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Appeal(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="appeals")
    grounds = FreeTextField(_("why the result should change"), max_length=DESCRIPTION_LENGTH)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField(_("filed on"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AppealStatus.choices, default=AppealStatus.PENDING
    )
    decision_reason = FreeTextField(
        _("reason for the decision"), max_length=DESCRIPTION_LENGTH, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # The allocation version published because of this appeal (upheld appeals only).
    run = models.ForeignKey(
        AllocationRun,
        on_delete=models.PROTECT,
        related_name="appeals",
        null=True,
        blank=True,
        verbose_name=_("allocation version"),
    )
    # An upheld appeal against the district's decline at a national fair puts the nomination
    # back: the province's committee scores the application late, and the appeal's version
    # (`run`) must include it.
    reinstated = models.BooleanField(_("nomination reinstated"), default=False)
    history = HistoricalRecords()
    # The fair's officers decide an appeal; the applicant's group reads its own.
    area = Area(province="application__fair__province", own="application__group__members")

    class Meta:
        ordering = ["-filed_at", "-id"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AppealStatus.values), name="appeal_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="pending")
                | (
                    ~Q(decision_reason="")
                    & Q(decided_by__isnull=False)
                    & Q(decided_at__isnull=False)
                ),
                name="decided_appeal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(run__isnull=True) | Q(status="upheld"),
                name="only_upheld_appeal_has_run",
            ),
            models.CheckConstraint(
                condition=Q(reinstated=False) | Q(status="upheld"),
                name="only_upheld_appeal_reinstates",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status="pending"),
                name="one_pending_appeal_per_application",
            ),
        ]

    def __str__(self):
        return f"{self.application} ({self.get_status_display()})"

    @property
    def fair(self):
        return self.application.fair

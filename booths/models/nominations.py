"""District nomination of a national fair's applications (issue 18): the district office says who
goes on to its province's committee, and why not when it declines."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area
from otop_fair.free_text import REASON_LENGTH, FreeTextField

from .applications import Application


class NominationDecision(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    DECLINED = "declined", _("Not nominated")


class Nomination(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="nomination"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=NominationDecision.choices)
    reason = FreeTextField(_("reason"), max_length=REASON_LENGTH, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    at = models.DateTimeField(_("decided on"), auto_now=True)
    history = HistoricalRecords()
    # Nominations are the applicant's district's and province's (not the host's).
    area = Area(
        province="application__group__province",
        district="application__group__subdistrict__district",
        own="application__group__members",
    )

    class Meta:
        verbose_name = _("district nomination")
        verbose_name_plural = _("district nominations")
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__in=NominationDecision.values),
                name="nomination_decision_valid",
            ),
            # The producer is told why; a decline without a reason tells them nothing.
            models.CheckConstraint(
                condition=Q(decision="nominated") | ~Q(reason=""),
                name="nomination_decline_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_decision_display()}: {self.application}"

    @property
    def is_nominated(self):
        return self.decision == NominationDecision.NOMINATED

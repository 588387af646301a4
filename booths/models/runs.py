"""Allocation runs (versioned, publishable once, then frozen), their per-applicant results, and
waitlist offers of released booths."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area
from otop_fair.free_text import REASON_LENGTH, FreeTextField

from .applications import Application
from .fairs import Booth, Fair


class AllocationRun(models.Model):
    """One run of the allocation with everything needed to reproduce it.

    A database trigger (migration 0003) refuses any change to a published run or its results.
    """

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="runs")
    version = models.PositiveIntegerField(_("version"))
    seed = models.BigIntegerField(_("lottery seed"))
    algorithm_version = models.CharField(_("algorithm version"), max_length=40)
    rules = models.JSONField(_("rules"), default=dict)
    inputs = models.JSONField(_("inputs snapshot"), default=dict)
    normalise = models.BooleanField(_("reviewers normalised"), default=False)
    seated_count = models.PositiveIntegerField(_("seated"), default=0)
    waitlist_count = models.PositiveIntegerField(_("waiting list"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    reason = FreeTextField(_("reason for this version"), max_length=REASON_LENGTH, blank=True)
    history = HistoricalRecords()
    area = Area(province="fair__province")

    class Meta:
        ordering = ["-version"]
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        constraints = [
            models.UniqueConstraint(fields=["fair", "version"], name="run_version_unique"),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="published_run_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.fair} v{self.version}"


class RunResult(models.Model):
    """Where one applicant ended up in one run, and the sentence that explains why."""

    run = models.ForeignKey(AllocationRun, on_delete=models.CASCADE, related_name="results")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="results")
    rank = models.PositiveIntegerField(_("rank"))
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=3)
    booth = models.ForeignKey(
        Booth, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    choice_rank = models.PositiveSmallIntegerField(_("choice"), null=True, blank=True)
    waitlist_position = models.PositiveIntegerField(_("waiting list no."), null=True, blank=True)
    explanation = models.TextField(_("explanation"))

    class Meta:
        ordering = ["rank"]
        verbose_name = _("allocation result")
        verbose_name_plural = _("allocation results")
        constraints = [
            models.UniqueConstraint(fields=["run", "application"], name="one_result_per_run"),
            models.UniqueConstraint(fields=["run", "booth"], name="booth_once_per_run"),
        ]

    def __str__(self):
        return f"{self.run} #{self.rank}"


class OfferStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")


class WaitlistOffer(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="offers")
    booth = models.ForeignKey(Booth, on_delete=models.PROTECT, related_name="offers")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="offers")
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.PENDING
    )
    deadline = models.DateTimeField(_("answer by"))
    offered_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()
    area = Area(province="fair__province", own="application__group__members")

    class Meta:
        ordering = ["-offered_at"]
        verbose_name = _("waiting-list offer")
        verbose_name_plural = _("waiting-list offers")
        constraints = [
            models.UniqueConstraint(
                fields=["booth"], condition=Q(status="pending"), name="one_pending_offer_per_booth"
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status="pending"),
                name="one_pending_offer_per_application",
            ),
        ]

    def __str__(self):
        return f"{self.booth} → {self.application}"

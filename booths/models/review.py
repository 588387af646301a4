"""The rubric, the committee, who reviews which application, declared conflicts, and the scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area
from producers.models import District, ProducerGroup, Province

from .applications import Application
from .fairs import Fair


class Criterion(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.CharField(_("what to look for"), max_length=500, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Empty: the fair's rubric (at a national fair the head office's, shared by every province's
    # committee). A province: that province's own rubric at a national fair, which its
    # committee scores by instead of the shared one (`booths.rubrics`).
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rubric of province"),
    )
    history = HistoricalRecords()
    area = Area(province="fair__province")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
            models.CheckConstraint(condition=Q(max_score__gt=0), name="criterion_max_positive"),
            models.UniqueConstraint(
                fields=["fair", "name"],
                condition=Q(province__isnull=True),
                name="criterion_name_unique_in_fair",
            ),
            models.UniqueConstraint(
                fields=["fair", "province", "name"],
                condition=Q(province__isnull=False),
                name="criterion_name_unique_in_province_rubric",
            ),
        ]

    def __str__(self):
        return self.name


class CommitteeMember(models.Model):
    """A person on a fair's committee; their own district and group are conflicts by definition."""

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="committee")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="committee_seats",
        verbose_name=_("account"),
    )
    home_district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("own district"),
    )
    own_group = models.ForeignKey(
        ProducerGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("own producer group"),
    )
    # A national fair has one committee per province, each scoring its own province's nominated
    # applications; empty means the fair's single committee (a provincial fair).
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee of province"),
    )
    history = HistoricalRecords()
    area = Area(province="fair__province")

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        constraints = [
            models.UniqueConstraint(fields=["fair", "user"], name="one_seat_per_person_per_fair")
        ]

    def __str__(self):
        return str(self.user)


class ConflictOfInterest(models.Model):
    member = models.ForeignKey(CommitteeMember, on_delete=models.CASCADE, related_name="conflicts")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("why"), max_length=300, blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()
    area = Area(province="application__fair__province")

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["member", "application"], name="conflict_declared_once")
        ]

    def __str__(self):
        return f"{self.member} ↔ {self.application}"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class ReviewAssignment(models.Model):
    """One member reviewing one application; the member's scores hang off it."""

    member = models.ForeignKey(CommitteeMember, on_delete=models.CASCADE, related_name="reviews")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    is_manual = models.BooleanField(_("assigned by hand"), default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()
    area = Area(province="application__fair__province")

    class Meta:
        ordering = ["application_id", "member_id"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "application"], name="one_review_per_member_per_application"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="submitted_review_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.member} → {self.application}"


class Score(models.Model):
    review = models.ForeignKey(ReviewAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()
    area = Area(province="review__application__fair__province")

    class Meta:
        ordering = ["criterion__order", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=Q(value__gte=0), name="score_not_negative"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"

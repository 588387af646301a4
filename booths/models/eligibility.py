"""Eligibility rules an officer sets per fair, each application's result per rule, and overrides."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area
from otop_fair.free_text import REASON_LENGTH, FreeTextField
from producers.models import Category, OtopMark, Quadrant, Region

from .applications import Application
from .fairs import Fair


class RuleKind(models.TextChoices):
    REGISTERED = "registered", _("Registered, active producer group")
    MIN_STARS = "min_stars", _("Minimum stars for every product entered")
    CERTIFICATION = "certification", _("Valid certification where the category needs one")
    AREA = "area", _("Province or region restriction")
    NO_SHOW = "no_show", _("No unexcused no-show at the last fair")
    STANDING = "standing", _("Quadrant of the group, OTOP mark of every product entered")


class StandingAsked(models.Model):
    """The group's quadrants and its products' OTOP marks a rule accepts (either empty: not
    asked), for a fair's eligibility rule and a zone's rule alike; `booths.eligibility.standing`
    checks them."""

    quadrants = ArrayField(
        models.CharField(max_length=1, choices=Quadrant.choices),
        default=list,
        blank=True,
        verbose_name=_("allowed quadrants"),
    )
    marks = ArrayField(
        models.CharField(max_length=12, choices=OtopMark.choices),
        default=list,
        blank=True,
        verbose_name=_("accepted OTOP marks"),
    )

    class Meta:
        abstract = True


class EligibilityRule(StandingAsked):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="eligibility_rules")
    kind = models.CharField(_("rule"), max_length=20, choices=RuleKind.choices)
    min_stars = models.PositiveSmallIntegerField(_("at least this many stars"), default=3)
    # Any one of these (QualityStandard codes); empty: each category's default standards.
    standards = ArrayField(
        models.CharField(max_length=20),
        default=list,
        blank=True,
        verbose_name=_("accepted standards (any one)"),
    )
    certified_categories = ArrayField(
        models.CharField(max_length=20, choices=Category.choices),
        default=list,
        blank=True,
        verbose_name=_("categories that need the standard"),
    )
    provinces = ArrayField(
        models.CharField(max_length=2),
        default=list,
        blank=True,
        verbose_name=_("allowed provinces (codes)"),
    )
    regions = ArrayField(
        models.CharField(max_length=20, choices=Region.choices),
        default=list,
        blank=True,
        verbose_name=_("allowed regions"),
    )
    history = HistoricalRecords()
    area = Area(province="fair__province")

    class Meta:
        ordering = ["kind"]
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        constraints = [
            models.UniqueConstraint(fields=["fair", "kind"], name="one_rule_of_a_kind_per_fair"),
            models.CheckConstraint(
                condition=Q(min_stars__gte=1) & Q(min_stars__lte=5), name="rule_stars_1_to_5"
            ),
        ]

    def __str__(self):
        return self.get_kind_display()


class EligibilityCheck(models.Model):
    """The outcome of one rule for one application, with the reason shown to people."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="eligibility_checks"
    )
    kind = models.CharField(_("rule"), max_length=20, choices=RuleKind.choices)
    passed = models.BooleanField(_("passed"))
    reason = models.TextField(_("reason"))
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"], name="one_check_per_rule_per_application"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.passed}"


class EligibilityOverride(models.Model):
    """An officer's decision that replaces the rules' outcome, with the written reason."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="eligibility_override"
    )
    is_eligible = models.BooleanField(_("eligible"))
    reason = FreeTextField(_("reason for the override"), max_length=REASON_LENGTH)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()
    area = Area(province="application__fair__province")

    class Meta:
        verbose_name = _("eligibility override")
        verbose_name_plural = _("eligibility overrides")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="override_has_reason"),
        ]

    def __str__(self):
        return str(self.application)

"""Zones with their own rules (issue 18): a 3–5★ zone, a food-tasting zone, a zone for new
producers, a zone for communities hit by floods. A zone's rule narrows who may be seated there;
the fair's own eligibility still decides who may apply at all."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.free_text import REASON_LENGTH, FreeTextField
from producers.models import Category, ProducerGroup

from .eligibility import StandingAsked
from .fairs import Zone


class GroupFlag(models.TextChoices):
    """Circumstances an officer records for a group, with a reason, for zones that ask for them."""

    DISASTER = "disaster", _("Affected by a disaster (flood, drought…)")
    BORDER = "border", _("Border community")


class ZoneRule(StandingAsked):
    zone = models.OneToOneField(Zone, on_delete=models.CASCADE, related_name="rule")
    categories = ArrayField(
        models.CharField(max_length=20, choices=Category.choices),
        default=list,
        blank=True,
        verbose_name=_("product categories of the zone"),
    )
    min_stars = models.PositiveSmallIntegerField(
        _("at least this many stars"), null=True, blank=True
    )
    registered_within_years = models.PositiveSmallIntegerField(
        _("registered in the last N years"), null=True, blank=True
    )
    flag = models.CharField(
        _("groups flagged as"), max_length=20, choices=GroupFlag.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("zone rule")
        verbose_name_plural = _("zone rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_stars__isnull=True) | Q(min_stars__gte=1, min_stars__lte=5),
                name="zone_rule_stars_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(registered_within_years__isnull=True)
                | Q(registered_within_years__gte=1, registered_within_years__lte=50),
                name="zone_rule_years_1_to_50",
            ),
        ]

    def __str__(self):
        return str(self.zone)


class ProducerGroupFlag(models.Model):
    """An officer's record that a group is, say, disaster-affected, and why."""

    group = models.ForeignKey(ProducerGroup, on_delete=models.CASCADE, related_name="flags")
    flag = models.CharField(_("flag"), max_length=20, choices=GroupFlag.choices)
    reason = FreeTextField(_("reason"), max_length=REASON_LENGTH)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    set_at = models.DateTimeField(_("recorded at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("group flag")
        verbose_name_plural = _("group flags")
        constraints = [
            models.UniqueConstraint(fields=["group", "flag"], name="one_flag_of_a_kind_per_group"),
            models.CheckConstraint(condition=~Q(reason=""), name="group_flag_has_reason"),
        ]

    def __str__(self):
        return f"{self.group}: {self.get_flag_display()}"

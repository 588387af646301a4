"""Applications to a fair, the zones each prefers, and the booths groups hold (assignments)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area, AreaQuerySet
from otop_fair.free_text import REASON_LENGTH, FreeTextField
from producers.models import Category, ProducerGroup, Product

from .fairs import Booth, Fair, Zone


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")
    SELECTED = "selected", _("Booth assigned")
    WAITLISTED = "waitlisted", _("On the waiting list")
    NOT_SELECTED = "not_selected", _("Not selected")


class Application(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="applications")
    group = models.ForeignKey(ProducerGroup, on_delete=models.CASCADE, related_name="applications")
    products = models.ManyToManyField(
        Product, related_name="applications", verbose_name=_("products")
    )
    # The one category the application competes in: caps, minimums, check-in and reports all
    # count it here, chosen by the producer among the categories of the products offered.
    category = models.CharField(
        _("category you compete in"), max_length=20, choices=Category.choices
    )
    zone_preferences = models.ManyToManyField(
        Zone, through="ZonePreference", related_name="+", blank=True
    )
    needs_electricity = models.BooleanField(_("needs electricity"), default=False)
    wants_corner = models.BooleanField(_("would like a corner booth"), default=False)
    pitch = FreeTextField(_("short pitch"), max_length=1000, blank=True)
    passes_rules = models.BooleanField(_("passes the eligibility rules"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A district officer who applied for a group without a smartphone (issue 18); the group's
    # members see who it was on their page.
    filed_by_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applied on the group's behalf by"),
    )
    history = HistoricalRecords()
    area = Area(province="fair__province", own="group__members")

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["fair", "group"], name="one_application_per_group"),
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="application_category_valid"
            ),
        ]

    def __str__(self):
        return f"{self.group} — {self.fair}"


class ZonePreference(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="preferences"
    )
    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "zone"], name="zone_preferred_once"),
            models.UniqueConstraint(fields=["application", "rank"], name="preference_rank_unique"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="preference_rank_positive"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.zone}"


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("Holds the booth")
    RELEASED = "released", _("Released")


class Assignment(models.Model):
    """A group holding a booth at a fair, from a published allocation or a waitlist offer.

    Sales are logged against it. A released booth keeps its row (and its sales); the booth's next
    holder gets a new row.
    """

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="assignments")
    booth = models.ForeignKey(Booth, on_delete=models.PROTECT, related_name="assignments")
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="assignments"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ACTIVE,
    )
    run = models.ForeignKey(
        "booths.AllocationRun",
        on_delete=models.PROTECT,
        related_name="assignments",
        null=True,
        blank=True,
        verbose_name=_("allocation version"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)
    release_reason = FreeTextField(_("reason for release"), max_length=REASON_LENGTH, blank=True)
    is_no_show = models.BooleanField(_("did not show up"), default=False)
    is_no_show_excused = models.BooleanField(_("absence excused"), default=False)
    history = HistoricalRecords()
    area = Area(province="fair__province", own="application__group__members")

    class Meta:
        ordering = ["booth__code"]
        verbose_name = _("booth assignment")
        verbose_name_plural = _("booth assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["booth"],
                condition=Q(status="active"),
                name="one_active_holder_per_booth",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status="active"),
                name="one_active_booth_per_application",
            ),
            models.CheckConstraint(
                condition=Q(is_no_show_excused=False) | Q(is_no_show=True),
                name="only_a_no_show_is_excused",
            ),
        ]

    def __str__(self):
        return str(self.booth)

"""Fairs and their lifecycle, and the floor plan: zones and booths.

Applications and the booths groups hold are in `applications.py`."""

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area, AreaQuerySet
from producers.models import Category, Province

from .fair_dates import EARLIEST_FAIR_DAY, MAX_FAIR_DAYS, fair_date_errors


class FairState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    # National fairs only: district offices nominate or decline their districts' applications.
    NOMINATING = "nominating", _("District nomination")
    SCORING = "scoring", pgettext_lazy("fair state", "Scoring")
    ALLOCATED = "allocated", _("Allocated (published)")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class FairLevel(models.TextChoices):
    """Who selects: a provincial fair is one committee over one pool; a national fair (OTOP City)
    fills each province's quota per category through district nomination and provincial
    committees (issue 18)."""

    PROVINCIAL = "provincial", _("Provincial fair")
    NATIONAL = "national", _("National fair")


# Once a fair runs, its days are the days sales were recorded on: they never move again.
DATES_LOCKED_STATES = (FairState.RUNNING, FairState.CLOSED)
# Once the allocation is published: results are final, committees see the ranking, appeals open.
SCORING_CLOSED_STATES = (FairState.ALLOCATED, FairState.RUNNING, FairState.CLOSED)
DATE_FIELDS = ("start_date", "end_date", "applications_open_on", "applications_close_on")

# The only legal steps of the lifecycle, each taken by an officer through a service.
NEXT_STATE = {
    FairState.DRAFT: FairState.OPEN,
    FairState.OPEN: FairState.SCORING,
    FairState.SCORING: FairState.ALLOCATED,
    FairState.ALLOCATED: FairState.RUNNING,
    FairState.RUNNING: FairState.CLOSED,
}
# A national fair is screened by the districts between applications and scoring (issue 18).
NATIONAL_NEXT_STATE = NEXT_STATE | {
    FairState.OPEN: FairState.NOMINATING,
    FairState.NOMINATING: FairState.SCORING,
}


class Fair(models.Model):
    name = models.CharField(_("fair name"), max_length=200)
    venue = models.CharField(_("venue"), max_length=200)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="fairs",
        verbose_name=_("organising province"),
    )
    level = models.CharField(
        _("fair level"), max_length=20, choices=FairLevel.choices, default=FairLevel.PROVINCIAL
    )
    start_date = models.DateField(_("first fair day"))
    end_date = models.DateField(_("last fair day"))
    applications_open_on = models.DateField(_("applications open"))
    applications_close_on = models.DateField(_("applications close"))
    booth_count = models.PositiveIntegerField(_("planned booth count"), default=0)
    nomination_deadline = models.DateField(
        _("districts nominate by"),
        null=True,
        blank=True,
        help_text=_("National fairs: the last day district officers may nominate or decline."),
    )
    appeal_deadline = models.DateField(
        _("appeals accepted until"),
        null=True,
        blank=True,
        help_text=_("Applicants who were not selected may appeal until this day."),
    )
    scoring_deadline = models.DateField(
        _("committee scores by"),
        null=True,
        blank=True,
        help_text=_("Shown to committee members above their list of applications to score."),
    )
    is_blind_review = models.BooleanField(
        _("blind review"),
        default=False,
        help_text=_(
            "Committee members do not see the group's name, district, province, registration "
            "and certificate numbers or photo file names; officers still see them. Photos and "
            "product stories may still reveal who a group is."
        ),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=FairState.choices, default=FairState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Officers of other provinces may copy this fair's rubric only when it is shared.
    rubric_shared = models.BooleanField(_("share the rubric with other provinces"), default=False)
    history = HistoricalRecords()
    area = Area(province="province")

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "id"]
        verbose_name = _("fair")
        verbose_name_plural = _("fairs")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="fair_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(applications_close_on__gte=F("applications_open_on")),
                name="fair_application_window_ordered",
            ),
            models.CheckConstraint(
                condition=Q(state__in=FairState.values), name="fair_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(level__in=FairLevel.values), name="fair_level_valid"
            ),
            models.CheckConstraint(
                condition=Q(nomination_deadline__isnull=True)
                | Q(nomination_deadline__gte=F("applications_close_on")),
                name="fair_nomination_after_applications",
            ),
            models.CheckConstraint(
                condition=Q(end_date__lt=F("start_date") + datetime.timedelta(days=MAX_FAIR_DAYS)),
                name="fair_at_most_sixty_days",
            ),
            models.CheckConstraint(
                condition=Q(start_date__gte=EARLIEST_FAIR_DAY)
                & Q(applications_open_on__gte=EARLIEST_FAIR_DAY),
                name="fair_dates_not_ancient",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = fair_date_errors(
            start=self.start_date,
            end=self.end_date,
            opens=self.applications_open_on,
            closes=self.applications_close_on,
            today=timezone.localdate(),
        )
        errors.update(self._deadline_errors())
        errors.update(self._locked_date_errors())
        if errors:
            raise ValidationError(errors)

    def _deadline_errors(self):
        """Nomination falls between applications closing and the fair; appeals before it ends."""
        errors = {}
        closes, start = self.applications_close_on, self.start_date
        nominate, appeal = self.nomination_deadline, self.appeal_deadline
        if nominate and closes and nominate < closes:
            errors["nomination_deadline"] = _("Districts nominate after applications close.")
        elif nominate and start and nominate >= start:
            errors["nomination_deadline"] = _("Districts nominate before the fair starts.")
        if appeal and closes and appeal <= closes:
            errors["appeal_deadline"] = _("Appeals close after applications close.")
        elif appeal and self.end_date and appeal > self.end_date:
            errors["appeal_deadline"] = _("Appeals close by the last fair day.")
        return errors

    def _locked_date_errors(self):
        stored = Fair.objects.filter(pk=self.pk, state__in=DATES_LOCKED_STATES).values(*DATE_FIELDS)
        stored = stored.first() if self.pk else None
        if stored is None:
            return {}
        message = _("The dates of a running or closed fair cannot change.")
        return {f: message for f in DATE_FIELDS if getattr(self, f) != stored[f]}

    @property
    def are_dates_locked(self):
        return self.state in DATES_LOCKED_STATES

    def transition_error(self, target):
        """Why the fair may not move to `target` now, or None when the step is legal."""
        if self.next_state == target:
            return None
        return _("A fair that is “%(current)s” cannot move to “%(target)s”.") % {
            "current": FairState(self.state).label,
            "target": FairState(target).label,
        }

    @property
    def next_state(self):
        steps = NATIONAL_NEXT_STATE if self.is_national else NEXT_STATE
        return steps.get(self.state)

    @property
    def is_national(self):
        return self.level == FairLevel.NATIONAL

    @property
    def is_scoring_closed(self):
        return self.state in SCORING_CLOSED_STATES

    @property
    def fair_days(self):
        days = (self.end_date - self.start_date).days + 1
        return [self.start_date + datetime.timedelta(days=i) for i in range(days)]


# PostgreSQL's `$` is the very end; Python's would also match before a final newline.
ZONE_COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
zone_colour_validator = RegexValidator(
    r"\A#[0-9A-Fa-f]{6}\Z", _("Choose a colour written as #rrggbb, e.g. #0d6efd."), code="colour"
)


class Zone(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="zones")
    code = models.CharField(_("zone code"), max_length=10)
    name = models.CharField(_("zone name"), max_length=100)
    color = models.CharField(
        _("colour"), max_length=7, default="#0d6efd", validators=[zone_colour_validator]
    )
    history = HistoricalRecords()

    area = Area(province="fair__province")

    class Meta:
        ordering = ["code"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        constraints = [
            models.UniqueConstraint(fields=["fair", "code"], name="zone_code_unique_in_fair"),
            # The colour is written into the floor plan's SVG and style attributes.
            models.CheckConstraint(
                condition=Q(color__regex=ZONE_COLOUR_PATTERN), name="zone_colour_is_rrggbb"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class BoothType(models.TextChoices):
    STANDARD = "standard", _("Standard")
    CORNER = "corner", _("Corner")
    LARGE = "large", _("Large")
    FOOD = "food", _("Food court")


class Booth(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="booths")
    zone = models.ForeignKey(
        Zone, on_delete=models.PROTECT, related_name="booths", verbose_name=_("zone")
    )
    code = models.CharField(_("booth code"), max_length=20)
    booth_type = models.CharField(
        _("booth type"), max_length=20, choices=BoothType.choices, default=BoothType.STANDARD
    )
    width_m = models.DecimalField(_("width (m)"), max_digits=5, decimal_places=2, default=3)
    depth_m = models.DecimalField(_("depth (m)"), max_digits=5, decimal_places=2, default=3)
    allowed_categories = ArrayField(
        models.CharField(max_length=20, choices=Category.choices),
        default=list,
        blank=True,
        verbose_name=_("allowed categories"),
        help_text=_("Leave empty to allow every category."),
    )
    has_electricity = models.BooleanField(_("electricity"), default=False)
    is_corner = models.BooleanField(_("corner"), default=False)
    # Position on the floor plan, in plan units (one unit = 10 cm).
    x = models.PositiveIntegerField(default=0)
    y = models.PositiveIntegerField(default=0)
    w = models.PositiveIntegerField(default=30)
    h = models.PositiveIntegerField(default=30)
    # Turned clockwise about its centre on the plan, in whole degrees.
    rotation = models.PositiveSmallIntegerField(_("angle (degrees)"), default=0)

    history = HistoricalRecords()
    area = Area(province="fair__province")

    class Meta:
        ordering = ["code"]
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        constraints = [
            models.UniqueConstraint(fields=["fair", "code"], name="booth_code_unique_in_fair"),
            models.CheckConstraint(condition=Q(w__gt=0) & Q(h__gt=0), name="booth_has_size"),
            models.CheckConstraint(
                condition=Q(rotation__lt=360), name="booth_rotation_under_a_turn"
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def allowed_category_labels(self):
        """The allowed categories by their names (an empty list allows every category)."""
        return [Category(code).label for code in self.allowed_categories]

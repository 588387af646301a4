"""Quality records of groups and products: star ratings by round, certified standards, field visits."""

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area
from otop_fair.free_text import DESCRIPTION_LENGTH, FreeTextField
from otop_fair.thai import BUDDHIST_ERA_OFFSET, thai_date

from .groups import Category, ProducerGroup, Product


class RatingRound(models.Model):
    """A round of the OTOP Product Champion rating, with the star thresholds in force that year."""

    year = models.PositiveIntegerField(_("year (C.E.)"), unique=True)
    # A round's stars count from its announcement until the next round's (about two years).
    valid_from = models.DateField(_("valid from"), blank=True)
    valid_until = models.DateField(_("valid until"), blank=True)
    five_star_min = models.PositiveSmallIntegerField(_("5 stars from"), default=90)
    four_star_min = models.PositiveSmallIntegerField(_("4 stars from"), default=80)
    three_star_min = models.PositiveSmallIntegerField(_("3 stars from"), default=70)
    two_star_min = models.PositiveSmallIntegerField(_("2 stars from"), default=50)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("rating round")
        verbose_name_plural = _("rating rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(five_star_min__lte=100)
                & Q(five_star_min__gt=F("four_star_min"))
                & Q(four_star_min__gt=F("three_star_min"))
                & Q(three_star_min__gt=F("two_star_min"))
                & Q(two_star_min__gt=0),
                name="rating_round_thresholds_ordered",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="rating_round_validity_ordered"
            ),
        ]

    def __str__(self):
        return str(self.year + BUDDHIST_ERA_OFFSET)

    def save(self, *args, **kwargs):
        """A round given no validity counts from 1 January of its year for three calendar years
        (rounds come about every two years; the next round's stars take over when it starts)."""
        if self.valid_from is None:
            self.valid_from = datetime.date(self.year, 1, 1)
        if self.valid_until is None:
            self.valid_until = datetime.date(self.year + 2, 12, 31)
        super().save(*args, **kwargs)

    def stars_for(self, score):
        """The one place stars are derived from a score."""
        for stars, minimum in (
            (5, self.five_star_min),
            (4, self.four_star_min),
            (3, self.three_star_min),
            (2, self.two_star_min),
        ):
            if score >= minimum:
                return stars
        return 1

    def is_valid_on(self, day):
        return self.valid_from <= day <= self.valid_until


def stars_expression(prefix=""):
    """A StarRating's stars for filtering and annotating (`prefix` reaches it through a relation,
    e.g. "ratings__"). Stars are stored as certified; a score, when known, agrees with them."""
    return F(f"{prefix}stars")


def valid_on(day, prefix=""):
    """Q: the rating's round is valid on `day`."""
    return Q(**{f"{prefix}round__valid_from__lte": day, f"{prefix}round__valid_until__gte": day})


def current_ratings(day=None):
    """Ratings that are their product's current one on `day` (today if None): the rating of the
    latest round valid that day. An expired round no longer counts."""
    day = day or timezone.localdate()
    newer = StarRating.objects.filter(
        valid_on(day), product=OuterRef("product"), round__year__gt=OuterRef("round__year")
    )
    return StarRating.objects.filter(valid_on(day)).filter(~Exists(newer))


class StarRating(models.Model):
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("product")
    )
    round = models.ForeignKey(
        RatingRound, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("round")
    )
    # The star level printed on the certificate: the department publishes stars, not scores.
    stars = models.PositiveSmallIntegerField(
        _("stars"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    certificate_no = models.CharField(_("certificate no."), max_length=50, blank=True)
    history = HistoricalRecords()
    area = Area(
        province="product__group__province", district="product__group__subdistrict__district"
    )

    class Meta:
        ordering = ["-round__year"]
        verbose_name = _("star rating")
        verbose_name_plural = _("star ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "round"], name="one_rating_per_product_round"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=100)),
                name="star_rating_score_0_100",
            ),
            models.CheckConstraint(
                condition=Q(stars__gte=1) & Q(stars__lte=5), name="star_rating_stars_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.product} {self.round}: {self.stars}★"

    def clean(self):
        """A score, when given, must give the stars recorded under the round's thresholds."""
        super().clean()
        if self.score is None or self.stars is None or self.round_id is None:
            return
        expected = self.round.stars_for(self.score)
        if expected != self.stars:
            raise ValidationError(
                {
                    "stars": _(
                        "A score of %(score)s gives %(expected)s stars in round %(round)s, "
                        "not %(stars)s."
                    )
                    % {
                        "score": self.score,
                        "expected": expected,
                        "round": self.round,
                        "stars": self.stars,
                    }
                }
            )


class Standard(models.TextChoices):
    """The standards seeded into the QualityStandard table; officers add others there."""

    MOPHOCHO = "mpc", _("Community product standard (มผช.)")
    FDA = "fda", _("Food and Drug Administration (อย.)")
    GMP = "gmp", _("GMP")
    HALAL = "halal", _("Halal")
    TIS = "tis", _("Thai Industrial Standard (มอก.)")
    ORGANIC = "organic", _("Organic")
    OTHER = "other", _("Other")
    GAP = "gap", _("Good Agricultural Practice (GAP)")
    HACCP = "haccp", _("HACCP")
    Q_MARK = "q", _("Q mark (มกอช.)")


class QualityStandard(models.Model):
    """A legal or quality standard a certificate attests (มผช., อย., GMP, …), as a table officers
    extend. `default_for` lists the product categories for which an eligibility rule that names no
    standards accepts this one."""

    code = models.SlugField(_("code"), max_length=20, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    default_for = ArrayField(
        models.CharField(max_length=20, choices=Category.choices),
        default=list,
        blank=True,
        verbose_name=_("accepted by default for"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("quality standard")
        verbose_name_plural = _("quality standards")

    def __str__(self):
        return self.name

    @property
    def default_for_labels(self):
        return [Category(code).label for code in self.default_for]


EXPIRY_WARNING_DAYS = 90


class CertificationStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expires within 90 days")
    EXPIRED = "expired", _("Expired")


class Certification(models.Model):
    group = models.ForeignKey(
        ProducerGroup,
        on_delete=models.CASCADE,
        related_name="certifications",
        verbose_name=_("group"),
    )
    product = models.ForeignKey(
        Product,
        on_delete=models.CASCADE,
        related_name="certifications",
        null=True,
        blank=True,
        verbose_name=_("product"),
    )
    # The column keeps its name and the codes it always held: they are the table's keys.
    standard = models.ForeignKey(
        QualityStandard,
        on_delete=models.PROTECT,
        db_column="standard",
        related_name="certifications",
        verbose_name=_("standard"),
    )
    number = models.CharField(_("certificate number"), max_length=60)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    history = HistoricalRecords()
    area = Area(province="group__province", district="group__subdistrict__district")

    class Meta:
        ordering = ["expires_on"]
        indexes = [models.Index(fields=["group", "expires_on"])]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.CheckConstraint(
                condition=Q(issued_on__isnull=True)
                | Q(expires_on__isnull=True)
                | Q(expires_on__gte=F("issued_on")),
                name="certification_dates_ordered",
            )
        ]

    def __str__(self):
        return f"{self.standard} {self.number}"

    @property
    def status(self):
        """'expired', 'expiring' (within EXPIRY_WARNING_DAYS) or 'valid'."""
        if self.expires_on is None:
            return CertificationStatus.VALID
        today = timezone.localdate()
        if self.expires_on < today:
            return CertificationStatus.EXPIRED
        if self.expires_on <= today + datetime.timedelta(days=EXPIRY_WARNING_DAYS):
            return CertificationStatus.EXPIRING
        return CertificationStatus.VALID

    def get_status_display(self):
        """The status word, as a choices field would give it (templates ask for it by that name)."""
        return CertificationStatus(self.status).label


class FollowUpStatus(models.TextChoices):
    NONE = "none", _("No follow-up")
    OPEN = "open", _("To do")
    DONE = "done", _("Done")


class Visit(models.Model):
    group = models.ForeignKey(
        ProducerGroup, on_delete=models.CASCADE, related_name="visits", verbose_name=_("group")
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="visits",
        verbose_name=_("officer"),
    )
    visited_on = models.DateField(_("visit date"))
    met_with = models.CharField(_("met with"), max_length=200, blank=True)
    problems_heard = FreeTextField(_("what was heard"), max_length=DESCRIPTION_LENGTH, blank=True)
    advice = FreeTextField(_("advice given"), max_length=DESCRIPTION_LENGTH, blank=True)
    follow_up = FreeTextField(_("follow-up"), max_length=DESCRIPTION_LENGTH, blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    follow_up_status = models.CharField(
        _("follow-up status"),
        max_length=10,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.NONE,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()
    area = Area(province="group__province", district="group__subdistrict__district")

    class Meta:
        ordering = ["-visited_on", "-id"]
        indexes = [models.Index(fields=["follow_up_status", "follow_up_due"])]
        verbose_name = _("field visit")
        verbose_name_plural = _("field visits")

    def __str__(self):
        return f"{self.group} {thai_date(self.visited_on)}"

"""The producer registry: geography, producer groups, products, star ratings, standards and visits."""

import datetime
import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, When
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.thai import thai_sort_key


class Region(models.TextChoices):
    NORTH = "north", _("North")
    NORTHEAST = "northeast", _("Northeast")
    CENTRAL = "central", _("Central")
    EAST = "east", _("East")
    WEST = "west", _("West")
    SOUTH = "south", _("South")


class Province(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name_th = models.CharField(_("Thai name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    sort_name = models.CharField(max_length=220, db_collation="C", editable=False)
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="officer_provinces",
        blank=True,
        verbose_name=_("officers"),
    )

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name_th

    def save(self, *args, **kwargs):
        self.sort_name = thai_sort_key(self.name_th)
        super().save(*args, **kwargs)


class District(models.Model):
    code = models.CharField(_("code"), max_length=4, primary_key=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("province")
    )
    name_th = models.CharField(_("Thai name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)
    sort_name = models.CharField(max_length=220, db_collation="C", editable=False)

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name_th

    def save(self, *args, **kwargs):
        self.sort_name = thai_sort_key(self.name_th)
        super().save(*args, **kwargs)


class Subdistrict(models.Model):
    code = models.CharField(_("code"), max_length=6, primary_key=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="subdistricts", verbose_name=_("district")
    )
    name_th = models.CharField(_("Thai name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    sort_name = models.CharField(max_length=220, db_collation="C", editable=False)

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("subdistrict")
        verbose_name_plural = _("subdistricts")

    def __str__(self):
        return self.name_th

    def save(self, *args, **kwargs):
        self.sort_name = thai_sort_key(self.name_th)
        super().save(*args, **kwargs)


class GroupType(models.TextChoices):
    COMMUNITY = "community", _("Community group")
    SINGLE_OWNER = "single_owner", _("Single owner")
    SME = "sme", _("SME")


class ProducerGroupQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Superusers see every group, officers their provinces' groups, producers their own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if user.role == "officer":
            return self.filter(province__in=user.officer_provinces.values("pk"))
        if user.role == "producer":
            return self.filter(members=user)
        return self.none()


class ProducerGroup(models.Model):
    name = models.CharField(_("group name"), max_length=200)
    sort_name = models.CharField(max_length=420, db_collation="C", editable=False, db_index=True)
    group_type = models.CharField(_("group type"), max_length=20, choices=GroupType.choices)
    registration_no = models.CharField(_("OTOP registration no."), max_length=40, unique=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    line_id = models.CharField(_("LINE ID"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    subdistrict = models.ForeignKey(
        Subdistrict, on_delete=models.PROTECT, related_name="groups", verbose_name=_("subdistrict")
    )
    # Denormalised from the subdistrict so that officers' province scoping is one indexed filter.
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="groups",
        editable=False,
        verbose_name=_("province"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="producer_groups",
        blank=True,
        verbose_name=_("member accounts"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ProducerGroupQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "id"]
        verbose_name = _("producer group")
        verbose_name_plural = _("producer groups")
        indexes = [
            models.Index(fields=["province", "sort_name", "id"]),
            models.Index(fields=["subdistrict", "sort_name"]),
            # Substring search in Thai names and registration numbers at national scale.
            # Django's icontains compares UPPER(column), so the index is on that expression.
            GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"), name="group_name_upper_trgm"),
            GinIndex(
                OpClass(Upper("registration_no"), name="gin_trgm_ops"),
                name="group_regno_upper_trgm",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = thai_sort_key(self.name)
        self.province_id = self._province_of_subdistrict()
        super().save(*args, **kwargs)

    def _province_of_subdistrict(self):
        """The subdistrict's province, without a query when it was loaded with its district."""
        if ProducerGroup.subdistrict.is_cached(self):
            sub = self.subdistrict
            if sub.pk == self.subdistrict_id and Subdistrict.district.is_cached(sub):
                return sub.district.province_id
        return Subdistrict.objects.values_list("district__province_id", flat=True).get(
            pk=self.subdistrict_id
        )


class Category(models.TextChoices):
    FOOD = "food", _("Food")
    BEVERAGE = "beverage", _("Beverages")
    TEXTILE = "textile", _("Textiles and garments")
    HOUSEHOLD = "household", _("Household, decorative and souvenir goods")
    HERBAL = "herbal", _("Non-food herbal products")


class Product(models.Model):
    group = models.ForeignKey(
        ProducerGroup, on_delete=models.CASCADE, related_name="products", verbose_name=_("group")
    )
    name = models.CharField(_("product name"), max_length=200)
    sort_name = models.CharField(max_length=420, db_collation="C", editable=False)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.TextField(_("description"), blank=True)
    price_min = models.DecimalField(
        _("lowest price (baht)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    price_max = models.DecimalField(
        _("highest price (baht)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    story_origin = models.TextField(_("origin"), blank=True)
    story_wisdom = models.TextField(_("local wisdom"), blank=True)
    story_materials = models.TextField(_("materials"), blank=True)
    story_people = models.TextField(_("the people behind it"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "id"]
        indexes = [models.Index(fields=["category", "group"])]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        constraints = [
            models.CheckConstraint(
                condition=Q(price_min__isnull=True) | Q(price_min__gte=0),
                name="product_price_min_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(price_min__isnull=True)
                | Q(price_max__isnull=True)
                | Q(price_max__gte=F("price_min")),
                name="product_price_range_ordered",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = thai_sort_key(self.name)
        super().save(*args, **kwargs)

    @property
    def current_rating(self):
        """The rating of the latest round (uses prefetched `ratings` when there are any)."""
        ratings = sorted(self.ratings.all(), key=lambda r: r.round.year, reverse=True)
        return ratings[0] if ratings else None


class RatingRound(models.Model):
    """A round of the OTOP Product Champion rating, with the star thresholds in force that year."""

    year = models.PositiveIntegerField(_("year (C.E.)"), unique=True)
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
            )
        ]

    def __str__(self):
        return str(self.year + 543)

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


def stars_expression(prefix=""):
    """The SQL twin of `RatingRound.stars_for` over StarRating rows, for filtering and annotating.

    `prefix` reaches a StarRating through a relation (e.g. "ratings__"). Tests check both agree.
    """
    levels = [(5, "five"), (4, "four"), (3, "three"), (2, "two")]
    return Case(
        *[
            When(**{f"{prefix}score__gte": F(f"{prefix}round__{word}_star_min")}, then=stars)
            for stars, word in levels
        ],
        default=1,
        output_field=IntegerField(),
    )


class StarRating(models.Model):
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("product")
    )
    round = models.ForeignKey(
        RatingRound, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("round")
    )
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    certificate_no = models.CharField(_("certificate no."), max_length=50, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-round__year"]
        verbose_name = _("star rating")
        verbose_name_plural = _("star ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "round"], name="one_rating_per_product_round"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=100), name="star_rating_score_0_100"
            ),
        ]

    def __str__(self):
        return f"{self.product} {self.round}: {self.stars}★"

    @property
    def stars(self):
        return self.round.stars_for(self.score)


class Standard(models.TextChoices):
    MOPHOCHO = "mpc", _("Community product standard (มผช.)")
    FDA = "fda", _("Food and Drug Administration (อย.)")
    GMP = "gmp", _("GMP")
    HALAL = "halal", _("Halal")
    TIS = "tis", _("Thai Industrial Standard (มอก.)")
    ORGANIC = "organic", _("Organic")
    OTHER = "other", _("Other")


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
    standard = models.CharField(_("standard"), max_length=20, choices=Standard.choices)
    number = models.CharField(_("certificate number"), max_length=60)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    history = HistoricalRecords()

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
        return f"{self.get_standard_display()} {self.number}"

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
    problems_heard = models.TextField(_("what was heard"), blank=True)
    advice = models.TextField(_("advice given"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    follow_up_status = models.CharField(
        _("follow-up status"),
        max_length=10,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.NONE,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-visited_on", "-id"]
        indexes = [models.Index(fields=["follow_up_status", "follow_up_due"])]
        verbose_name = _("field visit")
        verbose_name_plural = _("field visits")

    def __str__(self):
        return f"{self.group} {self.visited_on}"


MAX_PHOTOS_PER_PRODUCT = 8


def photo_path(instance, filename):
    """Stored names are random: nothing a user typed ever reaches the file system."""
    return f"product_photos/{uuid.uuid4().hex[:2]}/{filename}"


class ProductPhoto(models.Model):
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="photos", verbose_name=_("product")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    image = models.FileField(_("photo"), upload_to=photo_path, max_length=200)
    thumbnail = models.FileField(upload_to=photo_path, max_length=200)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "position"], name="one_photo_per_product_position"
            ),
            # Positions 0..7 and one photo per position: at most eight photos, held by the database.
            models.CheckConstraint(
                condition=Q(position__lt=MAX_PHOTOS_PER_PRODUCT), name="at_most_eight_photos"
            ),
        ]

    def __str__(self):
        return f"{self.product} #{self.position + 1}"

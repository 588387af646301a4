"""Producer groups, who may see them, and their products with photos."""

import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area, AreaQuerySet
from otop_fair.free_text import DESCRIPTION_LENGTH, FreeTextField
from otop_fair.thai import thai_sort_key

from .geography import Province, Subdistrict


class GroupType(models.TextChoices):
    COMMUNITY = "community", _("Community group")
    SINGLE_OWNER = "single_owner", _("Single owner")
    SME = "sme", _("SME")


class Quadrant(models.TextChoices):
    """The department's grouping of producers by readiness (issue 17)."""

    A = "A", _("A: Stars to the world (ดาวเด่นสู่สากล)")
    B = "B", _("B: Identity that creates value (เอกลักษณ์สร้างคุณค่า)")
    C = "C", _("C: Developing to compete (พัฒนาสู่การแข่งขัน)")
    D = "D", _("D: Adapting to develop (ปรับตัวสู่การพัฒนา)")


class OtopMark(models.TextChoices):
    PREMIUM = "premium", _("OTOP Premium (gold)")
    CLASSIC = "classic", _("OTOP Classic (silver)")
    STANDARD = "standard", _("OTOP Standard (red)")
    CERTIFICATE = "certificate", _("OTOP certificate (blue)")


class ProducerGroup(models.Model):
    name = models.CharField(_("group name"), max_length=200)
    sort_name = models.CharField(max_length=420, db_collation="C", editable=False, db_index=True)
    group_type = models.CharField(_("group type"), max_length=20, choices=GroupType.choices)
    # Empty for a group taken from the department's open data until an officer adds its number.
    registration_no = models.CharField(_("OTOP registration no."), max_length=40, blank=True)
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
    # Registered at the district office; the registry filters by year and fiscal year (Oct–Sep).
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    quadrant = models.CharField(
        _("quadrant"), max_length=1, choices=Quadrant.choices, blank=True, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()
    area = Area(province="province", district="subdistrict__district", own="members")

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "id"]
        verbose_name = _("producer group")
        verbose_name_plural = _("producer groups")
        constraints = [
            models.UniqueConstraint(
                fields=["registration_no"],
                condition=~Q(registration_no=""),
                name="group_registration_no_unique",
            )
        ]
        indexes = [
            models.Index(fields=["province", "sort_name", "id"]),
            models.Index(fields=["subdistrict", "sort_name"]),
            models.Index(fields=["registered_on"], name="group_registered_on"),
            # Lookups and the registry's sort by number (the unique index is partial now).
            models.Index(fields=["registration_no"], name="group_registration_no"),
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

    @property
    def lacks_registration_no(self):
        return not self.registration_no


def new_public_slug():
    """Random and long enough that public pages cannot be found by counting."""
    return secrets.token_urlsafe(9)


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
    description = FreeTextField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    price_min = models.DecimalField(
        _("lowest price (baht)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    price_max = models.DecimalField(
        _("highest price (baht)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    otop_mark = models.CharField(
        _("OTOP mark"), max_length=12, choices=OtopMark.choices, blank=True
    )
    story_origin = FreeTextField(_("origin"), max_length=DESCRIPTION_LENGTH, blank=True)
    story_wisdom = FreeTextField(_("local wisdom"), max_length=DESCRIPTION_LENGTH, blank=True)
    story_materials = FreeTextField(_("materials"), max_length=DESCRIPTION_LENGTH, blank=True)
    story_people = FreeTextField(
        _("the people behind it"), max_length=DESCRIPTION_LENGTH, blank=True
    )
    # English for buyers from abroad, only where the group wrote one.
    name_en = models.CharField(_("product name in English"), max_length=200, blank=True)
    story_en = FreeTextField(_("story in English"), max_length=DESCRIPTION_LENGTH, blank=True)
    # The product's public address: random, so that pages cannot be found by counting ids.
    public_slug = models.CharField(
        max_length=20, unique=True, default=new_public_slug, editable=False
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()
    area = Area(
        province="group__province", district="group__subdistrict__district", own="group__members"
    )

    class Meta:
        ordering = ["sort_name", "id"]
        indexes = [
            models.Index(fields=["category", "group"]),
            models.Index(fields=["otop_mark", "group"], name="product_mark_group"),
        ]
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
        """Today's rating (see `rating_on`)."""
        return self.rating_on(timezone.localdate())

    def rating_on(self, day):
        """The rating of the latest round valid on `day`, or None (uses prefetched `ratings`)."""
        valid = [r for r in self.ratings.all() if r.round.is_valid_on(day)]
        return max(valid, key=lambda r: r.round.year, default=None)


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
    history = HistoricalRecords()

    area = Area(
        province="product__group__province",
        district="product__group__subdistrict__district",
        own="product__group__members",
    )

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

"""Where producers are: regions, provinces (with their officers), districts and subdistricts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
    # District community development officers, who register and visit the district's groups.
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="officer_districts",
        blank=True,
        verbose_name=_("district officers"),
    )

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

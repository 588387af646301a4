"""A national fair's booth quota per province and category (issue 18): the head office shares
the hall out, each province's committee fills its own quota from its ranked list."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area
from producers.models import Category, Province

from .fairs import Fair

MAX_QUOTA = 10_000


class ProvinceQuota(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="quotas")
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    category = models.CharField(_("product category"), max_length=20, choices=Category.choices)
    booths = models.PositiveIntegerField(_("booths"))
    history = HistoricalRecords()
    # A quota row is its province's share of the national hall: that province's officers read it.
    area = Area(province="province")

    class Meta:
        ordering = ["fair", "province__sort_name", "category"]
        verbose_name = _("province quota")
        verbose_name_plural = _("province quotas")
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "province", "category"], name="one_quota_per_province_category"
            ),
            models.CheckConstraint(
                condition=Q(booths__lte=MAX_QUOTA), name="quota_booths_within_bounds"
            ),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="quota_category_is_known"
            ),
        ]

    def __str__(self):
        return f"{self.fair} · {self.province} · {self.get_category_display()}: {self.booths}"

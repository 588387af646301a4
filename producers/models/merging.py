"""Groups that became the same when stored text was normalised, kept apart for an officer to merge.

Two rows whose registration numbers differed only in Thai digits or invisible characters are one
group entered twice. Merging decides which products, members and history to keep, so it is an
officer's decision: the data migration keeps both rows and lists the pair here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from otop_fair.areas import Area, AreaQuerySet

from .groups import ProducerGroup


class GroupMergeCandidate(models.Model):
    group = models.ForeignKey(
        ProducerGroup,
        on_delete=models.CASCADE,
        related_name="merge_candidates",
        verbose_name=_("group"),
    )
    same_as = models.ForeignKey(
        ProducerGroup, on_delete=models.CASCADE, related_name="+", verbose_name=_("same as")
    )
    normalised_registration_no = models.CharField(_("OTOP registration no."), max_length=40)
    found_at = models.DateTimeField(auto_now_add=True)

    area = Area(province="group__province", district="group__subdistrict__district")

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["normalised_registration_no", "id"]
        verbose_name = _("groups to merge")
        verbose_name_plural = _("groups to merge")
        constraints = [
            models.UniqueConstraint(fields=["group", "same_as"], name="merge_pair_listed_once")
        ]

    def __str__(self):
        return f"{self.group} = {self.same_as}"

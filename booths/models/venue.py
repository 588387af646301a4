"""The venue's own plan (a photo or drawing of the hall), drawn under the booths of a fair."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area

from .fairs import Fair


class VenuePlan(models.Model):
    fair = models.OneToOneField(Fair, on_delete=models.CASCADE, related_name="venue_plan")
    # Re-encoded JPEG (otop_fair.uploads), served only through a permission-checked view.
    image = models.FileField(_("venue plan image"), upload_to="venue_plans/")
    # The image's size on the plan, in plan units of 10 cm: how wide the hall is, and the height
    # that keeps the picture's proportions.
    width = models.PositiveIntegerField(_("width on the plan"))
    height = models.PositiveIntegerField(_("height on the plan"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    area = Area(province="fair__province")

    class Meta:
        verbose_name = _("venue plan")
        verbose_name_plural = _("venue plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(width__gt=0) & Q(height__gt=0), name="venue_plan_has_size"
            ),
        ]

    def __str__(self):
        return str(self.fair)

    @property
    def width_m(self):
        """How wide the hall in the picture is, in metres (ten plan units to a metre)."""
        return self.width / 10

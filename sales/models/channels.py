"""Market channels beyond fairs: sales events a producer group takes part in, with their takings."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import area_q
from otop_fair.thai import thai_date
from producers.models import ProducerGroup


class ChannelKind(models.TextChoices):
    FESTIVAL_GIFTS = "festival_gifts", _("Festival gift orders")
    FACTORY_DAY = "factory_day", _("Sales day in a factory or office")
    MOBILE_UNIT = "mobile_unit", _("Mobile government unit")
    STUDY_VISIT = "study_visit", _("Study-visit site")
    OTHER = "other", _("Other channel")


class ChannelSaleQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Officers see their provinces' groups (the head office every province); producers their
        own groups' events; anyone else, or a former officer, nothing."""
        return self.filter(area_q(user, province="group__province", own="group__members"))


class ChannelSale(models.Model):
    """One sales event of a group outside the fairs: when, where, what kind, and what it took."""

    group = models.ForeignKey(
        ProducerGroup,
        on_delete=models.PROTECT,
        related_name="channel_sales",
        verbose_name=_("group"),
    )
    day = models.DateField(_("date"))
    kind = models.CharField(_("channel"), max_length=20, choices=ChannelKind.choices)
    place = models.CharField(_("place"), max_length=200)
    takings = models.DecimalField(_("takings (baht)"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ChannelSaleQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "id"]
        verbose_name = _("market channel sale")
        verbose_name_plural = _("market channel sales")
        constraints = [
            models.CheckConstraint(
                condition=Q(takings__gte=0), name="channel_takings_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ChannelKind.values), name="channel_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.group} · {self.get_kind_display()} {thai_date(self.day)}"

"""What a group chose to show the public, and an officer's hiding of a page that breaks the rules.

Every switch is off by default: nothing about a group is public until the group turns it on.
Public pages are found by an opaque slug, never by a database id.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otop_fair.areas import Area

from .groups import ProducerGroup, new_public_slug

# The public switches, in the order the settings form shows them.
PUBLIC_SWITCHES = ("show_story", "show_products", "show_ratings", "show_location", "show_contact")


class PublicProfile(models.Model):
    group = models.OneToOneField(
        ProducerGroup,
        on_delete=models.CASCADE,
        related_name="public_profile",
        verbose_name=_("group"),
    )
    slug = models.CharField(max_length=20, unique=True, default=new_public_slug, editable=False)
    show_story = models.BooleanField(_("show our product stories"), default=False)
    show_products = models.BooleanField(_("show products with photos and prices"), default=False)
    show_ratings = models.BooleanField(
        _("show stars and certificates with their validity"), default=False
    )
    show_location = models.BooleanField(_("show our district and province"), default=False)
    show_contact = models.BooleanField(_("show our public contact channel"), default=False)
    contact_channel = models.CharField(
        _("public contact channel"),
        max_length=100,
        blank=True,
        help_text=_("For example a LINE official account (@…) or a shop phone number."),
    )
    is_hidden = models.BooleanField(_("hidden by an officer"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()
    area = Area(
        province="group__province", district="group__subdistrict__district", own="group__members"
    )

    class Meta:
        verbose_name = _("public page settings")
        verbose_name_plural = _("public page settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_hidden=False) | ~models.Q(hidden_reason=""),
                name="hidden_public_page_has_reason",
            )
        ]

    def __str__(self):
        return str(self.group)

    @property
    def is_public(self):
        return not self.is_hidden and any(getattr(self, s) for s in PUBLIC_SWITCHES)

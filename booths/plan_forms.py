"""The venue plan's form: a picture of the hall checked like every upload, and its width."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from booths.forms import MetresField
from booths.services.floor import UNITS_PER_METRE
from otop_fair.forms import ThaiForm
from otop_fair.uploads import validate_and_reencode_image


class VenuePlanForm(ThaiForm):
    """A photo or drawing of the hall, and how wide the hall is, so booths sit on it to scale."""

    image = forms.FileField(
        label=_("picture of the venue's plan"),
        help_text=_("JPEG, PNG or WebP, at most 10 MB. It is drawn under the booths."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    width_m = forms.DecimalField(
        label=_("width of the hall in the picture (m)"),
        min_value=Decimal(1), max_value=10_000, decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
    )  # fmt: skip

    def clean_image(self):
        full, _thumbnail = validate_and_reencode_image(self.cleaned_data["image"])
        return full

    def width(self):
        return int(self.cleaned_data["width_m"] * UNITS_PER_METRE)


class ZoneMoveForm(ThaiForm):
    """How far to shift a whole zone, in metres (negative: left or up)."""

    right_m = MetresField(
        label=_("move right (m)"), min_value=-10_000, max_value=10_000, decimal_places=1,
        initial=0, help_text=_("A negative distance moves the zone left."),
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )  # fmt: skip
    down_m = MetresField(
        label=_("move down (m)"), min_value=-10_000, max_value=10_000, decimal_places=1,
        initial=0, help_text=_("A negative distance moves the zone up."),
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )  # fmt: skip

    def shift(self):
        """(right, down) in plan units."""
        data = self.cleaned_data
        return int(data["right_m"] * UNITS_PER_METRE), int(data["down_m"] * UNITS_PER_METRE)

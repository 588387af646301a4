"""The venue plan's form: a picture of the hall checked like every upload, and its width."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

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

"""Forms of a booth's fair days: the day's sales, an officer's visit note, the fair's cut-off."""

from decimal import Decimal

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from otop_fair.forms import ThaiForm
from otop_fair.thai_text import plain_number


class BahtField(forms.DecimalField):
    """Baht typed on a phone: `1,250.50`, `1 250` and `฿1250` all read as 1250(.50); a comma
    that does not group thousands (`12,50`) is refused, never read as 1250."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal(0))
        # Django's DecimalField reports bad text as a ValidationError, never InvalidOperation:
        # without this the page said only "Enter a number", not what an amount looks like.
        kwargs.setdefault("error_messages", {"invalid": _("Enter an amount in baht, e.g. 1250.")})
        super().__init__(**kwargs)
        self.widget = forms.TextInput(
            attrs={"inputmode": "decimal", "autocomplete": "off", "class": "form-control"}
        )

    def to_python(self, value):
        if isinstance(value, str):
            # Dropping every comma read a decimal comma or a slipped one (12,50) as 1250.
            value = plain_number(value)
        return super().to_python(value)


class DailySalesForm(ThaiForm):
    hidden_field_messages = {
        "day": _(
            "The day of this form was not recognised, so nothing was saved. Your figures are "
            "kept: check the day shown above and save again."
        )
    }

    day = forms.DateField(widget=forms.HiddenInput)
    client_key = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    amount = BahtField(label=_("Today's total sales (baht)"))
    orders = BahtField(
        label=_("Orders taken today (baht)"),
        required=False,
        help_text=_(
            "Orders taken at the booth for later delivery. When an order is delivered or paid "
            "later, do not enter it again as a sale."
        ),
    )
    units = forms.IntegerField(
        label=_("Units sold (optional)"),
        required=False,
        min_value=0,
        max_value=1_000_000,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "form-control"}
        ),
    )
    cash_amount = BahtField(label=_("of which cash (baht)"), required=False)
    transfer_amount = BahtField(label=_("of which transfer or QR (baht)"), required=False)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    amount_confirmed = forms.BooleanField(
        label=_("The amount is right"),
        required=False,
        help_text=_("Tick only when asked: the day is far more than the booth usually takes."),
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, needs_reason=False, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_reason:
            self.fields["reason"] = forms.CharField(
                label=_("Reason for the change (officers)"),
                required=False,
                max_length=100,
                help_text=_("Needed after the cut-off; kept in the audit trail."),
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )

    @property
    def asks_to_confirm(self):
        """Whether the service asked to confirm an implausible day (the tick is then shown)."""
        return self.has_error(NON_FIELD_ERRORS, code="implausible")

    def clean(self):
        data = super().clean()
        amount = data.get("amount")
        if "orders" in data and data["orders"] is None:
            data["orders"] = Decimal(0)
        split = (data.get("cash_amount") or 0) + (data.get("transfer_amount") or 0)
        if amount is not None and split > amount:
            # Said next to the cash box, where the person corrects it, not at the top.
            field = "cash_amount" if data.get("cash_amount") else "transfer_amount"
            self.add_error(field, _("Cash and transfer together are more than the day's total."))
        return data


class EncouragementVisitForm(ThaiForm):
    hidden_field_messages = {
        "day": _("The day of this visit note was not recognised. Open the day again and resend.")
    }

    day = forms.DateField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Visit note"),
        max_length=500,
        error_messages={"required": _("Write a short note of the visit.")},
    )


class SalesCutoffForm(ThaiForm):
    days_after = forms.IntegerField(
        label=_("Producers may fix a day until … days later"), min_value=0, max_value=14
    )
    cutoff_time = forms.TimeField(
        label=_("at (time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )

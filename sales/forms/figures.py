"""Forms of the officers' fair figures and the market-channel ledger."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from otop_fair.form_keys import FormKeyField
from otop_fair.forms import ThaiForm
from otop_fair.thai_dates import BuddhistDateField
from producers.models import ProducerGroup, Province
from sales.forms.daily import BahtField
from sales.models import ChannelKind


class VisitorsForm(ThaiForm):
    day = BuddhistDateField(label=_("fair day"))
    count = forms.IntegerField(
        label=_("visitors"),
        min_value=0,
        max_value=10_000_000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "form-control"}),
    )


class VisitorSheetForm(ThaiForm):
    sheet = forms.FileField(
        label=_("the venue's counter sheet (Excel or CSV)"),
        help_text=_("One row per day: the date (31/12/2569), then the number of visitors."),
    )


class SalesTargetForm(ThaiForm):
    province = forms.ModelChoiceField(
        label=_("province"),
        queryset=Province.objects.order_by("sort_name"),
        required=False,
        empty_label=_("the whole fair"),
        help_text=_("At a national fair, a target per province as well as the fair's."),
    )
    amount = BahtField(label=_("target of sales and orders (baht)"), min_value=Decimal("0.01"))


class ChannelSaleForm(ThaiForm):
    client_key = FormKeyField()
    group = forms.ModelChoiceField(label=_("group"), queryset=ProducerGroup.objects.none())
    day = BuddhistDateField(label=_("date"))
    kind = forms.ChoiceField(label=_("channel"), choices=ChannelKind.choices)
    place = forms.CharField(label=_("place"), max_length=200)
    takings = BahtField(label=_("takings (baht)"))
    note = forms.CharField(label=_("note"), max_length=500, required=False)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        if len(groups) == 1:
            self.fields["group"].initial = groups[0]

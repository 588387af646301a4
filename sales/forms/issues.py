"""Forms of problem reports: the report raised at the booth, and an officer's handling of it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from otop_fair.form_keys import FormKeyField
from otop_fair.forms import ThaiForm
from otop_fair.free_text import DESCRIPTION_LENGTH, BoundedTextField
from otop_fair.uploads import validate_and_reencode_image
from sales.models import IssueCategory, IssueStatus


class IssueReportForm(ThaiForm):
    category = forms.ChoiceField(
        label=_("What kind of problem?"), choices=IssueCategory.choices, widget=forms.RadioSelect
    )
    description = BoundedTextField(
        label=_("What happened?"),
        max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    client_key = FormKeyField()

    def __init__(self, *args, booths=None, **kwargs):
        super().__init__(*args, **kwargs)
        if booths is not None:
            self.fields["booth"] = forms.ModelChoiceField(
                label=_("Booth"), queryset=booths, required=False
            )
            self.order_fields(["booth", "category", "description", "photo"])

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return validate_and_reencode_image(photo) if photo else None


class IssueActionForm(ThaiForm):
    status = forms.ChoiceField(label=_("Move to"), choices=IssueStatus.choices)
    resolution = BoundedTextField(
        label=_("How it was solved"),
        max_length=DESCRIPTION_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

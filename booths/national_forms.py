"""Forms of the national fair's district nomination and of appeals against a result."""

from django import forms
from django.utils.translation import gettext_lazy as _

from booths.models import AppealStatus, NominationDecision
from otop_fair.forms import ThaiForm
from otop_fair.free_text import DESCRIPTION_LENGTH, REASON_LENGTH, BoundedTextField


class NominationForm(ThaiForm):
    decision = forms.ChoiceField(label=_("decision"), choices=NominationDecision.choices)
    reason = BoundedTextField(
        label=_("reason"),
        max_length=REASON_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the application is not nominated; the group reads it."),
    )

    def clean(self):
        data = super().clean()
        # A reason refused already (too long) is not also called missing.
        declined = data.get("decision") == NominationDecision.DECLINED
        if declined and not data.get("reason") and "reason" not in self.errors:
            self.add_error("reason", _("Write why the application is not nominated."))
        return data


class AppealForm(ThaiForm):
    grounds = BoundedTextField(
        label=_("why the result should change"),
        max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AppealDecisionForm(ThaiForm):
    status = forms.ChoiceField(
        label=_("decision"),
        choices=[(AppealStatus.UPHELD, _("Uphold")), (AppealStatus.DISMISSED, _("Dismiss"))],
        widget=forms.RadioSelect,
    )
    reason = BoundedTextField(
        label=_("reason for the decision"),
        max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AppealRunForm(ThaiForm):
    """Which unpublished allocation version the upheld appeal publishes."""

    run = forms.ModelChoiceField(queryset=None, label=_("allocation version"))

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run"].queryset = fair.runs.filter(is_published=False)
        self.fields["run"].label_from_instance = lambda run: _("version %(v)s") % {"v": run.version}

from django import forms
from django.utils.translation import gettext_lazy as _

from otop_fair.forms import ThaiModelForm
from otop_fair.notifications.models import Channel, ContactPreference

PERSON_CHANNELS = [(c.value, c.label) for c in (Channel.LINE, Channel.SMS, Channel.EMAIL)]


class ContactPreferenceForm(ThaiModelForm):
    channels = forms.MultipleChoiceField(
        label=_("Reach me by (in this order)"),
        choices=PERSON_CHANNELS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    quiet_from = forms.TimeField(label=_("Quiet from (e.g. 21:00)"), required=False)
    quiet_until = forms.TimeField(label=_("Quiet until (e.g. 07:00)"), required=False)

    class Meta:
        model = ContactPreference
        fields = ["channels", "quiet_from", "quiet_until"]

    def clean(self):
        data = super().clean()
        if bool(data.get("quiet_from")) != bool(data.get("quiet_until")):
            raise forms.ValidationError(_("Give both times of the quiet hours, or neither."))
        if data.get("quiet_from") and data.get("quiet_from") == data.get("quiet_until"):
            self.add_error("quiet_until", _("The quiet hours must end at another time."))
        return data

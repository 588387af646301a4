"""Forms for network meetings and their action items."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from booths.models import Fair
from otop_fair.form_keys import FormKeyField
from otop_fair.forms import ThaiModelForm
from otop_fair.thai_dates import BuddhistDateField
from producers.models import ProducerGroup, Province
from sales.models import ActionItem, NetworkMeeting


def _officers():
    return get_user_model().objects.filter(role="officer", is_active=True).order_by("username")


class MeetingForm(ThaiModelForm):
    client_key = FormKeyField()
    groups_present = forms.ModelMultipleChoiceField(
        queryset=ProducerGroup.objects.none(),
        required=False,
        label=_("Groups that attended"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    groups_absent = forms.ModelMultipleChoiceField(
        queryset=ProducerGroup.objects.none(),
        required=False,
        label=_("Groups invited who did not attend"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    officers = forms.ModelMultipleChoiceField(
        queryset=_officers(),
        required=False,
        label=_("Officers who attended"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    groups_invited = forms.ModelMultipleChoiceField(
        queryset=ProducerGroup.objects.none(),
        required=False,
        label=_("Groups invited"),
        help_text=_("Their members get the invitation (LINE, SMS or e-mail)."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    officers_invited = forms.ModelMultipleChoiceField(
        queryset=_officers(),
        required=False,
        label=_("Officers invited"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )

    class Meta:
        model = NetworkMeeting
        fields = ["fair", "province", "held_on", "place", "agenda", "minutes", "decisions"]
        field_classes = {"held_on": BuddhistDateField}
        widgets = {
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 6}),
            "decisions": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        groups = ProducerGroup.objects.visible_to(user).only("id", "name")
        self.fields["groups_present"].queryset = groups
        self.fields["groups_absent"].queryset = groups
        self.fields["groups_invited"].queryset = groups
        self.fields["officers"].queryset = _officers()
        self.fields["officers_invited"].queryset = _officers()
        self.fields["fair"].queryset = Fair.objects.visible_to(user)
        self.fields["province"].queryset = _provinces_of(user)
        self.fields["province"].required = False
        self.fields["province"].help_text = _("For a meeting without a fair.")
        if self.instance.pk:
            rows = list(self.instance.attendance.all())
            self.initial.update(
                groups_present=[r.group_id for r in rows if r.group_id and r.attended],
                groups_absent=[r.group_id for r in rows if r.group_id and not r.attended],
                officers=[r.officer_id for r in rows if r.officer_id],
            )
            invited = list(self.instance.invitees.all())
            self.initial.update(
                groups_invited=[r.group_id for r in invited if r.group_id],
                officers_invited=[r.officer_id for r in invited if r.officer_id],
            )

    def clean(self):
        """A meeting of a fair belongs to the fair's province; one without a fair to the
        province chosen here, which must be one of the officer's. A group is either present or
        absent, never both."""
        cleaned = super().clean()
        both = attended_and_absent(cleaned.get("groups_present"), cleaned.get("groups_absent"))
        if both:
            names = ", ".join(group.name for group in both)
            self.add_error(
                "groups_absent",
                _("Ticked both as attended and as not attended: %(groups)s. Choose one.")
                % {"groups": names},
            )
        fair = cleaned.get("fair")
        if fair is not None:
            cleaned["province"] = fair.province
        elif not cleaned.get("province") and "province" not in self.errors:
            self.add_error("province", _("Choose the province of a meeting without a fair."))
        return cleaned


def attended_and_absent(present, absent):
    """The groups ticked both as present and as absent, in name order."""
    both = set(present or ()) & set(absent or ())
    return sorted(both, key=lambda group: group.name)


def _provinces_of(user):
    if user.is_superuser:
        return Province.objects.all()
    return Province.objects.filter(officers=user)


class ActionItemForm(ThaiModelForm):
    client_key = FormKeyField()

    class Meta:
        model = ActionItem
        fields = ["description", "owner_group", "owner_officer", "due_on", "status"]
        field_classes = {"due_on": BuddhistDateField}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        attending = meeting.attendance.filter(group__isnull=False).values("group")
        self.fields["owner_group"].queryset = ProducerGroup.objects.filter(pk__in=attending)
        self.fields["owner_officer"].queryset = _officers()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("owner_group") and not cleaned.get("owner_officer"):
            raise forms.ValidationError(_("Name a responsible group or officer."))
        return cleaned

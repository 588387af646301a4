"""The form of a zone's own rule, and of an officer's flag on a producer group."""

from django import forms
from django.utils.translation import gettext_lazy

from booths.models import GroupFlag, ZoneRule
from otop_fair.forms import ThaiForm
from producers.models import Category, OtopMark, Quadrant


class ZoneRuleForm(ThaiForm):
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("product categories of the zone"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: every category."),
    )
    min_stars = forms.IntegerField(
        label=gettext_lazy("at least this many stars"), required=False, min_value=1, max_value=5
    )
    quadrants = forms.MultipleChoiceField(
        label=gettext_lazy("allowed quadrants"),
        choices=Quadrant.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    marks = forms.MultipleChoiceField(
        label=gettext_lazy("accepted OTOP marks"),
        choices=OtopMark.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    registered_within_years = forms.IntegerField(
        label=gettext_lazy("registered in the last N years"),
        required=False,
        min_value=1,
        max_value=50,
    )
    flag = forms.ChoiceField(
        label=gettext_lazy("only groups an officer has flagged as"),
        choices=[("", "—"), *GroupFlag.choices],
        required=False,
    )

    @classmethod
    def for_rule(cls, rule: ZoneRule | None, data=None):
        initial = {name: getattr(rule, name) for name in cls.base_fields} if rule else {}
        return cls(data, initial=initial)


class GroupFlagForm(ThaiForm):
    flag = forms.ChoiceField(label=gettext_lazy("flag"), choices=GroupFlag.choices)
    reason = forms.CharField(
        label=gettext_lazy("reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

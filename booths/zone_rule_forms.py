"""The form of a zone's own rule, and of an officer's flag on a producer group."""

from django import forms
from django.utils.translation import gettext_lazy

from booths.models import GroupFlag, ZoneRule
from booths.rule_fields import marks_field, min_stars_field, quadrants_field
from otop_fair.forms import ThaiForm
from otop_fair.free_text import REASON_LENGTH, BoundedTextField
from producers.models import Category


class ZoneRuleForm(ThaiForm):
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("product categories of the zone"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: every category."),
    )
    min_stars = min_stars_field()
    quadrants = quadrants_field()
    marks = marks_field()
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
    reason = BoundedTextField(
        label=gettext_lazy("reason"),
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

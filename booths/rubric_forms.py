"""The rubric's forms: its criteria edited as one table, or copied from another fair."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from booths.models import Criterion, Fair
from booths.rubrics import province_rubric, shared_rubric
from otop_fair.forms import ThaiForm, ThaiModelForm


class CriterionForm(ThaiModelForm):
    constraint_messages = {
        "criterion_name_unique_in_fair": _("The rubric already has a criterion with this name."),
        "criterion_name_unique_in_province_rubric": _(
            "The rubric already has a criterion with this name."
        ),
        "criterion_weight_positive": _("The weight must be above zero."),
        "criterion_max_positive": _("The maximum score must be above zero."),
    }

    class Meta:
        model = Criterion
        fields = ["name", "description", "weight", "max_score", "order"]


class FairCriteriaFormSet(forms.BaseModelFormSet):
    """The rubric of one fair: each row knows its fair, so the database's rules are checked
    per row, and two rows of the same name are refused on the cell."""

    def __init__(self, *args, fair, province=None, **kwargs):
        """`province`: a national fair's province's own rubric instead of the fair's."""
        self.fair, self.province = fair, province
        rubric = shared_rubric(fair) if province is None else province_rubric(fair, province.pk)
        super().__init__(*args, queryset=rubric, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.fair, form.instance.province = self.fair, self.province
        return form

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            name = form.cleaned_data.get("name") if hasattr(form, "cleaned_data") else None
            if not name or form.cleaned_data.get("DELETE"):
                continue
            if name in seen:
                form.add_error("name", _("The rubric already has a criterion with this name."))
            seen.add(name)


CriterionFormSet = forms.modelformset_factory(
    Criterion, form=CriterionForm, formset=FairCriteriaFormSet, extra=3, can_delete=True
)


class CopyCriteriaForm(ThaiForm):
    source = forms.ModelChoiceField(
        queryset=Fair.objects.none(),
        required=False,
        label=_("copy from fair"),
        empty_label=_("the default rubric"),
    )

    def __init__(self, *args, fair, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Another province's rubric is a copy source only when its fair shares it.
        own = Fair.objects.visible_to(user).values("pk")
        self.fields["source"].queryset = (
            Fair.objects.exclude(pk=fair.pk)
            .filter(criteria__isnull=False, criteria__province__isnull=True)
            .filter(Q(pk__in=own) | Q(rubric_shared=True))
            .distinct()
        )

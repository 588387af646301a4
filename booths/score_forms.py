"""A committee member's score sheet: one value and comment per criterion of the rubric, with the
criteria still empty marked as such (never read as zero) and counted before submitting."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from otop_fair.forms import ThaiForm


class ScoreForm(ThaiForm):
    """One value and comment per criterion of the fair's rubric. `submit`: the member submits,
    so every criterion must hold a value; each empty one is marked where it is."""

    def __init__(self, *args, criteria, scores, submit=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria, self.submit = criteria, submit
        for c in criteria:
            held = scores.get(c.pk)
            self.fields[f"value_{c.pk}"] = forms.DecimalField(
                label=c.name,
                min_value=0,
                max_value=c.max_score,
                decimal_places=2,
                required=False,
                initial=held.value if held else None,
                help_text=_("0 to %(max)s") % {"max": c.max_score},
                widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
            )
            self.fields[f"comment_{c.pk}"] = forms.CharField(
                label=_("comment"),
                max_length=500,
                required=False,
                initial=held.comment if held else "",
            )

    def _is_empty(self, criterion):
        value = self[f"value_{criterion.pk}"].value()
        return value is None or str(value).strip() == ""

    def rows(self):
        """(criterion, value field, comment field, is the criterion still empty)."""
        return [
            (c, self[f"value_{c.pk}"], self[f"comment_{c.pk}"], self._is_empty(c))
            for c in self.criteria
        ]

    def empty_count(self):
        return sum(self._is_empty(c) for c in self.criteria)

    def clean(self):
        data = super().clean()
        if not self.submit:
            return data
        empty = [c for c in self.criteria if data.get(f"value_{c.pk}") is None]
        for criterion in empty:
            if f"value_{criterion.pk}" not in self.errors:
                self.add_error(
                    f"value_{criterion.pk}", _("Score this criterion before submitting.")
                )
        if empty:
            self.add_error(
                None,
                ngettext(
                    "%(count)s criterion is not scored yet: it is marked below.",
                    "%(count)s criteria are not scored yet: they are marked below.",
                    len(empty),
                )
                % {"count": len(empty)},
            )
        return data

    def values(self):
        return {
            c.pk: (self.cleaned_data[f"value_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"])
            for c in self.criteria
        }

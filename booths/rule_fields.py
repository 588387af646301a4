"""The form fields a fair's eligibility rule and a zone's rule both ask for, worded and bounded
once: the stars, the quadrants of the group and the OTOP marks of its products."""

from django import forms
from django.utils.translation import gettext_lazy as _

from producers.models import OtopMark, Quadrant


def min_stars_field(**extra):
    return forms.IntegerField(
        label=_("at least this many stars"), min_value=1, max_value=5, required=False, **extra
    )


def quadrants_field():
    return _ticks(_("allowed quadrants"), Quadrant.choices)


def marks_field():
    return _ticks(_("accepted OTOP marks"), OtopMark.choices)


def _ticks(label, choices):
    """Boxes to tick, none needed (none ticked: not asked)."""
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
    )

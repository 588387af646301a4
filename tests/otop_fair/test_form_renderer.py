"""The renderer writes a plain `<input>` in Python: byte for byte what Django's own templates
write, for every input widget, any name, value and attributes (escaping, True/False attributes,
safe strings, lazy translations, numbers)."""

from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override
from hypothesis import given, settings
from hypothesis import strategies as st

from otop_fair.form_renderer import INPUT_TEMPLATES, FastInputRenderer
from sales.forms import DailySalesForm

INPUT_WIDGETS = [
    forms.TextInput,
    forms.NumberInput,
    forms.EmailInput,
    forms.URLInput,
    forms.HiddenInput,
    forms.DateInput,
    forms.DateTimeInput,
    forms.TimeInput,
    forms.SearchInput,
    forms.TelInput,
    forms.ColorInput,
    forms.CheckboxInput,
    forms.FileInput,
    lambda attrs: forms.PasswordInput(attrs, render_value=True),
]
DJANGO = DjangoTemplates()
FAST = FastInputRenderer()

awkward_text = st.text(alphabet=st.sampled_from("aกข 1<>&\"'=/\\{}%"), max_size=12)
values = st.one_of(
    st.none(),
    awkward_text,
    awkward_text.map(mark_safe),
    st.integers(-5, 10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**6),
    st.booleans(),
    st.dates(),
    st.just(gettext_lazy("Save")),
)
attr_names = st.sampled_from(["class", "id", "inputmode", "data-x", "required", "min", "a<b"])
attrs = st.dictionaries(attr_names, values, max_size=5)


def test_the_fast_inputs_are_django_templates_that_only_include_input_html():
    for name in INPUT_TEMPLATES - {"django/forms/widgets/input.html"}:
        source = DJANGO.get_template(name).template.source.strip()
        assert source == '{% include "django/forms/widgets/input.html" %}', name


@pytest.mark.parametrize("make", INPUT_WIDGETS)
@settings(max_examples=40, deadline=None)
@given(name=awkward_text.filter(bool), value=values, attrs=attrs)
def test_an_input_renders_as_djangos_template_renders_it(make, name, value, attrs):
    widget = make(attrs)
    with override("th"):
        expected = widget.render(name, value, renderer=DJANGO)
        assert widget.render(name, value, renderer=FAST) == expected


def test_the_daily_sales_form_renders_the_same_bound_with_errors_and_blank():
    bound = DailySalesForm({"day": "x", "amount": "<b>", "note": "ก&ข"}, needs_reason=True)
    bound.is_valid()
    for form in (bound, DailySalesForm(initial={"day": Decimal(1)})):
        for field in form:
            form.renderer = DJANGO
            expected = str(field)
            form.renderer = FAST
            assert str(field) == expected, field.name

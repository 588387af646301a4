"""A hidden field nobody can see or fix (the sales form's fair day, a phone's key, a yes/no an
officer's button carries): a stale or changed value is said at the top of the form in Thai, what
was typed is kept, nothing is saved, and never a 500 or a page that vanishes (404)."""

import datetime
import importlib
import re

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.forms import ExcuseForm
from otop_fair.form_keys import FormKeyField
from otop_fair.forms import ThaiInputMixin
from producers.views.open_data import OpenDataForm
from sales.forms import DailySalesForm, EncouragementVisitForm, IssueReportForm

THAI = re.compile("[\u0e01-\u0e5b]")
FORM_MODULES = [
    "booths.forms",
    "booths.national_forms",
    "booths.plan_forms",
    "booths.quota_forms",
    "booths.rubric_forms",
    "booths.run_forms",
    "booths.zone_rule_forms",
    "producers.forms",
    "producers.views.open_data",
    "producers.views.standards",
    "sales.forms",
    "sales.views.broadcast",
    "otop_fair.accounts.forms",
    "otop_fair.notifications.forms",
]
# Every form with a hidden field, with the visible fields of a valid submission.
VALID_VISIBLE = {
    DailySalesForm: {"amount": "1,234"},
    EncouragementVisitForm: {"note": "ให้กำลังใจ"},
    IssueReportForm: {"category": "electricity", "description": "ไฟดับ"},
    ExcuseForm: {"reason": "ป่วย"},
    OpenDataForm: {"kind": "register"},
}
hidden_values = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["2026-02-30", "0000-00-00", "31/12/2569", "x" * 200, "-1", "๒๕๖๙-๐๑-๐๑"]),
    st.dates().map(datetime.date.isoformat),
)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _hidden_fields(form_class):
    return [n for n, f in form_class.base_fields.items() if isinstance(f.widget, forms.HiddenInput)]


def _hidden_beyond_the_form_key(form_class):
    return [
        n
        for n in _hidden_fields(form_class)
        if not isinstance(form_class.base_fields[n], FormKeyField)
    ]


def test_every_form_with_a_hidden_field_is_checked_here():
    """The create forms' one-time key is one field class: the problem report stands for them."""
    for name in FORM_MODULES:
        importlib.import_module(name)
    with_hidden = {c for c in _subclasses(ThaiInputMixin) if _hidden_beyond_the_form_key(c)}
    assert with_hidden | {IssueReportForm} == set(VALID_VISIBLE)
    assert isinstance(IssueReportForm.base_fields["client_key"], FormKeyField)


@pytest.mark.parametrize("form_class", list(VALID_VISIBLE), ids=lambda c: c.__name__)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_bad_hidden_value_is_said_at_the_top_and_the_typed_values_kept(form_class, data):
    hidden = {name: data.draw(hidden_values, label=name) for name in _hidden_fields(form_class)}
    visible = VALID_VISIBLE[form_class]
    form = form_class({**visible, **hidden})
    valid = form.is_valid()
    assert not set(hidden) & set(form.errors), "an error next to a field nobody can see"
    if not valid:
        assert form.non_field_errors() and all(THAI.search(e) for e in form.non_field_errors())
        assert all(form[name].value() == value for name, value in visible.items())

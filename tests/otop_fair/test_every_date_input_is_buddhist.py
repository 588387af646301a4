"""Every date a person types, in every form of the project, goes through BuddhistDateField: a new
form with a plain DateField (or the browser's CE-only type=date) fails here."""

import importlib
import pkgutil

import pytest
from django import forms

from otop_fair.thai_dates import BuddhistDateField, BuddhistDateInput

PACKAGES = ("booths", "producers", "sales", "otop_fair")
SKIPPED_MODULES = (".migrations", ".management", ".wsgi", ".asgi", ".settings")


def _import_project_modules():
    for name in PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            if not any(part in module.name for part in SKIPPED_MODULES):
                importlib.import_module(module.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def project_forms():
    _import_project_modules()
    return {
        f"{form.__module__}.{form.__qualname__}": form
        for form in _subclasses(forms.BaseForm)
        if form.__module__.startswith(PACKAGES)
    }


def typed_date_fields():
    """(form, field name, field) for every date or date-time field a person types into."""
    for label, form in sorted(project_forms().items()):
        for name, field in form.base_fields.items():
            is_date = isinstance(field, forms.DateField | forms.DateTimeField)
            if is_date and not isinstance(field.widget, forms.HiddenInput):
                yield label, name, field


def test_every_typed_date_in_every_form_takes_the_buddhist_era():
    fields = list(typed_date_fields())
    not_buddhist = [
        f"{label}.{name}"
        for label, name, field in fields
        if not isinstance(field, BuddhistDateField)
        or not isinstance(field.widget, BuddhistDateInput)
        or field.widget.input_type == "date"
    ]
    assert not_buddhist == []
    found = {f"{label.rsplit('.', 1)[1]}.{name}" for label, name, _ in fields}
    assert {
        "FairForm.start_date",
        "FairForm.applications_close_on",
        "CertificationForm.expires_on",
        "VisitForm.follow_up_due",
        "MeetingForm.held_on",
        "ActionItemForm.due_on",
    } <= found, "the walk must reach every app's forms"


def test_no_template_asks_the_browser_for_a_christian_era_date_picker():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "templates"
    pickers = [
        str(t.relative_to(root))
        for t in root.rglob("*.html")
        if 'type="date"' in t.read_text(encoding="utf-8")
    ]
    assert pickers == []


def test_every_date_in_the_admin_takes_the_buddhist_era():
    from django.contrib import admin
    from django.db import models

    not_buddhist = [
        f"{model.__name__}.{field.name}"
        for model, model_admin in admin.site._registry.items()
        for field in model._meta.get_fields()
        if isinstance(field, models.DateField)
        and field.editable
        and not field.auto_now
        and not field.auto_now_add
        and not isinstance(field, models.DateTimeField)
        and not isinstance(
            model_admin.formfield_for_dbfield(field, request=None), BuddhistDateField
        )
    ]
    assert not_buddhist == []


@pytest.mark.django_db
def test_a_rating_rounds_year_is_typed_in_the_buddhist_era():
    from producers.admin import RatingRoundForm

    thresholds = {
        "five_star_min": 90,
        "four_star_min": 80,
        "three_star_min": 70,
        "two_star_min": 50,
    }
    typed_be = RatingRoundForm({"year": "2575", **thresholds})
    assert typed_be.is_valid(), typed_be.errors
    assert typed_be.save().year == 2032
    assert not RatingRoundForm({"year": "2032", **thresholds}).is_valid()
    assert RatingRoundForm(instance=typed_be.instance).initial["year"] == 2575

"""Every box a person can type free text into is bounded, in the form and in the database.

The forms are found by walking the project's modules, so a form added later with an unbounded
text field fails here; the models' free text is found the same way.
"""

import importlib
import pkgutil
import re

import pytest
from django import forms
from django.apps import apps
from django.db import DataError, connection, transaction
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from otop_fair.free_text import FreeTextField

PROJECT_PACKAGES = ("otop_fair", "booths", "producers", "sales")
SKIPPED_MODULES = (".migrations", ".management", ".tests")
SETTINGS = settings(max_examples=40, deadline=None)
THAI = re.compile("[\u0e01-\u0e5b]")


def _import_project_modules():
    for package_name in PROJECT_PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if not any(part in info.name for part in SKIPPED_MODULES):
                importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def project_forms():
    _import_project_modules()
    found = {
        f for f in _subclasses(forms.BaseForm) if f.__module__.split(".")[0] in PROJECT_PACKAGES
    }
    return sorted(found, key=lambda f: f"{f.__module__}.{f.__qualname__}")


def _is_typed_text(field):
    hidden = isinstance(field.widget, forms.HiddenInput | forms.PasswordInput)
    return isinstance(field, forms.CharField) and not hidden


def free_text_fields(*, textarea=False):
    return [
        (form, name, field)
        for form in project_forms()
        for name, field in form.base_fields.items()
        if _is_typed_text(field) and (isinstance(field.widget, forms.Textarea) or not textarea)
    ]


def free_text_columns():
    return [
        (model, field)
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_PACKAGES
        for field in model._meta.concrete_fields
        if isinstance(field, FreeTextField)
    ]


def test_the_walk_finds_the_forms_people_type_problems_and_stories_into():
    names = {f"{form.__qualname__}.{name}" for form, name, _ in free_text_fields()}
    assert {"IssueReportForm.description", "ProductForm.story_origin", "VisitForm.advice"} <= names


def test_no_model_keeps_an_unbounded_text_column_a_person_types_into():
    typed = {f"{m.__name__}.{f.name}" for m, f in free_text_columns()}
    assert {"IssueReport.description", "NetworkMeeting.minutes", "Product.story_people"} <= typed
    # A TextField left is written by the app, never typed (an eligibility rule's own reason).
    unbounded = {
        f"{m.__name__}.{f.name}"
        for m in apps.get_models()
        if m._meta.app_label in PROJECT_PACKAGES and not m.__name__.startswith("Historical")
        for f in m._meta.concrete_fields
        if type(f).__name__ == "TextField"
    }
    assert unbounded <= {"EligibilityCheck.reason", "RunResult.explanation"}, unbounded


@pytest.mark.parametrize(
    ("form", "name", "field"),
    free_text_fields(),
    ids=lambda v: getattr(v, "__qualname__", v if isinstance(v, str) else ""),
)
def test_every_free_text_field_of_every_form_has_a_maximum_length(form, name, field):
    assert field.max_length is not None, f"{form.__module__}.{form.__qualname__}.{name}"


thai_letters = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E)
any_letters = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])


@SETTINGS
@given(data=st.data())
def test_text_longer_than_a_box_holds_is_refused_with_a_thai_message_naming_the_limit(data):
    form_class, name, field = data.draw(st.sampled_from(free_text_fields()))
    extra = data.draw(st.text(thai_letters, min_size=1, max_size=50))
    with translation.override("th"), pytest.raises(forms.ValidationError) as refused:
        field.clean("ก" * field.max_length + extra)
    message = " ".join(refused.value.messages)
    assert THAI.search(message), message
    # A field that reads a code (a phone) may refuse the letters first, in its own Thai words.
    if any(error.code == "max_length" for error in refused.value.error_list):
        assert str(field.max_length) in message.replace(",", ""), message


@SETTINGS
@given(data=st.data())
def test_a_box_of_text_counts_each_line_break_once_as_the_browser_does(data):
    _, _, field = data.draw(st.sampled_from(free_text_fields(textarea=True)))
    lines = data.draw(st.lists(st.text(thai_letters, min_size=1, max_size=30), min_size=2))
    text = "\n".join(lines)[: field.max_length].strip()
    assert field.clean(text.replace("\n", "\r\n")) == text


@pytest.mark.django_db
@SETTINGS
@given(data=st.data())
def test_the_database_refuses_a_text_longer_than_its_column_whatever_path_wrote_it(data):
    model, field = data.draw(st.sampled_from(free_text_columns()))
    extra = data.draw(st.text(any_letters, min_size=1, max_size=20))
    fits = data.draw(st.text(any_letters, max_size=field.max_length))
    column = connection.ops.quote_name(field.column)
    table = connection.ops.quote_name(model._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        # A copy of the column alone, written with raw SQL: no form or model check stands between.
        cursor.execute(
            f"CREATE TEMP TABLE probe ON COMMIT DROP AS SELECT {column} FROM {table} WITH NO DATA"
        )
        cursor.execute("INSERT INTO probe VALUES (%s)", [fits])
        with pytest.raises(DataError), transaction.atomic():
            cursor.execute("INSERT INTO probe VALUES (%s)", ["ก" * field.max_length + extra])
        cursor.execute("DROP TABLE probe")

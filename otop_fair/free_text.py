"""Free text a person types (a problem, a story, minutes, a reason): bounded in the form and in
the database, told in Thai when it is too long, with a live counter beside the box.

A model's free text is a `FreeTextField` (varchar(n): the database itself refuses a longer text);
a form's, a `BoundedTextField`. Every form in the app (`ThaiInputMixin`) gives each bounded text
field the Thai message and the counter, so no form carries its own copy.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Named sizes, so two boxes that hold the same kind of text hold the same amount of it.
REASON_LENGTH = 500  # why a decision was taken: read in an audit line or a notice
DESCRIPTION_LENGTH = 2000  # a problem, a story, a visit: a few paragraphs typed on a phone
MINUTES_LENGTH = 10_000  # a meeting's minutes: typed on a laptop

TOO_LONG = _(
    "This is too long: at most %(limit)s characters, and it has %(length)s. "
    "Please shorten it (the counter under the box shows how many are left)."
)
COUNTER_TEXT = _("%(count)s of %(limit)s characters")


def _newlines(text):
    # A browser sends each line break as \r\n but counts it as one character under the box.
    return text.replace("\r\n", "\n").replace("\r", "\n")


class TextLengthValidator(MaxLengthValidator):
    """Django's own max-length check, saying the limit and the length with thousands separators."""

    def __call__(self, value):
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            params = {"limit": f"{self.limit_value:,}", "length": f"{length:,}"}
            raise ValidationError(TOO_LONG, code="max_length", params=params)


def bound_text_field(field):
    """Gives a form's text field with a maximum length the Thai message, and a box the counter."""
    if not isinstance(field, forms.CharField) or field.max_length is None:
        return
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.validators.append(TextLengthValidator(field.max_length))
    if isinstance(field.widget, forms.Textarea):
        field.widget.attrs.setdefault("data-text-limit", field.max_length)
        field.widget.attrs.setdefault("data-counter-text", COUNTER_TEXT)


class BoundedTextField(forms.CharField):
    """A box of free text: a text area by default, line breaks counted as the browser counts them."""

    widget = forms.Textarea

    def __init__(self, *, max_length, **kwargs):
        super().__init__(max_length=max_length, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        return _newlines(text) if isinstance(text, str) else text


class FreeTextField(models.CharField):
    """A model's free text: a bounded column (varchar), typed in a `BoundedTextField`."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": BoundedTextField, **kwargs})


def shorten_longer_texts(app_label, limits):
    """A migration step run before a column is bounded: a text typed before the bound that is
    longer than it is cut to fit, ending in "…", rather than failing the migration.

    `limits` maps a model name to {field name: maximum length}."""

    def shorten(apps, schema_editor):
        from django.db.models import Value
        from django.db.models.functions import Concat, Left, Length

        for model_name, fields in limits.items():
            model = apps.get_model(app_label, model_name)
            for name, limit in fields.items():
                too_long = model._default_manager.annotate(_length=Length(name))
                too_long.filter(_length__gt=limit).update(
                    **{name: Concat(Left(name, limit - 1), Value("…"))}
                )

    return shorten

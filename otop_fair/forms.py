"""The base of every form in the app: typed text is normalised before any field cleans it, and the
database's unique and check rules come back as Thai messages next to the field they concern."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, UniqueConstraint
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from otop_fair.free_text import bound_text_field
from otop_fair.thai_text import arabic_digits, canonical_phone, normalise_text, plain_number

# Fields whose value is a code or a number: Thai digits are written as 0–9 there.
CODE_FIELD_NAMES = frozenset(
    {"code", "registration_no", "own_group_no", "prefix", "number", "certificate_no", "phone"}
)
NUMERIC_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField, forms.ModelChoiceField)
# Fields that hold a quantity: typed the way people write one (1,500.-, 1500 บาท) they read as it.
QUANTITY_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField)


def _is_secret_or_file(field):
    return isinstance(field.widget, forms.PasswordInput) or isinstance(field, forms.FileField)


def _normalise_values(values, *, digits):
    cleaned = [normalise_text(v) if isinstance(v, str) else v for v in values]
    return [arabic_digits(v) if digits and isinstance(v, str) else v for v in cleaned]


def _as_text_input(widget, field):
    """A quantity's box as a text box with the phone's number keypad. A browser's number box
    (`type=number`) sends nothing for what it cannot read, such as `2,000.-`: the form then saved
    an empty price without a word, instead of reading it or saying what is wrong."""
    attrs = {k: v for k, v in widget.attrs.items() if k not in ("step", "min", "max")}
    fractions = isinstance(field, forms.DecimalField | forms.FloatField)
    attrs.setdefault("inputmode", "decimal" if fractions else "numeric")
    return forms.TextInput(attrs=attrs)


class ThaiInputMixin:
    """Normalises the bound data of every field (never a password or a file) before cleaning.

    `code_fields` names the fields whose Thai digits become 0–9 (numeric fields always do).
    """

    code_fields = CODE_FIELD_NAMES
    # A hidden field's own message ("Enter a valid date") would mean nothing to the person, who
    # never saw the field: a form may say here, per hidden field, what went wrong in its terms.
    hidden_field_messages = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, QUANTITY_FIELDS):
                field.to_python = _read_as_written(field)
            if isinstance(field, forms.DecimalField):
                field.to_python = _finite_only(field)
            bound_text_field(field)
            if type(field.widget) is forms.NumberInput:
                field.widget = _as_text_input(field.widget, field)

    def full_clean(self):
        if self.is_bound and self.data:
            self.data = self._normalised_data()
        super().full_clean()
        if self.is_bound:
            self._move_hidden_field_errors()

    def _move_hidden_field_errors(self):
        """A hidden field's error is shown nowhere next to it (a stale or changed page): it goes
        to the top of the form, in words the person can act on."""
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.HiddenInput) and name in self._errors:
                del self._errors[name]
                message = self.hidden_field_messages.get(name, HIDDEN_FIELD_MESSAGE)
                if message not in self.non_field_errors():
                    self.add_error(None, message)

    def _normalised_data(self):
        data = self.data.copy() if isinstance(self.data, MultiValueDict) else dict(self.data)
        for name, field in self.fields.items():
            if _is_secret_or_file(field):
                continue
            digits = name in self.code_fields or isinstance(field, NUMERIC_FIELDS)
            prefix = self.add_prefix(name)
            # A MultiWidget posts its parts as name_0, name_1, …
            for key in [k for k in data if k == prefix or k.startswith(prefix + "_")]:
                if isinstance(data, MultiValueDict):
                    data.setlist(key, _normalise_values(data.getlist(key), digits=digits))
                else:
                    value = data[key]
                    many = isinstance(value, list | tuple)
                    result = _normalise_values(value if many else [value], digits=digits)
                    data[key] = result if many else result[0]
        return data


HIDDEN_FIELD_MESSAGE = _(
    "This page was out of date or changed on the way, so nothing was saved. What you typed is "
    "kept: check it and send it again."
)


def error_summary(form):
    """A failed form's messages in one line, the form's own first, for a view that answers a
    POST with a redirect (the page it returns to shows the line as a message)."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def _read_as_written(field):
    """`field.to_python` reading the number in `1,500.-` or `1500 บาท`; the box keeps showing
    what was typed when the form comes back with an error."""
    to_python = field.to_python

    def written_to_python(value):
        if isinstance(value, str):
            value = plain_number(value)
            # Python reads 1e5 as 100000; nobody writes an amount so, but a paste can carry it.
            if "e" in value.lower():
                raise ValidationError(field.error_messages["invalid"], code="invalid")
        return to_python(value)

    return written_to_python


def _finite_only(field):
    """`field.to_python` refusing NaN, sNaN and infinities as invalid input. Django refuses them
    only in `validate`, after a formset has already compared the value with its initial one, and
    comparing a signalling NaN raises InvalidOperation (a 500)."""
    to_python = field.to_python

    def finite_to_python(value):
        number = to_python(value)
        if number is not None and not number.is_finite():
            raise ValidationError(field.error_messages["invalid"], code="invalid")
        return number

    return finite_to_python


class ThaiForm(ThaiInputMixin, forms.Form):
    pass


DEFAULT_CHECK_MESSAGE = _("This value is outside what is allowed.")


def _constraints_checked_by_the_form(*args, **kwargs):
    """Stands in for Model.validate_constraints while a ThaiModelForm cleans its instance."""


class ThaiModelForm(ThaiInputMixin, forms.ModelForm):
    """Checks every unique and check rule of the model, including those that involve a value the
    view set on the instance (the fair a zone belongs to), so none of them reaches the database as
    an IntegrityError. `constraint_messages` maps a constraint's name to its Thai message."""

    constraint_messages = {}

    def _post_clean(self):
        # The model's full_clean() would check the constraints too, reporting each broken one
        # again, without a field and by its internal name: validate_unique() checks them all.
        self.instance.validate_constraints = _constraints_checked_by_the_form
        try:
            super()._post_clean()
        finally:
            del self.instance.validate_constraints

    def validate_unique(self):
        exclude = self._constraint_exclusions()
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)
        for model, constraints in self.instance.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model, self.instance, exclude=exclude)
                except ValidationError as error:
                    self._add_constraint_error(constraint, error)

    def _constraint_exclusions(self):
        """Fields that failed or were left empty are skipped; fields set by the view take part,
        an empty one too where empty is a value (a nullable field: a shared rubric's province)."""
        exclude = self._get_validation_exclusions()
        meta = self.instance._meta

        def unset(name):
            field = meta.get_field(name)
            return getattr(self.instance, field.attname) is None and not field.null

        return {name for name in exclude if name in self.fields or unset(name)}

    def _add_constraint_error(self, constraint, error):
        if isinstance(constraint, UniqueConstraint):
            names = list(constraint.fields)
        elif isinstance(constraint, CheckConstraint):
            names = constraint.condition.referenced_base_fields
        else:
            names = []
        on_form = [name for name in self.fields if name in names]
        target = on_form[-1] if on_form else None
        message = self.constraint_messages.get(constraint.name)
        if message is None and isinstance(constraint, CheckConstraint):
            message = DEFAULT_CHECK_MESSAGE
        if target is not None and target in self.errors:
            return
        self.add_error(target, message or error)


class ThaiPhoneField(forms.CharField):
    """A Thai phone number, stored as 0XXXXXXXXX (mobile) or 0XXXXXXXX (landline)."""

    default_error_messages = {
        "phone": _("Write a Thai phone number, such as 081 234 5678 or 02 123 4567."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "tel")

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return text
        try:
            return canonical_phone(text)
        except ValueError:
            raise ValidationError(self.error_messages["phone"], code="phone") from None

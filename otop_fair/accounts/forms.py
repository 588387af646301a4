"""Forms of sign-in, invitations and the officers' account pages, with Thai messages."""

import re

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from otop_fair.accounts.invitations import CODE_LENGTH, canonical_code
from otop_fair.accounts.login import login_key
from otop_fair.accounts.models import Role, User
from otop_fair.accounts.selectors import STATUS_ACTIVE, STATUS_INACTIVE, STATUS_NO_PASSWORD
from otop_fair.forms import ThaiForm, ThaiInputMixin
from otop_fair.thai_text import canonical_phone, normalise_text
from producers.models import Province

# A phone keyboard would otherwise capitalise and "correct" a username as it is typed.
USERNAME_BOX = {
    "autocomplete": "username",
    "autocapitalize": "none",
    "autocorrect": "off",
    "spellcheck": "false",
}


class SignInForm(ThaiInputMixin, AuthenticationForm):
    """Username or mobile number. When one number serves several accounts and the password is
    right for more than one, `account_choices` lists them instead of signing in."""

    username = forms.CharField(
        label=_("Mobile number or username"),
        help_text=_("Producers: your mobile number, e.g. 081-234-5678."),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, **USERNAME_BOX}),
    )

    def clean(self):
        self.account_choices = []
        key = login_key(self.cleaned_data.get("username"))
        password = self.cleaned_data.get("password")
        if key and password:
            self.user_cache = authenticate(self.request, username=key, password=password)
            if self.user_cache is None:
                self.account_choices = getattr(self.request, "login_choices", [])
                if not self.account_choices:
                    raise self.get_invalid_login_error()
            else:
                self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class ChooseAccountForm(ThaiForm):
    account = forms.TypedChoiceField(
        label=_("Which account?"), coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = choices


# Django's own password-validator messages have no Thai in its catalogue: each rule, by its code,
# is said here in the words of the page's list of rules.
PASSWORD_RULE_MESSAGES = {
    "password_too_short": _("Too short: use at least 8 letters or digits."),
    "password_entirely_numeric": _("Only digits: add some letters."),
    "password_too_common": _("Too common: many people use this password. Choose another."),
    "password_too_similar": _("Too like your name, username or phone number."),
}


class ChoosePasswordForm(ThaiInputMixin, SetPasswordForm):
    """Django's password rules (AUTH_PASSWORD_VALIDATORS), explained and reported in Thai."""

    error_messages = {"password_mismatch": _("The two passwords are not the same.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = ""
        self.fields["new_password2"].help_text = ""
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("The same password again")

    def validate_password_for_user(self, user, password_field_name="password2"):
        password = self.cleaned_data.get(password_field_name)
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except forms.ValidationError as error:
            for problem in error.error_list:
                message = PASSWORD_RULE_MESSAGES.get(problem.code, problem)
                self.add_error(password_field_name, message)


class ShortCodeForm(ThaiForm):
    code = forms.CharField(
        label=_("Code on your login slip"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        code = canonical_code(normalise_text(self.cleaned_data["code"]))
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                _("The code has %(n)d letters and digits, as on the slip.") % {"n": CODE_LENGTH}
            )
        return code


class ForgotPasswordForm(ThaiForm):
    login = forms.CharField(
        label=_("Mobile number or username"),
        max_length=150,
        widget=forms.TextInput(attrs=USERNAME_BOX),
    )

    def clean_login(self):
        return login_key(self.cleaned_data["login"])


class PeopleFilterForm(ThaiForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("Every role")), *Role.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            (STATUS_NO_PASSWORD, _("No password yet")),
            (STATUS_ACTIVE, _("Active")),
            (STATUS_INACTIVE, _("Deactivated")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"

    def filters(self):
        return self.cleaned_data if self.is_valid() else {}


class PersonForm(ThaiForm):
    """A committee member (or, for a superuser, an officer) whom an office registers."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    phone = forms.CharField(label=_("Mobile number"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        required=False,
        help_text=_("Leave empty to use the mobile number."),
    )
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.none())

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces

    def clean_first_name(self):
        return normalise_text(self.cleaned_data["first_name"]).strip()

    def clean_last_name(self):
        return normalise_text(self.cleaned_data["last_name"]).strip()

    def clean_phone(self):
        typed = self.cleaned_data["phone"]
        if not typed.strip():
            return ""
        try:
            return canonical_phone(typed)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a Thai phone number, e.g. 081-234-5678.")
            ) from None

    def clean(self):
        data = super().clean()
        username = normalise_text(data.get("username") or "").strip() or data.get("phone")
        if not username:
            self.add_error("username", _("Give a username or a mobile number."))
        elif not re.fullmatch(r"[\w.@+-]+", username):
            self.add_error("username", _("Use letters, digits and . @ + - _ only."))
        elif User.objects.filter(username__iexact=username).exists():
            self.add_error("username", _("This username is taken."))
        data["username"] = username
        return data


class EraseConfirmForm(ThaiForm):
    """Erasing a group cannot be undone: the officer types its registration number."""

    confirm = forms.CharField(label=_("Registration number"), max_length=100)

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group

    def clean_confirm(self):
        typed = normalise_text(self.cleaned_data["confirm"]).strip()
        if typed != self.group.registration_no:
            raise forms.ValidationError(
                _("Type the group's registration number exactly to confirm.")
            )
        return typed

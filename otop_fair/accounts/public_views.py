"""Pages for people who are not signed in: sign-in, choosing among accounts that share a phone,
invitation links and short codes, and "forgot password"."""

from axes.helpers import get_lockout_response
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from otop_fair.accounts import email, invitations, pdpa, reset_messages
from otop_fair.accounts import login as login_keys
from otop_fair.accounts.forms import (
    ChooseAccountForm,
    ChoosePasswordForm,
    ForgotPasswordForm,
    ShortCodeForm,
    SignInForm,
)
from otop_fair.accounts.models import User

WRONG_CODE = _("This code is wrong, used or expired. Check it, or ask your officer for a new slip.")
BACKEND = "otop_fair.accounts.backends.AccountBackend"
SESSION_CHOICES = "login_account_choices"
SESSION_INVITATION = "invitation_token"


def start_session(request, user):
    """Sign `user` in; a first sign-in (or a new notice) shows the privacy notice first."""
    login(request, user, backend=BACKEND)
    if not pdpa.has_acknowledged(user):
        request.session[pdpa.SESSION_PENDING] = True


@method_decorator(sensitive_post_parameters(), name="dispatch")
class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        if form.account_choices:
            self.request.session[SESSION_CHOICES] = {
                "ids": [user.pk for user in form.account_choices],
                "key": login_keys.login_key(form.cleaned_data["username"]),
                "next": self.get_success_url(),
            }
            return redirect("accounts:choose_account")
        start_session(self.request, form.get_user())
        return redirect(self.get_success_url())


@login_not_required
@never_cache
def choose_account(request):
    """The password was right for several accounts of one phone: which one, by name."""
    pending = request.session.get(SESSION_CHOICES)
    if not pending:
        return redirect("login")
    people = User.objects.filter(pk__in=pending["ids"], is_active=True).order_by("first_name")
    choices = [(p.pk, p.display_name) for p in people]
    form = ChooseAccountForm(request.POST or None, choices=choices)
    if form.is_valid():
        user = people.get(pk=form.cleaned_data["account"])
        del request.session[SESSION_CHOICES]
        # The password was right: the failure counted while asking which account is forgiven.
        login_keys.AxesProxyHandler.reset_attempts(username=pending["key"])
        start_session(request, user)
        return redirect(pending["next"])
    return render(request, "accounts/choose_account.html", {"form": form})


def _choose_password(request, invitation):
    form = ChoosePasswordForm(invitation.user, request.POST or None)
    if form.is_valid():
        user = invitations.redeem(
            invitation=invitation, password=form.cleaned_data["new_password1"]
        )
        request.session.pop(SESSION_INVITATION, None)
        if user is None:
            return render(request, "accounts/invitation_invalid.html", status=410)
        start_session(request, user)
        return redirect("home")
    context = {"form": form, "person": invitation.user}
    return render(request, "accounts/choose_password.html", context)


@login_not_required
@never_cache
@sensitive_post_parameters()
def invitation(request, token):
    """The link in the QR code: choose a password, once, before it expires."""
    found = invitations.by_token(token)
    if found is None:
        return render(request, "accounts/invitation_invalid.html", status=410)
    return _choose_password(request, found)


def _locked_out(request, key):
    return get_lockout_response(request, None, {"username": key})


@login_not_required
@never_cache
@sensitive_post_parameters()
def short_code(request):
    """The code typed from a slip. Wrong codes count like wrong passwords and lock out alike."""
    if login_keys.is_locked(request, login_keys.SHORT_CODE_KEY):
        return _locked_out(request, login_keys.SHORT_CODE_KEY)
    found = invitations.by_pk(request.session.get(SESSION_INVITATION))
    if found is not None and "new_password1" in request.POST:
        return _choose_password(request, found)
    form = ShortCodeForm(request.POST or None)
    if form.is_valid():
        found = invitations.by_code(form.cleaned_data["code"])
        if found is not None:
            request.session[SESSION_INVITATION] = found.pk
            context = {"form": ChoosePasswordForm(found.user), "person": found.user}
            return render(request, "accounts/choose_password.html", context)
        login_keys.count_attempt(request, login_keys.SHORT_CODE_KEY)
        if login_keys.is_locked(request, login_keys.SHORT_CODE_KEY):
            return _locked_out(request, login_keys.SHORT_CODE_KEY)
        form.add_error("code", WRONG_CODE)
    return render(request, "accounts/short_code.html", {"form": form})


@login_not_required
@never_cache
def forgot_password(request):
    """The same answer whoever is asked about, so the page tells no one who has an account."""
    if login_keys.is_locked(request, login_keys.FORGOT_PASSWORD_KEY):
        return _locked_out(request, login_keys.FORGOT_PASSWORD_KEY)
    form = ForgotPasswordForm(request.POST or None)
    if form.is_valid():
        login_keys.count_attempt(request, login_keys.FORGOT_PASSWORD_KEY)
        # The request that reaches the limit is refused too, before anything is sent.
        if login_keys.is_locked(request, login_keys.FORGOT_PASSWORD_KEY):
            return _locked_out(request, login_keys.FORGOT_PASSWORD_KEY)
        reset_messages.send_reset(form.cleaned_data["login"])
        return render(request, "accounts/forgot_password_sent.html")
    return render(request, "accounts/forgot_password.html", {"form": form})


@login_not_required
@never_cache
def verify_email(request, token):
    person = email.confirm_address(token)
    status = 200 if person else 410
    return render(request, "accounts/email_verified.html", {"person": person}, status=status)

"""What a person types to sign in, made canonical once for the backend and for django-axes.

A producer signs in with their mobile number in any common form (Thai digits too) or with a
username. The same key reaches the lock-out counter, so `081-234-5678` and `0812345678` are one
username to it.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.db.models import Q

from otop_fair.thai_text import canonical_phone, normalise_text

# The lock-out counter's "usernames" for guesses at invitation short codes, and for "forgot
# password" requests (each one sends an e-mail, so they are limited like wrong passwords).
SHORT_CODE_KEY = "#invitation-code"
FORGOT_PASSWORD_KEY = "#forgot-password"


def login_key(value):
    """The canonical phone number when `value` is one, else the username in lower case
    (normalised, trimmed, and no longer than a username can be, so an overlong one is refused like
    any wrong one instead of overflowing the lock-out counter's column). A phone keyboard writes
    the first letter in capitals: `Producer1` is the same username, to sign-in and lock-out."""
    text = normalise_text(value or "").strip()
    try:
        return canonical_phone(text)
    except ValueError:
        return text[: get_user_model()._meta.get_field("username").max_length].lower()


def axes_username(request, credentials):
    """AXES_USERNAME_CALLABLE: the key attempts are counted under."""
    if credentials and credentials.get("username") is not None:
        return login_key(credentials["username"])
    return login_key(request.POST.get("username", "")) if request is not None else ""


def accounts_for_login(key):
    """Active accounts a sign-in key may name: its username, or every account with that phone."""
    users = get_user_model().objects.filter(is_active=True)
    if key.isdigit() and key.startswith("0"):
        return users.filter(Q(username=key) | Q(phone=key)).order_by("first_name", "pk")
    return users.filter(username__iexact=key).order_by("first_name", "pk")


def is_locked(request, key):
    return AxesProxyHandler.is_locked(request, {"username": key})


def count_attempt(request, key):
    """Counted like a wrong password, from the same address, under `key`."""
    user_login_failed.send(sender=__name__, credentials={"username": key}, request=request)

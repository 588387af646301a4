"""The "forgot password" e-mail: a one-time link to the accounts with a verified address."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from otop_fair.accounts import invitations
from otop_fair.accounts.login import accounts_for_login
from otop_fair.accounts.models import InvitationPurpose
from otop_fair.accounts.slips import invitation_url


def send_reset_links(request, key):
    """One e-mail per account of `key` that has a verified address; returns how many went."""
    people = list(accounts_for_login(key).filter(email_verified=True).exclude(email=""))
    if not people:
        return 0
    issued = invitations.issue(users=people, by=None, purpose=InvitationPurpose.FORGOT)
    for item in issued:
        context = {
            "person": item.user,
            "url": invitation_url(request, item.token),
            "days": invitations.valid_days(),
        }
        send_mail(
            subject=_("OTOP Fair: choose a new password"),
            message=render_to_string("accounts/forgot_password_email.txt", context),
            from_email=None,
            recipient_list=[item.user.email],
        )
    return len(issued)

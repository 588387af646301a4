"""E-mails of accounts: confirming an address (the "forgot password" link that only a confirmed
address receives goes through the outbox: `reset_messages`)."""

from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from otop_fair.accounts.models import User

EMAIL_SALT = "otop_fair.accounts.verify_email"
VERIFY_DAYS = 7


def send_verification(request, person):
    """A link that proves the person reads this address; it names the address, so changing the
    address afterwards makes the old link useless."""
    token = signing.dumps({"user": person.pk, "email": person.email}, salt=EMAIL_SALT)
    url = request.build_absolute_uri(reverse("accounts:verify_email", args=[token]))
    send_mail(
        subject=_("OTOP Fair: confirm your e-mail address"),
        message=render_to_string(
            "accounts/verify_email.txt", {"person": person, "url": url, "days": VERIFY_DAYS}
        ),
        from_email=None,
        recipient_list=[person.email],
    )


def confirm_address(token):
    """The person whose address the link confirms (now marked verified), or None."""
    try:
        claim = signing.loads(token, salt=EMAIL_SALT, max_age=VERIFY_DAYS * 86400)
    except signing.BadSignature:
        return None
    person = User.objects.filter(pk=claim.get("user"), email=claim.get("email")).first()
    if person is None or not person.email:
        return None
    if not person.email_verified:
        person.email_verified = True
        person.save(update_fields=["email_verified"])
    return person

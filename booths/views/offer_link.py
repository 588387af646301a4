"""The one-tap answer to a waiting-list offer, from the link in the LINE/SMS/e-mail message.

The link is signed for one offer and one member of the group, so it works without signing in
(an elderly producer on a phone rarely remembers a password); it still asks for one tap on a
button (a POST), so a link preview or a crawler never answers for them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths.models import OfferStatus, WaitlistOffer
from booths.notices import OFFER_LINK_SALT as SALT
from booths.services import waitlist
from booths.views.common import attempt

MAX_AGE = 14 * 24 * 3600


def _offer_and_user(token):
    try:
        offer_pk, user_pk = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        offer = WaitlistOffer.objects.select_related("fair", "booth__zone", "application").get(
            pk=offer_pk
        )
        user = offer.application.group.members.get(pk=user_pk, is_active=True)
    except (signing.BadSignature, ValueError, TypeError, WaitlistOffer.DoesNotExist):
        raise Http404 from None
    except get_user_model().DoesNotExist:
        raise Http404 from None
    return offer, user


@login_not_required
def offer_by_link(request, token):
    """The offer and its two buttons. A tap from a page shown before accept and decline had
    their own URLs (it posts here) shows the page again rather than guess the answer."""
    offer, user = _offer_and_user(token)
    if request.method == "POST":
        return redirect(request.path)
    context = {"offer": offer, "person": user, "token": token}
    return render(request, "booths/offer_by_link.html", context)


def _answer_by_link(request, token, service, done):
    offer, user = _offer_and_user(token)
    if offer.status == OfferStatus.PENDING:
        attempt(request, service, done, offer=offer, by=user)
    return redirect("booths:offer_by_link", token=token)


@require_POST
@login_not_required
def accept_by_link(request, token):
    return _answer_by_link(request, token, waitlist.accept_offer, _("The booth is yours."))


@require_POST
@login_not_required
def decline_by_link(request, token):
    return _answer_by_link(request, token, waitlist.decline_offer, _("You declined the offer."))


SIGNED_LINK = "a signed link for one offer and one group member"
offer_by_link.required_permission = SIGNED_LINK
accept_by_link.required_permission = SIGNED_LINK
decline_by_link.required_permission = SIGNED_LINK

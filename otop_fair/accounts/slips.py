"""Login slips: A4 PDF, six to a page, each with the group, the name, the login, the link as a
QR code and the short code. A slip never holds a password."""

import segno
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from otop_fair.exports import pdf_response
from otop_fair.thai import thai_date


def invitation_url(request, token):
    return request.build_absolute_uri(reverse("accounts:invitation", args=[token]))


def qr_data_uri(url):
    """The link as a QR code (medium error correction survives a crease or a smudge)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=2)


def slip_rows(request, issued):
    rows = []
    for item in issued:
        user = item.user
        url = invitation_url(request, item.token)
        groups = getattr(user, "groups_for_slip", None) or []
        rows.append(
            {
                "name": user.display_name,
                "groups": ", ".join(g.name for g in groups),
                "login": user.phone or user.username,
                "username": user.username,
                "url": url,
                "qr": qr_data_uri(url),
                "code": item.shown_code,
                "expires": thai_date(timezone.localdate(item.invitation.expires_at)),
            }
        )
    return rows


def slips_response(request, issued):
    rows = slip_rows(request, issued)
    return pdf_response(
        "login-slips.pdf",
        "accounts/slips_pdf.html",
        {
            "title": _("Login slips"),
            "slips": rows,
            "code_url": request.build_absolute_uri(reverse("accounts:short_code")),
        },
    )

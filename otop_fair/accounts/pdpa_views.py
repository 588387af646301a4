"""The privacy notice, a group's own data to take away, and erasing a group's personal data."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from otop_fair.accounts import pdpa
from otop_fair.accounts.forms import EraseConfirmForm
from otop_fair.exports import attachment_header
from otop_fair.permissions import requires
from producers.views import get_group


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "home"


@requires("accounts.acknowledge_privacy")
def privacy_notice(request):
    """Anyone may read it any time; the first sign-in asks to acknowledge it."""
    if request.method == "POST":
        pdpa.acknowledge(user=request.user)
        request.session.pop(pdpa.SESSION_PENDING, None)
        return redirect(_safe_next(request))
    context = {
        "version": pdpa.PRIVACY_NOTICE_VERSION,
        "acknowledged": pdpa.has_acknowledged(request.user),
        "next": _safe_next(request) if request.GET.get("next") else "",
    }
    return render(request, "accounts/privacy_notice.html", context)


@requires("accounts.download_group_data", group=get_group)
def group_data_download(request, group):
    response = HttpResponse(pdpa.group_zip(group), content_type="application/zip")
    response["Content-Disposition"] = attachment_header(f"group-{group.pk}-data.zip")
    return response


@requires("accounts.anonymise_group", group=get_group)
def group_anonymise(request, group):
    """A confirmation page; the erasure itself needs the group's registration number typed."""
    form = EraseConfirmForm(request.POST or None, group=group)
    if form.is_valid():
        pdpa.anonymise_group(group=group, by=request.user)
        messages.success(request, _("The group's personal data was erased."))
        return redirect("producers:group_detail", group_id=group.pk)
    return render(request, "accounts/group_anonymise.html", {"group": group, "form": form})

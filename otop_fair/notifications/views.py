import json
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError

from otop_fair.notifications.catalogue import render as render_message
from otop_fair.notifications.forms import ContactPreferenceForm
from otop_fair.notifications.models import ContactPreference, LineLinkCode, Notification, Status
from otop_fair.permissions import requires

STATUS_FILTERS = {s.value for s in Status}


@requires("notifications.manage_own_contact")
def my_notifications(request):
    preference, _created = ContactPreference.objects.get_or_create(user=request.user)
    form = ContactPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:mine")
    code = (
        request.user.line_link_codes.filter(used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )
    recent = request.user.notifications.all()[:20]
    context = {"form": form, "preference": preference, "code": code, "recent": _rendered(recent)}
    return render(request, "notifications/mine.html", context)


@require_POST
@requires("notifications.manage_own_contact")
def line_code(request):
    """A new one-time code to link the person's LINE account."""
    LineLinkCode.issue(request.user)
    return redirect("notifications:mine")


def visible_notifications(user):
    """Officers read the rows of their provinces; the head office and superusers every row."""
    return Notification.objects.visible_to(user).select_related("recipient")


@requires("notifications.view_delivery_log")
def delivery_log(request):
    rows = visible_notifications(request.user)
    status = request.GET.get("status", "")
    if status in STATUS_FILTERS:
        rows = rows.filter(status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {"page": page, "rows": _rendered(page), "status": status, "statuses": Status}
    return render(request, "notifications/log.html", context)


def _rendered(rows):
    return [(row, render_message(row.template, row.context)) for row in rows]


def signed_by_line(view):
    """Let a request in only with LINE's signature of its body (X-Line-Signature, HMAC-SHA256
    with the channel secret): the webhook's permission is the signature, not a login."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.LINE_CHANNEL_SECRET:
            return HttpResponseForbidden("LINE is not configured")
        body = request.body.decode("utf-8", errors="replace")
        signature = request.headers.get("X-Line-Signature", "")
        try:
            WebhookParser(settings.LINE_CHANNEL_SECRET).parse(body, signature)
        except InvalidSignatureError:
            return HttpResponseForbidden("bad signature")
        except Exception:  # the SDK's models refuse a body they cannot read
            return HttpResponseBadRequest("unreadable body")
        return view(request, body, *args, **kwargs)

    wrapped.required_permission = "LINE signature"
    return wrapped


@csrf_exempt
@login_not_required
@require_POST
@signed_by_line
def line_webhook(request, body):
    """LINE calls this; the events go to a job at once, so LINE gets its answer in
    milliseconds and the work (linking, chat sales, replies) happens on a worker."""
    from otop_fair.notifications.tasks import handle_line_event

    events = json.loads(body).get("events", [])
    if events:
        handle_line_event.batch_defer(*({"event": event} for event in events))
    return HttpResponse("ok")

"""Project-wide pages: each role's home, health check, audit trail and the error pages."""

import logging
import sys

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from otop_fair import audit
from otop_fair.permissions import requires

logger = logging.getLogger(__name__)

ROLE_HOMES = {
    "officer": "officer_home",
    "committee": "committee_home",
    "producer": "producer_home",
    "national_officer": "officer_home",
    "district_officer": "producers:group_list",
}


@requires("otop_fair.use_app")
def home(request):
    """Send each signed-in person to the home page of their role."""
    if request.user.is_superuser and not request.user.role:
        return redirect("officer_home")
    target = ROLE_HOMES.get(request.user.role)
    if target is None:
        return render(request, "otop_fair/no_role.html", status=403)
    return redirect(target)


@requires("otop_fair.view_officer_home")
def officer_home(request):
    return render(request, "otop_fair/officer_home.html")


@requires("otop_fair.view_committee_home")
def committee_home(request):
    return render(request, "otop_fair/committee_home.html")


@requires("otop_fair.view_producer_home")
def producer_home(request):
    return render(request, "otop_fair/producer_home.html")


@requires("otop_fair.view_audit_log")
def audit_log(request):
    model_key = request.GET.get("model") or None
    username = request.GET.get("user") or None
    entries = audit.recent_changes(
        user=request.user, limit=100, model_key=model_key, username=username
    )
    return render(
        request,
        "otop_fair/audit_log.html",
        {
            "entries": entries,
            "models": audit.tracked_models(),
            "model_key": model_key or "",
            "username": username or "",
        },
    )


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """200 `ok` when the database answers a query, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        connection.close_if_unusable_or_obsolete()
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """The 500 handler. A database outage answers 503 with its own Thai page; since connections
    are health-checked at the start of each request, the app recovers by itself when the
    database is back."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        logger.error("database unavailable: %s", error)
        return HttpResponse(render_to_string("503.html"), status=503)
    return HttpResponseServerError(render_to_string("500.html"))

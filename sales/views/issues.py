"""Problems raised at the booth: the list, reporting one (also from the offline queue), an
officer's handling, and the photo."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths.models import Assignment, AssignmentStatus
from otop_fair.form_keys import ALREADY_SAVED
from otop_fair.http import wants_json
from otop_fair.permissions import requires
from otop_fair.uploads import image_response
from sales import services
from sales.forms import IssueActionForm, IssueReportForm
from sales.models import IssueReport, IssueStatus
from sales.views.common import get_fair, get_issue


@requires("sales.list_issues")
def issue_list(request):
    issues = IssueReport.objects.visible_to(request.user).select_related(
        "fair", "assignment__booth"
    )
    status = request.GET.get("status") or ""
    if status:
        issues = issues.filter(status=status)
    context = {"issues": issues[:200], "status": status, "statuses": IssueStatus.choices}
    return render(request, "sales/issue_list.html", context)


@requires("sales.report_issue", fair=get_fair)
def issue_new(request, fair):
    may_manage = request.user.has_perm("sales.manage_issue", IssueReport(fair=fair))
    booths = Assignment.objects.filter(fair=fair, status=AssignmentStatus.ACTIVE)
    booths = booths.select_related("booth").order_by("booth__code")
    own = booths.filter(application__group__members=request.user).first()
    form = IssueReportForm(
        request.POST or None, request.FILES or None, booths=booths if may_manage else None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        issue = _file_report(request, fair, data.get("booth") if may_manage else own, data)
        if wants_json(request):
            return JsonResponse({"ok": True, "url": reverse("sales:issue_detail", args=[issue.pk])})
        return redirect("sales:issue_detail", issue.pk)
    if request.method == "POST" and wants_json(request):
        return JsonResponse({"ok": False, "errors": form.errors.get_json_data()}, status=400)
    return render(request, "sales/issue_form.html", {"form": form, "fair": fair, "booth": own})


def _file_report(request, fair, assignment, data):
    """File the report; the same form sent again answers with the first report, and says so."""
    key = data["client_key"]
    reports = IssueReport.objects.filter(reported_by=request.user, client_key=key)
    sent_before = bool(key) and reports.exists()
    issue = services.report_issue(
        fair=fair,
        assignment=assignment,
        category=data["category"],
        description=data["description"],
        photo_files=data["photo"],
        by=request.user,
        client_key=key,
    )
    if sent_before:
        messages.info(request, ALREADY_SAVED)
    else:
        messages.success(request, _("Problem reported. An officer will follow it up."))
    return issue


@requires("sales.view_issue", issue=get_issue)
def issue_detail(request, issue):
    form = IssueActionForm(initial={"resolution": issue.resolution})
    return render(request, "sales/issue_detail.html", {"issue": issue, "form": form})


@require_POST
@requires("sales.manage_issue", issue=get_issue)
def issue_move(request, issue):
    form = IssueActionForm(request.POST)
    if form.is_valid():
        try:
            services.move_issue(issue=issue, by=request.user, **form.cleaned_data)
            messages.success(request, _("Problem updated."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("sales:issue_detail", issue.pk)


@requires("sales.view_issue", issue=get_issue)
def issue_photo(request, issue, size="full"):
    photo = issue.photo_thumbnail if size == "thumb" else issue.photo
    if not photo:
        raise Http404
    return image_response(photo)

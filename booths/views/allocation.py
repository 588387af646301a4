"""Officers' allocation pages: runs, comparing two runs, publishing, holdings, waitlist, exports."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths import notices, selectors
from booths.forms import ExcuseForm, PublishForm, ReleaseForm
from booths.models import Assignment, AssignmentStatus
from booths.run_forms import NationalRunForm, RunForm, rule_sentences
from booths.services import runs, waitlist
from booths.views.common import attempt, fair_from, run_from
from booths.views.venue import venue_data_uri
from otop_fair import exports
from otop_fair.forms import error_summary
from otop_fair.permissions import requires
from otop_fair.report_time import bounded_report_time


@requires("booths.manage_fair", fair=fair_from)
def run_list(request, fair):
    form = (NationalRunForm if fair.is_national else RunForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run = attempt(
            request,
            runs.run_allocation,
            _("Allocation run stored."),
            fair=fair,
            by=request.user,
            rules=form.rules(),
            seed=data["seed"],
            normalise=data["normalise"],
        )
        if run:
            return redirect("booths:run_detail", run_id=run.pk)
    run_rows = fair.runs.select_related("created_by", "published_by")
    return render(request, "booths/run_list.html", {"fair": fair, "form": form, "runs": run_rows})


@requires("booths.manage_fair", run=run_from)
def run_detail(request, run):
    form = PublishForm(request.POST or None, fair=run.fair)
    if request.method == "POST" and form.is_valid():
        attempt(
            request,
            runs.publish_allocation,
            _("Version %(v)s is published.") % {"v": run.version},
            fair=run.fair,
            run=run,
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
        return redirect("booths:run_detail", run_id=run.pk)
    results = run.results.select_related("application__group", "booth__zone")
    page = Paginator(results, 100).get_page(request.GET.get("page"))
    others = run.fair.runs.exclude(pk=run.pk)
    context = {"run": run, "fair": run.fair, "page": page, "form": form, "others": others}
    context["tied_scores"] = _tied_scores(run, page)
    # Before publishing thousands of results: does the LINE quota suffice?
    context["forecast"] = None if run.is_published else notices.results_forecast(run)
    context["rule_sentences"] = rule_sentences(run.rules)
    return render(request, "booths/run_detail.html", context)


def _tied_scores(run, page):
    """The scores on this page that more than one applicant of the run shares (one query)."""
    shared = (
        run.results.filter(score__in={r.score for r in page})
        .values("score")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    return {row["score"] for row in shared}


@requires("booths.manage_fair", run=run_from)
def run_compare(request, run, other_run_id):
    other = get_object_or_404(run.fair.runs, pk=other_run_id)
    moved = runs.compare_runs(other, run)
    return render(
        request,
        "booths/run_compare.html",
        {"run": run, "other": other, "fair": run.fair, "moved": moved},
    )


@requires("booths.manage_fair", fair=fair_from)
def holdings(request, fair):
    rows = selectors.assignment_rows(fair)
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    offers = fair.offers.select_related("booth", "application__group")[:50]
    context = {"fair": fair, "page": page, "offers": offers, "form": ReleaseForm()}
    context["released"] = selectors.assignment_rows(fair, status=AssignmentStatus.RELEASED)
    return render(request, "booths/holdings.html", context)


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def release(request, fair, assignment_id):
    # Not filtered by status: an officer who releases a booth a moment after a colleague gets
    # the service's "already released" message, not a 404.
    assignment = get_object_or_404(
        Assignment.objects.select_related("booth__fair", "fair"), pk=assignment_id, fair=fair
    )
    form = ReleaseForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            waitlist.release_assignment,
            _("The booth is released and offered to the waiting list."),
            assignment=assignment,
            by=request.user,
            **form.cleaned_data,
        )
    return redirect("booths:holdings", fair_id=fair.pk)


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def excuse_no_show(request, fair, assignment_id):
    assignment = get_object_or_404(Assignment, pk=assignment_id, fair=fair)
    form = ExcuseForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_summary(form))
        return redirect("booths:holdings", fair_id=fair.pk)
    excused = form.cleaned_data["excused"]
    attempt(
        request,
        waitlist.excuse_no_show,
        _("The absence is excused.") if excused else _("The excuse is withdrawn."),
        assignment=assignment,
        by=request.user,
        reason=form.cleaned_data["reason"],
        excused=excused,
    )
    return redirect("booths:holdings", fair_id=fair.pk)


@requires("booths.manage_fair", fair=fair_from)
@bounded_report_time
def export_holdings(request, fair, fmt):
    headers = [
        _("Booth"),
        _("Zone"),
        _("Group"),
        _("OTOP registration no."),
        _("Province"),
        _("Phone"),
        _("Category"),
    ]
    rows = [
        [
            a.booth.code,
            a.booth.zone.name,
            a.application.group.name,
            a.application.group.registration_no,
            a.application.group.province.name_th,
            a.application.group.phone,
            a.application.get_category_display(),
        ]
        for a in selectors.assignment_rows(fair)
    ]
    name = f"booths-{fair.pk}"
    title = _("Booth assignments: %(fair)s") % {"fair": fair.name}
    return exports.table_response(fmt, name, title, headers, rows)


@requires("booths.manage_fair", fair=fair_from)
@bounded_report_time
def plan_pdf(request, fair):
    """The floor plan with every holder's name, to print and pin up at the hall."""
    context = {
        "title": _("Floor plan: %(fair)s") % {"fair": fair.name},
        "fair": fair,
        "plan": selectors.floor_plan(fair, names=True),
    }
    context["venue_data_uri"] = venue_data_uri(context["plan"]["venue"])
    return exports.pdf_response(f"plan-{fair.pk}.pdf", "booths/floor_plan_pdf.html", context)

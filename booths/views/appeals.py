"""Decision letters and appeals (issue 18): the applicant appeals within the window and prints
the letter; an officer decides each appeal with a reason and publishes an upheld one's version."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from booths import national_selectors, selectors
from booths.models import Appeal
from booths.national_forms import AppealDecisionForm, AppealForm, AppealRunForm
from booths.services import appeals
from booths.views.common import application_from, attempt, fair_from
from otop_fair.exports import pdf_response
from otop_fair.permissions import requires


def _appeal_from(request, pk, **kwargs):
    return get_object_or_404(
        Appeal.objects.select_related("application__fair", "application__group"), pk=pk
    )


@requires("booths.appeal", get_object=application_from)
def appeal(request, pk, obj):
    form = AppealForm(request.POST or None)
    window_error = appeals.appeal_window_error(obj)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            request,
            appeals.file_appeal,
            _("Your appeal is recorded. An officer decides it and writes why."),
            application=obj,
            grounds=form.cleaned_data["grounds"],
            by=request.user,
        )
        if saved:
            return redirect("booths:result", application_id=pk)
    context = {"application": obj, "fair": obj.fair, "form": form, "window_error": window_error}
    return render(request, "booths/appeal_form.html", context)


@requires("booths.manage_fair", get_object=fair_from)
def appeal_list(request, pk, obj):
    rows = Appeal.objects.filter(application__fair=obj).select_related(
        "application__group", "decided_by", "run"
    )
    return render(request, "booths/appeal_list.html", {"fair": obj, "appeals": rows})


@requires("booths.decide_appeal", get_object=_appeal_from)
def appeal_decide(request, pk, obj):
    fair = obj.application.fair
    form = AppealDecisionForm(request.POST if "decide" in request.POST else None)
    run_form = AppealRunForm(request.POST if "publish" in request.POST else None, fair=fair)
    if form.is_bound and form.is_valid():
        attempt(
            request,
            appeals.decide_appeal,
            _("The decision is recorded with its reason."),
            appeal=obj,
            by=request.user,
            **form.cleaned_data,
        )
        return redirect("booths:appeal_decide", pk=pk)
    if run_form.is_bound and run_form.is_valid():
        attempt(
            request,
            appeals.publish_for_appeal,
            _("The new version is published for this appeal."),
            appeal=obj,
            run=run_form.cleaned_data["run"],
            by=request.user,
        )
        return redirect("booths:appeal_decide", pk=pk)
    context = {
        "appeal": obj,
        "application": obj.application,
        "fair": fair,
        "form": form,
        "run_form": run_form,
        "outcome": selectors.published_result(obj.application),
    }
    return render(request, "booths/appeal_decide.html", context)


@requires("booths.view_result", get_object=application_from)
def decision_letter(request, pk, obj):
    outcome = selectors.published_result(obj) if obj.fair.is_scoring_closed else None
    context = {
        "application": obj,
        "fair": obj.fair,
        "outcome": outcome,
        "decision": national_selectors.decision_of(obj, outcome),
        "appeals": list(obj.appeals.all()),
        "appeal_open": appeals.appeal_window_error(obj) is None,
        "today": timezone.localdate(),
    }
    return pdf_response(f"letter-{obj.pk}.pdf", "booths/decision_letter_pdf.html", context)

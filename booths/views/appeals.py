"""Decision letters and appeals (issue 18): the applicant appeals within the window and prints
the letter; an officer decides each appeal with a reason and publishes an upheld one's version."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths import national_selectors, selectors
from booths.models import Appeal
from booths.national_forms import AppealDecisionForm, AppealForm, AppealRunForm
from booths.services import appeals
from booths.services.reinstatement import scorer_gap
from booths.views.common import application_from, attempt, fair_from
from otop_fair.exports import pdf_response
from otop_fair.permissions import requires


def appeal_from(request, appeal_id):
    return get_object_or_404(
        Appeal.objects.select_related("application__fair", "application__group"), pk=appeal_id
    )


@requires("booths.appeal", application=application_from)
def appeal(request, application):
    form = AppealForm(request.POST or None)
    window_error = appeals.appeal_window_error(application)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            request,
            appeals.file_appeal,
            _("Your appeal is recorded. An officer decides it and writes why."),
            application=application,
            grounds=form.cleaned_data["grounds"],
            by=request.user,
        )
        if saved:
            return redirect("booths:result", application_id=application.pk)
    context = {
        "application": application,
        "fair": application.fair,
        "form": form,
        "window_error": window_error,
        "decline": national_selectors.district_decline(application),
    }
    return render(request, "booths/appeal_form.html", context)


@requires("booths.manage_fair", fair=fair_from)
def appeal_list(request, fair):
    rows = Appeal.objects.filter(application__fair=fair).select_related(
        "application__group", "decided_by", "run"
    )
    return render(request, "booths/appeal_list.html", {"fair": fair, "appeals": rows})


def _decide_page(request, appeal, form, run_form):
    context = {
        "appeal": appeal,
        "application": appeal.application,
        "fair": appeal.application.fair,
        "form": form,
        "run_form": run_form,
        "outcome": selectors.published_result(appeal.application),
        "decline": national_selectors.district_decline(appeal.application),
        "scorer_gap": scorer_gap(appeal),
    }
    return render(request, "booths/appeal_decide.html", context)


@requires("booths.decide_appeal", appeal=appeal_from)
def appeal_decide(request, appeal):
    """The appeal's page; a POST records the decision (the new version posts to appeal_publish)."""
    fair = appeal.application.fair
    form = AppealDecisionForm(request.POST or None)
    if form.is_bound and form.is_valid():
        decided = attempt(
            request,
            appeals.decide_appeal,
            _("The decision is recorded with its reason."),
            appeal=appeal,
            by=request.user,
            **form.cleaned_data,
        )
        if decided:
            return redirect("booths:appeal_decide", appeal_id=appeal.pk)
        # Refused (no committee to score it late, say): the choice and the reason stay typed.
    return _decide_page(request, appeal, form, AppealRunForm(None, fair=fair))


@require_POST
@requires("booths.decide_appeal", appeal=appeal_from)
def appeal_publish(request, appeal):
    """Publish the chosen version as the one that carries out the upheld appeal."""
    fair = appeal.application.fair
    run_form = AppealRunForm(request.POST, fair=fair)
    if run_form.is_valid():
        attempt(
            request,
            appeals.publish_for_appeal,
            _("The new version is published for this appeal."),
            appeal=appeal,
            run=run_form.cleaned_data["run"],
            by=request.user,
        )
        return redirect("booths:appeal_decide", appeal_id=appeal.pk)
    return _decide_page(request, appeal, AppealDecisionForm(None), run_form)


@requires("booths.view_result", application=application_from)
def decision_letter(request, application):
    fair = application.fair
    outcome = selectors.published_result(application) if fair.is_scoring_closed else None
    context = {
        "application": application,
        "fair": fair,
        "outcome": outcome,
        "decision": national_selectors.decision_of(application, outcome),
        "appeals": list(application.appeals.all()),
        "appeal_open": appeals.appeal_window_error(application) is None,
        "today": timezone.localdate(),
    }
    name = f"letter-{application.pk}.pdf"
    return pdf_response(name, "booths/decision_letter_pdf.html", context)

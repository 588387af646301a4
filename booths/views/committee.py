"""Committee members' pages: the applications assigned to them, conflicts, and the score sheet."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from booths import selectors
from booths.forms import ApplicationPickForm, ScoreForm
from booths.models import FairState
from booths.services import review
from booths.views.common import attempt, review_from, seat_from
from otop_fair.permissions import requires


@requires("booths.review")
def my_reviews(request):
    seats = selectors.seats_for(request.user)
    return render(request, "booths/my_reviews.html", {"seats": seats})


@requires("booths.declare_conflict", get_object=seat_from)
def declare_conflict(request, pk, obj):
    form = ApplicationPickForm(request.POST or None, fair=obj.fair)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            request,
            review.declare_conflict,
            _("Conflict declared. You will not see or score this application."),
            member=obj,
            application=form.cleaned_data["application"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
        if done:
            return redirect("booths:my_reviews")
    conflicts = obj.conflicts.select_related("application__group")
    return render(
        request, "booths/declare_conflict.html", {"seat": obj, "form": form, "conflicts": conflicts}
    )


@requires("booths.score", get_object=review_from)
def score_sheet(request, pk, obj):
    if review.has_conflict(obj.member, obj.application):
        raise Http404
    fair = obj.member.fair
    criteria = list(fair.criteria.all())
    scores = {s.criterion_id: s for s in obj.scores.all()}
    form = ScoreForm(request.POST or None, criteria=criteria, scores=scores)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        saved = attempt(
            request,
            review.save_scores,
            _("Scores submitted.") if submit else _("Draft saved."),
            review=obj,
            values=form.values(),
            by=request.user,
            submit=submit,
        )
        if saved and submit:
            return redirect("booths:my_reviews")
        if saved:
            return redirect("booths:score_sheet", pk=pk)
    context = {
        "review": obj,
        "fair": fair,
        "application": obj.application,
        "products": obj.application.products.all(),
        "form": form,
        "is_open": fair.state == FairState.SCORING,
    }
    return render(request, "booths/score_sheet.html", context)

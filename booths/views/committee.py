"""Committee members' pages: the applications assigned to them, conflicts, and the score sheet."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from booths import review_queue, selectors
from booths.forms import ApplicationPickForm, ScoreForm
from booths.models import FairState
from booths.services import review
from booths.views.common import attempt, review_from, seat_from
from otop_fair.permissions import requires


@requires("booths.review")
def my_reviews(request):
    stage = request.GET.get("stage")
    stage = stage if stage in review_queue.STAGES else None
    fair_id = request.GET.get("fair", "")
    fair_id = int(fair_id) if fair_id.isascii() and fair_id.isdigit() else None
    context = {
        "queues": review_queue.member_queue(request.user, stage=stage, fair_id=fair_id),
        "fairs": selectors.fairs_of_member(request.user),
        "stages": review_queue.STAGES,
        "stage": stage,
        "fair_id": fair_id,
    }
    return render(request, "booths/my_reviews.html", context)


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
    context = {
        "seat": obj,
        "form": form,
        "conflicts": conflicts,
        "is_blind": not request.user.has_perm("booths.see_applicant_identity", obj.fair),
    }
    return render(request, "booths/declare_conflict.html", context)


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
        if saved:
            return redirect("booths:score_sheet", pk=pk)
    context = {
        "review": obj,
        "fair": fair,
        "application": obj.application,
        "products": obj.application.products.prefetch_related("photos", "ratings__round"),
        "certifications": obj.application.group.certifications.select_related(
            "product", "standard"
        ),
        "is_blind": not request.user.has_perm("booths.see_applicant_identity", fair),
        "form": form,
        "is_open": fair.state == FairState.SCORING,
        "next_review": review_queue.next_review(obj),
    }
    return render(request, "booths/score_sheet.html", context)

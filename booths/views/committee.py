"""Committee members' pages: the applications assigned to them, conflicts, and the score sheet."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths import review_queue, selectors
from booths.forms import ApplicationPickForm
from booths.rubrics import rubric_for
from booths.score_forms import ScoreForm
from booths.services import review as reviews
from booths.services.reinstatement import is_scoring_open_for
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


@requires("booths.declare_conflict", seat=seat_from)
def declare_conflict(request, seat):
    form = ApplicationPickForm(request.POST or None, fair=seat.fair)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            request,
            reviews.declare_conflict,
            _("Conflict declared. You will not see or score this application."),
            member=seat,
            application=form.cleaned_data["application"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
        if done:
            return redirect("booths:my_reviews")
    conflicts = seat.conflicts.select_related("application__group")
    context = {
        "seat": seat,
        "form": form,
        "conflicts": conflicts,
        "is_blind": not request.user.has_perm("booths.see_applicant_identity", seat.fair),
    }
    return render(request, "booths/declare_conflict.html", context)


@requires("booths.score", review=review_from)
def score_sheet(request, review):
    """The score sheet; posting it saves a draft."""
    return _score_sheet(request, review, submit=False)


@require_POST
@requires("booths.score", review=review_from)
def score_submit(request, review):
    return _score_sheet(request, review, submit=True)


def _score_sheet(request, review, *, submit):
    if reviews.has_conflict(review.member, review.application):
        raise Http404
    fair = review.member.fair
    criteria = rubric_for(fair, review.member.province_id)
    scores = {s.criterion_id: s for s in review.scores.all()}
    form = ScoreForm(request.POST or None, criteria=criteria, scores=scores, submit=submit)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            request,
            reviews.save_scores,
            _("Scores submitted.") if submit else _("Draft saved."),
            review=review,
            values=form.values(),
            by=request.user,
            submit=submit,
        )
        if saved:
            return redirect("booths:score_sheet", review_id=review.pk)
    context = {
        "review": review,
        "fair": fair,
        "application": review.application,
        "products": review.application.products.prefetch_related("photos", "ratings__round"),
        "certifications": review.application.group.certifications.select_related(
            "product", "standard"
        ),
        "is_blind": not request.user.has_perm("booths.see_applicant_identity", fair),
        "form": form,
        "is_open": is_scoring_open_for(review.application),
        "next_review": review_queue.next_review(review),
    }
    return render(request, "booths/score_sheet.html", context)

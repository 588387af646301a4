"""Officers' selection pages: applications, eligibility, rubric, committee, progress, ranking."""

from django.core.paginator import Paginator
from django.forms import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths import selectors
from booths.committees import committee_provinces, seats_run_by
from booths.forms import (
    ApplicationPickForm,
    EligibilityRuleForm,
    MemberForm,
    OverrideForm,
)
from booths.models import ApplicationStatus, ReviewAssignment
from booths.rubric_forms import CopyCriteriaForm, CriterionFormSet
from booths.rubrics import province_rubric, shared_rubric
from booths.services import eligibility, review
from booths.views.common import application_from, attempt, fair_from, seat_from
from otop_fair.permissions import requires
from otop_fair.thai import thai_sort_key
from otop_fair.thai_text import arabic_digits, plain_number


@requires("booths.manage_fair", fair=fair_from)
def application_list(request, fair):
    status = request.GET.get("status", "")
    query = request.GET.get("q", "").strip()
    rows = selectors.application_rows(fair, status=status, query=query)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "fair": fair,
        "page": page,
        "status": status,
        "q": query,
        "statuses": ApplicationStatus.choices,
    }
    return render(request, "booths/application_list.html", context)


@requires("booths.manage_fair", application=application_from)
def application_detail(request, application):
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attempt(
            request,
            eligibility.override_eligibility,
            _("The override is saved with its reason."),
            application=application,
            by=request.user,
            **form.cleaned_data,
        )
        return redirect("booths:application_detail", application_id=application.pk)
    context = {
        "application": application,
        "fair": application.fair,
        "form": form,
        "checks": application.eligibility_checks.all(),
        "override": getattr(application, "eligibility_override", None),
        "products": application.products.all(),
        "preferences": application.preferences.select_related("zone"),
    }
    return render(request, "booths/application_detail.html", context)


@requires("booths.manage_fair", fair=fair_from)
def eligibility_rules(request, fair):
    form = EligibilityRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        attempt(request, eligibility.set_rule, _("Rule saved."), fair=fair, by=request.user, **data)
        return redirect("booths:eligibility_rules", fair_id=fair.pk)
    return render(
        request,
        "booths/eligibility_rules.html",
        {"fair": fair, "form": form, "rules": fair.eligibility_rules.all()},
    )


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def eligibility_rule_remove(request, fair, rule_id):
    rule = fair.eligibility_rules.filter(pk=rule_id).first()
    if rule is not None:
        attempt(request, eligibility.remove_rule, _("Rule removed."), rule=rule, by=request.user)
    return redirect("booths:eligibility_rules", fair_id=fair.pk)


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def eligibility_evaluate(request, fair):
    counts = attempt(
        request,
        eligibility.evaluate_eligibility,
        _("Eligibility checked."),
        fair=fair,
        by=request.user,
    )
    if counts:
        return redirect("booths:application_list", fair_id=fair.pk)
    return redirect("booths:eligibility_rules", fair_id=fair.pk)


@requires("booths.manage_fair", fair=fair_from)
def criteria(request, fair):
    formset = CriterionFormSet(request.POST or None, fair=fair, prefix="c")
    if formset.is_bound and formset.is_valid():
        attempt(
            request,
            review.save_criteria,
            _("Rubric saved."),
            fair=fair,
            formset=formset,
            by=request.user,
        )
        return redirect("booths:criteria", fair_id=fair.pk)
    return _criteria_page(request, fair, formset=formset)


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def criteria_copy(request, fair):
    copy_form = CopyCriteriaForm(request.POST, fair=fair, user=request.user)
    if copy_form.is_valid():
        attempt(
            request,
            review.copy_criteria,
            _("Rubric copied."),
            fair=fair,
            by=request.user,
            source=copy_form.cleaned_data["source"],
        )
        return redirect("booths:criteria", fair_id=fair.pk)
    return _criteria_page(request, fair, copy_form=copy_form)


def _criteria_page(request, fair, *, formset=None, copy_form=None):
    context = {
        "fair": fair,
        "formset": formset or CriterionFormSet(None, fair=fair, prefix="c"),
        "copy_form": copy_form or CopyCriteriaForm(None, fair=fair, user=request.user),
        "weight_total": sum(c.weight for c in shared_rubric(fair)),
    }
    return render(request, "booths/criteria.html", context)


@requires("booths.manage_committee", fair=fair_from)
def province_criteria(request, fair, province_code):
    """A national fair's province's own rubric, set by its officers before scoring opens;
    without one its committee scores by the shared rubric."""
    provinces = committee_provinces(fair, request.user)
    province = provinces.filter(pk=province_code).first() if provinces is not None else None
    if province is None:
        raise Http404
    formset = CriterionFormSet(request.POST or None, fair=fair, province=province, prefix="c")
    if formset.is_bound and formset.is_valid():
        attempt(
            request,
            review.save_criteria,
            _("Rubric saved."),
            fair=fair,
            formset=formset,
            by=request.user,
            province=province,
        )
        return redirect("booths:province_criteria", fair_id=fair.pk, province_code=province.pk)
    context = {
        "fair": fair,
        "province": province,
        "formset": formset,
        "weight_total": sum(c.weight for c in province_rubric(fair, province.pk)),
        "shared": list(shared_rubric(fair)),
    }
    return render(request, "booths/province_criteria.html", context)


@requires("booths.manage_committee", fair=fair_from)
def committee(request, fair):
    return _committee_page(request, fair)


@require_POST
@requires("booths.manage_committee", fair=fair_from)
def committee_member_add(request, fair):
    member_form = MemberForm(
        request.POST, fair=fair, provinces=committee_provinces(fair, request.user)
    )
    if member_form.is_valid():
        _add_member(request, fair, member_form.cleaned_data)
        return redirect("booths:committee", fair_id=fair.pk)
    return _committee_page(request, fair, member_form=member_form)


@require_POST
@requires("booths.manage_seat", seat=seat_from)
def committee_member_remove(request, seat):
    attempt(request, review.remove_member, _("Member removed."), member=seat, by=request.user)
    return redirect("booths:committee", fair_id=seat.fair_id)


@require_POST
@requires("booths.manage_committee", fair=fair_from)
def committee_auto_assign(request, fair):
    k = _number(request.POST.get("k")) or 3
    provinces = committee_provinces(fair, request.user)
    attempt(
        request,
        _auto_assign,
        _("Reviewers assigned."),
        fair=fair,
        by=request.user,
        k=k,
        provinces=None if provinces is None else list(provinces.values_list("pk", flat=True)),
    )
    return redirect("booths:committee", fair_id=fair.pk)


@require_POST
@requires("booths.manage_committee", fair=fair_from)
def committee_review_add(request, fair):
    pick_form = ApplicationPickForm(request.POST, fair=fair)
    if pick_form.is_valid():
        _add_review(request, fair, pick_form.cleaned_data["application"])
        return redirect("booths:committee", fair_id=fair.pk)
    return _committee_page(request, fair, pick_form=pick_form)


def _committee_page(request, fair, *, member_form=None, pick_form=None):
    provinces = committee_provinces(fair, request.user)
    context = {
        "fair": fair,
        "member_form": member_form or MemberForm(None, fair=fair, provinces=provinces),
        "pick_form": pick_form or ApplicationPickForm(None, fair=fair),
        "progress": selectors.scoring_progress(fair, seats=seats_run_by(fair, request.user)),
        "provinces": provinces,
    }
    return render(request, "booths/committee.html", context)


def _add_member(request, fair, data):
    attempt(
        request,
        review.add_member,
        _("Member added."),
        fair=fair,
        user=data["user"],
        by=request.user,
        home_district=data["home_district"],
        own_group=data["own_group_no"],
        province=data.get("province"),
    )


def _add_review(request, fair, application):
    """Give the posted member one more application to review (a member unknown to the officer's
    committees is ignored)."""
    seats = seats_run_by(fair, request.user)
    member = seats.filter(pk=_number(request.POST.get("member"))).first()
    if member is not None:
        attempt(
            request,
            review.add_review,
            _("Review added."),
            member=member,
            application=application,
            by=request.user,
        )


def _by_name(pair):
    return thai_sort_key(pair[1])


def _number(text):
    """A positive whole number typed or posted (Thai digits, `3 คน`), or None."""
    text = plain_number(arabic_digits((text or "").strip()))
    return int(text) if text.isascii() and text.isdigit() else None


def _auto_assign(*, fair, by, k, provinces):
    try:
        return review.auto_assign(fair=fair, by=by, k=k, provinces=provinces)
    except ValueError as error:
        raise ValidationError(str(error)) from error


@require_POST
@requires("booths.manage_committee", fair=fair_from)
def remove_review(request, fair, review_id):
    target = (
        ReviewAssignment.objects.filter(pk=review_id, member__in=seats_run_by(fair, request.user))
        .select_related("member__fair")
        .first()
    )
    if target is not None:
        attempt(request, review.remove_review, _("Review removed."), review=target, by=request.user)
    return redirect(
        "booths:member_reviews", fair_id=fair.pk, seat_id=target.member_id if target else 0
    )


@requires("booths.manage_committee", fair=fair_from)
def member_reviews(request, fair, seat_id):
    seats = seats_run_by(fair, request.user).select_related("user")
    member = seats.filter(pk=seat_id).first()
    if member is None:
        # A seat of another fair or another province's committee: not an empty list of nobody.
        raise Http404
    reviews = ReviewAssignment.objects.filter(member=member).select_related("application__group")
    return render(
        request, "booths/member_reviews.html", {"fair": fair, "member": member, "reviews": reviews}
    )


@requires("booths.view_ranking", fair=fair_from)
def ranking(request, fair):
    normalise = request.GET.get("normalise") == "1"
    rows = selectors.ranking(fair, normalise=normalise)
    provinces = sorted({(r.province_id, r.province) for r in rows if r.province_id}, key=_by_name)
    province = arabic_digits(request.GET.get("province", "").strip())  # a province's code
    if province:
        rows = [r for r in rows if r.province_id == province]
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    context = {
        "fair": fair,
        "page": page,
        "provinces": provinces if fair.is_national else [],
        "province": province,
        "criteria": list(shared_rubric(fair)),
        "own_rubric_provinces": selectors.own_rubric_provinces(fair),
        "normalise": normalise,
        "total": len(rows),
        "is_blind": not request.user.has_perm("booths.see_applicant_identity", fair),
    }
    return render(request, "booths/ranking.html", context)

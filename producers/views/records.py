"""What officers record about a group: field visits and follow-ups, star ratings, certificates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from otop_fair.form_keys import redirect_once
from otop_fair.permissions import requires
from producers import services
from producers.forms import CertificationForm, RatingForm, VisitForm
from producers.views import get_group, get_visit


def _record_page(request, group, form, title):
    return render(
        request, "producers/record_form.html", {"form": form, "group": group, "title": title}
    )


@requires("producers.record_visit", group=get_group)
def visit_create(request, group):
    form = VisitForm(request.POST or None, initial={"visited_on": timezone.localdate()})
    if form.is_valid():
        return redirect_once(
            request,
            form,
            lambda: services.record_visit(
                visit=form.save(commit=False), group=group, by=request.user
            ),
            to=lambda visit: reverse("producers:group_detail", args=[group.pk]),
            saved=_("The visit was recorded."),
        )
    return _record_page(request, group, form, _("Record a field visit"))


@require_POST
@requires("producers.record_visit", visit=get_visit)
def follow_up_done(request, visit):
    try:
        services.complete_follow_up(visit=visit, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The follow-up is marked done."))
    if request.POST.get("next") == "home":
        return redirect("officer_home")
    return redirect("producers:group_detail", group_id=visit.group_id)


@requires("producers.record_rating", group=get_group)
def rating_create(request, group):
    form = RatingForm(request.POST or None, group=group)
    if form.is_valid():
        services.record_rating(rating=form.save(commit=False), by=request.user)
        messages.success(request, _("The star rating was saved."))
        return redirect("producers:group_detail", group_id=group.pk)
    return _record_page(request, group, form, _("Record a star rating"))


@requires("producers.record_certification", group=get_group)
def certification_create(request, group):
    form = CertificationForm(request.POST or None, group=group)
    if form.is_valid():
        return redirect_once(
            request,
            form,
            lambda: services.record_certification(
                certification=form.save(commit=False), group=group, by=request.user
            ),
            to=lambda certification: reverse("producers:group_detail", args=[group.pk]),
            saved=_("The certificate was saved."),
        )
    return _record_page(request, group, form, _("Record a certificate"))

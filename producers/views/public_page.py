"""The group's public page settings (its switches) and an officer's hiding of the page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from otop_fair.permissions import requires
from producers import services
from producers.forms import HidePublicPageForm, PublicProfileForm
from producers.views import get_group


@requires("producers.change_public_page", group=get_group)
def public_settings(request, group):
    profile = services.public_profile_of(group)
    form = PublicProfileForm(request.POST or None, instance=profile)
    if form.is_valid():
        services.save_public_profile(profile=form.save(commit=False), by=request.user)
        messages.success(request, _("Your choices of what is public were saved."))
        return redirect("producers:public_settings", group_id=group.pk)
    context = {
        "group": group,
        "profile": profile,
        "form": form,
        "hide_form": HidePublicPageForm(),
        "can_hide": request.user.has_perm("producers.hide_public_page", group),
    }
    return render(request, "producers/public_settings.html", context)


@require_POST
@requires("producers.hide_public_page", group=get_group)
def public_hide(request, group):
    form = HidePublicPageForm(request.POST)
    if form.is_valid():
        services.hide_public_page(group=group, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The public page is hidden."))
        return redirect("producers:public_settings", group_id=group.pk)
    profile = services.public_profile_of(group)
    context = {
        "group": group,
        "profile": profile,
        "form": PublicProfileForm(instance=profile),
        "hide_form": form,
        "can_hide": True,
    }
    return render(request, "producers/public_settings.html", context)


@require_POST
@requires("producers.hide_public_page", group=get_group)
def public_show(request, group):
    if services.public_profile_of(group).is_hidden:
        services.show_public_page(group=group, by=request.user)
        messages.success(request, _("The public page is shown again."))
    return redirect("producers:public_settings", group_id=group.pk)

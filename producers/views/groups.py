"""Officer list, group page, create and edit, the producer's own groups, address selects."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from otop_fair.permissions import requires
from producers import selectors, services
from producers.forms import AddressForm, GroupContactForm, GroupFilterForm, GroupForm
from producers.models import District
from producers.views import get_group

PAGE_SIZE = 25


@requires("producers.list_groups")
def group_list(request):
    form = GroupFilterForm(request.GET or None, user=request.user)
    page = selectors.group_page(request.user, form.filters(), request.GET.get("page"), PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "producers/group_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "merge_pairs": selectors.merge_candidates(request.user),
        },
    )


@requires("producers.view_group", group=get_group)
def group_detail(request, group):
    group = selectors.group_detail(group.pk)
    today = timezone.localdate()
    return render(request, "producers/group_detail.html", {"group": group, "today": today})


@requires("producers.add_group")
def group_create(request):
    form = GroupForm(request.POST or None, user=request.user)
    if form.is_valid():
        group = services.save_group(
            group=form.save(commit=False),
            members=form.cleaned_data["member_usernames"],
            by=request.user,
        )
        messages.success(request, _("The group was saved."))
        return redirect("producers:group_detail", group_id=group.pk)
    return render(request, "producers/group_form.html", {"form": form})


@requires("producers.change_group", group=get_group)
def group_edit(request, group):
    if request.user.has_perm("producers.change_registration", group):
        form = GroupForm(request.POST or None, instance=group, user=request.user)
    else:
        form = GroupContactForm(request.POST or None, instance=group)
    if form.is_valid():
        members = form.cleaned_data.get("member_usernames")
        services.save_group(group=form.save(commit=False), members=members, by=request.user)
        messages.success(request, _("The group was saved."))
        return redirect("producers:group_detail", group_id=group.pk)
    return render(request, "producers/group_form.html", {"form": form, "group": group})


@requires("producers.view_geography")
def address_fields(request):
    """The province → district → subdistrict selects, re-rendered for the current choice."""
    form = AddressForm(initial=request.GET.dict())
    form.setup_address(request.user)
    return render(request, "producers/_address_fields.html", {"form": form})


@requires("producers.view_geography")
def district_options(request):
    """`<option>`s of a province's districts, for the list filter's district select."""
    province = request.GET.get("province", "")
    if not province.isdigit():
        province = None
    districts = District.objects.filter(province_id=province)
    return render(request, "producers/_district_options.html", {"districts": districts})


@requires("producers.view_my_groups")
def my_groups(request):
    groups = selectors.my_groups(request.user)
    if len(groups) == 1:
        return redirect("producers:group_detail", group_id=groups[0].pk)
    return render(request, "producers/my_groups.html", {"groups": groups})

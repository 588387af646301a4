"""Pages of network meetings: list, record, read, and the action items that carry over."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from otop_fair.permissions import requires
from sales.forms import ActionItemForm, MeetingForm
from sales.models import ActionItem, ActionStatus, NetworkMeeting
from sales.selectors import attendance_of, carried_over_items, invitees_of
from sales.services import save_action_item, save_meeting


def _meeting(request, meeting_id):
    """A meeting the user may see; any other is not found."""
    meetings = NetworkMeeting.objects.visible_to(request.user).select_related("fair")
    return get_object_or_404(meetings, pk=meeting_id)


def _action(request, action_id):
    """An action item the user may see; any other is not found."""
    items = ActionItem.objects.visible_to(request.user).select_related("meeting__fair")
    return get_object_or_404(items, pk=action_id)


@requires("sales.list_meetings")
def meeting_list(request):
    context = {
        "meetings": NetworkMeeting.objects.visible_to(request.user).select_related("fair")[:200],
        "open_items": ActionItem.objects.visible_to(request.user)
        .filter(status=ActionStatus.OPEN)
        .select_related("meeting", "owner_group", "owner_officer"),
    }
    return render(request, "sales/meeting_list.html", context)


def _edit_meeting(request, meeting=None):
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = save_meeting(
            data=form.cleaned_data,
            groups_present=form.cleaned_data["groups_present"],
            groups_absent=form.cleaned_data["groups_absent"],
            officers=form.cleaned_data["officers"],
            groups_invited=form.cleaned_data["groups_invited"],
            officers_invited=form.cleaned_data["officers_invited"],
            by=request.user,
            meeting=meeting,
        )
        messages.success(request, _("The meeting was saved."))
        return redirect("sales:meeting_detail", meeting_id=saved.pk)
    return render(request, "sales/meeting_form.html", {"form": form, "meeting": meeting})


@requires("sales.add_meeting")
def meeting_create(request):
    return _edit_meeting(request)


@requires("sales.change_meeting", meeting=_meeting)
def meeting_edit(request, meeting):
    return _edit_meeting(request, meeting)


@requires("sales.view_meeting", meeting=_meeting)
def meeting_detail(request, meeting):
    items = meeting.action_items.visible_to(request.user)
    items = items.select_related("owner_group", "owner_officer")
    carried = carried_over_items(meeting).visible_to(request.user)
    attendance = attendance_of(meeting)
    context = {
        "meeting": meeting,
        "attendance": attendance,
        "attended_count": sum(1 for row in attendance if row.attended),
        "invitees": invitees_of(meeting),
        "items": items,
        "carried": carried,
    }
    return render(request, "sales/meeting_detail.html", context)


def _edit_action(request, meeting, item):
    form = ActionItemForm(request.POST or None, instance=item, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        save_action_item(item=form.save(commit=False), by=request.user)
        messages.success(request, _("The action item was saved."))
        return redirect("sales:meeting_detail", meeting_id=meeting.pk)
    context = {"form": form, "meeting": meeting, "item": item}
    return render(request, "sales/meeting_action_form.html", context)


@requires("sales.change_meeting", meeting=_meeting)
def action_create(request, meeting):
    return _edit_action(request, meeting, ActionItem(meeting=meeting))


@requires("sales.change_meeting", item=_action)
def action_edit(request, item):
    return _edit_action(request, item.meeting, item)

"""Pages of network meetings: list, record, read, and the action items that carry over."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from otop_fair.form_keys import redirect_once
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
        data = form.cleaned_data

        def save():
            return save_meeting(
                data=data,
                groups_present=data["groups_present"],
                groups_absent=data["groups_absent"],
                officers=data["officers"],
                groups_invited=data["groups_invited"],
                officers_invited=data["officers_invited"],
                by=request.user,
                meeting=meeting,
            )

        return _saved(
            request, form, save, is_new=meeting is None, saved=_("The meeting was saved.")
        )
    return render(request, "sales/meeting_form.html", {"form": form, "meeting": meeting})


def _saved(request, form, save, *, is_new, saved):
    """A new meeting or item is made once per form key; an edit simply saves."""
    to = _detail_url
    if is_new:
        return redirect_once(request, form, save, to=to, saved=saved)
    messages.success(request, saved)
    return redirect(to(save()))


def _detail_url(saved):
    meeting = getattr(saved, "meeting", saved)
    return reverse("sales:meeting_detail", args=[meeting.pk])


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
        return _saved(
            request,
            form,
            lambda: save_action_item(item=form.save(commit=False), by=request.user),
            is_new=item.pk is None,
            saved=_("The action item was saved."),
        )
    context = {"form": form, "meeting": meeting, "item": item}
    return render(request, "sales/meeting_action_form.html", context)


@requires("sales.change_meeting", meeting=_meeting)
def action_create(request, meeting):
    return _edit_action(request, meeting, ActionItem(meeting=meeting))


@requires("sales.change_meeting", item=_action)
def action_edit(request, item):
    return _edit_action(request, item.meeting, item)

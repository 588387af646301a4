"""What the sales app tells people: problem status, meetings, action items due, the daily sales
reminder and an officer's broadcast — written in the event's own transaction."""

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from booths.models import Assignment, AssignmentStatus, FairState
from booths.notices import link, members_of
from otop_fair.notifications.services import Message, notify
from otop_fair.thai import thai_date
from sales.models import ActionItem, ActionStatus, DailySales, IssueStatus


def problem_moved(issue):
    with translation.override("th"):
        status = str(IssueStatus(issue.status).label)
    context = {
        "fair": issue.fair.name,
        "status": status,
        "link": link("sales:issue_detail", issue.pk),
    }
    notify([Message(issue.reported_by, "problem_status", context, "", issue.fair.province_id)])


def _people_of(rows):
    """The accounts of attendance or invitee rows: each group's members and each officer."""
    rows = list(rows)
    people = members_of({r.group_id for r in rows if r.group_id})
    users = [u for members in people.values() for u in members]
    return users + [r.officer for r in rows if r.officer_id]


def meeting_saved(meeting, *, had_minutes):
    """The invitees of a meeting still to come are invited, each once (one added later is
    invited when the meeting is saved with them); minutes written for the first time are
    announced to those invited and those who came."""
    province = meeting.province_id
    invited = _people_of(meeting.invitees.select_related("officer"))
    with translation.override("th"):
        title = _("the network meeting")
    context = {
        "meeting": title,
        "when": thai_date(meeting.held_on),
        "place": meeting.place,
        "link": link("sales:meeting_detail", meeting.pk),
    }
    messages = []
    if meeting.held_on >= timezone.localdate():
        key = f"meeting_invitation:{meeting.pk}"
        messages += [Message(u, "meeting_invitation", context, key, province) for u in invited]
    if meeting.minutes.strip() and not had_minutes:
        came = _people_of(meeting.attendance.select_related("officer"))
        told = list({u.pk: u for u in invited + came}.values())
        key = f"meeting_minutes:{meeting.pk}"
        messages += [Message(u, "meeting_minutes", context, key, province) for u in told]
    notify(messages)


def action_items_due(today=None):
    """Open action items due tomorrow: their owners are told once."""
    due = (today or timezone.localdate()) + datetime.timedelta(days=1)
    items = list(
        ActionItem.objects.filter(status=ActionStatus.OPEN, due_on=due).select_related(
            "owner_officer", "meeting"
        )
    )
    people = members_of({i.owner_group_id for i in items if i.owner_group_id})
    messages = []
    for item in items:
        owners = people.get(item.owner_group_id, []) + [item.owner_officer]
        context = {"due": thai_date(item.due_on), "item": item.description[:300]}
        key = f"action_due:{item.pk}:{item.due_on}"
        province = item.meeting.province_id
        messages += [Message(u, "action_item_due", context, key, province) for u in owners if u]
    return len(notify(messages))


def _holdings(fair=None):
    held = Assignment.objects.filter(
        status=AssignmentStatus.ACTIVE, fair__state=FairState.RUNNING
    ).select_related("fair", "booth", "application")
    return held.filter(fair=fair) if fair else held


def sales_reminders(now=None):
    """Producers at a running fair who have not reported today's sales: one reminder a day."""
    day = timezone.localdate(now or timezone.now())
    held = _holdings().filter(fair__start_date__lte=day, fair__end_date__gte=day)
    held = list(held.exclude(pk__in=DailySales.objects.filter(day=day).values("assignment_id")))
    people = members_of({a.application.group_id for a in held})
    messages = []
    for a in held:
        context = {"fair": a.fair.name, "booth": a.booth.code, "link": link("sales:my_sales")}
        key = f"sales_reminder:{a.pk}:{day}"
        for user in people.get(a.application.group_id, []):
            messages.append(Message(user, "sales_reminder", context, key, a.fair.province_id))
    return len(notify(messages))


def producers_of(fair):
    """The member accounts of every group holding a booth at the fair."""
    held = Assignment.objects.filter(fair=fair, status=AssignmentStatus.ACTIVE)
    people = members_of(set(held.values_list("application__group_id", flat=True)))
    return list({u.pk: u for members in people.values() for u in members}.values())


def broadcast(fair, text):
    """An officer's short message to every producer holding a booth at the fair."""
    context = {"fair": fair.name, "text": text}
    return notify(
        [Message(u, "broadcast", context, "", fair.province_id) for u in producers_of(fair)]
    )

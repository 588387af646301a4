"""Writes for network meetings: the meeting with its attendance, and its action items."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from otop_fair.audit import save_with_history
from sales import notices
from sales.models import ActionStatus, MeetingAttendance, MeetingInvitee, NetworkMeeting

MEETING_FIELDS = ("fair", "held_on", "place", "agenda", "minutes", "decisions")


def save_meeting(
    *,
    data,
    groups_present,
    groups_absent,
    officers,
    by,
    meeting=None,
    groups_invited=(),
    officers_invited=(),
):
    """Create or update a meeting, replace its attendance list and its invitees (who is invited
    is the officers' choice, apart from who came); return the meeting."""
    with transaction.atomic():
        if set(groups_present) & set(groups_absent):
            raise ValidationError(
                _("A group cannot both attend and not attend a meeting."), code="present_and_absent"
            )
        is_new = meeting is None or meeting.pk is None
        had_minutes = not is_new and (
            NetworkMeeting.objects.filter(pk=meeting.pk).exclude(minutes="").exists()
        )
        if meeting is None:
            meeting = NetworkMeeting(created_by=by)
        for name in MEETING_FIELDS:
            setattr(meeting, name, data[name])
        # A fair's meeting takes the fair's province when saved; only one without a fair names it.
        meeting.province = data.get("province")
        save_with_history(meeting, by=by)
        meeting.attendance.all().delete()
        MeetingAttendance.objects.bulk_create(
            [MeetingAttendance(meeting=meeting, group=g, attended=True) for g in groups_present]
            + [MeetingAttendance(meeting=meeting, group=g, attended=False) for g in groups_absent]
            + [MeetingAttendance(meeting=meeting, officer=o, attended=True) for o in officers]
        )
        meeting.invitees.all().delete()
        MeetingInvitee.objects.bulk_create(
            [MeetingInvitee(meeting=meeting, group=g) for g in groups_invited]
            + [MeetingInvitee(meeting=meeting, officer=o) for o in officers_invited]
        )
        notices.meeting_saved(meeting, had_minutes=had_minutes)
        return meeting


def save_action_item(*, item, by):
    """Save an action item; marking it done stamps when, reopening clears it."""
    with transaction.atomic():
        if item.status == ActionStatus.DONE and item.done_at is None:
            item.done_at = timezone.now()
        elif item.status == ActionStatus.OPEN:
            item.done_at = None
        save_with_history(item, by=by)
        return item

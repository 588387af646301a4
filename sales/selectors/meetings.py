"""Reads for network meetings: who sees which meetings, and which action items are still open."""

from django.db.models import Q

from otop_fair.rules import acts_on_every_province, provinces_kept_by
from sales.models import ActionItem, ActionStatus, MeetingAttendance, MeetingInvitee, NetworkMeeting


def meetings_visible_to(user):
    """Officers: the meetings of their provinces (with or without a fair); producers: the
    meetings their group attended or was invited to."""
    meetings = NetworkMeeting.objects.select_related("fair")
    if acts_on_every_province(user):
        return meetings
    if user.is_active and user.is_officer:
        return meetings.filter(province__in=provinces_kept_by(user).values("pk"))
    if user.is_producer:
        attended = MeetingAttendance.objects.filter(attended=True, group__members=user)
        invited = MeetingInvitee.objects.filter(group__members=user)
        return meetings.filter(
            Q(pk__in=attended.values("meeting")) | Q(pk__in=invited.values("meeting"))
        )
    return meetings.none()


def action_items_visible_to(user):
    """Open and done action items: an officer's from visible meetings, a producer's group's own."""
    items = ActionItem.objects.select_related("meeting", "owner_group", "owner_officer")
    if user.is_producer and not user.is_superuser:
        return items.filter(owner_group__members=user)
    return items.filter(meeting__in=meetings_visible_to(user))


def carried_over_items(meeting):
    """Items from earlier meetings that were still open when this meeting was held."""
    return (
        ActionItem.objects.filter(meeting__held_on__lt=meeting.held_on)
        .filter(Q(status=ActionStatus.OPEN) | Q(done_at__date__gte=meeting.held_on))
        .filter(_same_series(meeting))
        .select_related("meeting", "owner_group", "owner_officer")
        .order_by("due_on", "id")
    )


def _same_series(meeting):
    """Earlier meetings of the same fair, and those without a fair in the same province."""
    same_fair = Q(meeting__fair=meeting.fair_id) if meeting.fair_id else Q(pk__in=[])
    if meeting.province_id is None:
        return same_fair
    return same_fair | Q(meeting__fair__isnull=True, meeting__province=meeting.province_id)


def attendance_of(meeting):
    return list(
        meeting.attendance.select_related("group", "officer").order_by(
            "-attended", "group__sort_name", "officer__username"
        )
    )


def invitees_of(meeting):
    return list(
        meeting.invitees.select_related("group", "officer").order_by(
            "group__sort_name", "officer__username"
        )
    )

"""Reads for network meetings: the action items still open from earlier meetings, and who came."""

from django.db.models import Q

from sales.models import ActionItem, ActionStatus


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

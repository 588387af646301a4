"""Who may read fair reports, group reports and network meetings (registered from sales/rules.py).

Officers read the fairs and groups of their provinces; a producer only their own group's copy and
the meetings their group attended or was invited to.
"""

import rules

from booths.models import Application, Fair
from otop_fair.rules import is_admin, is_officer, is_producer, is_staff_officer, provinces_kept_by
from sales.models import ActionItem, MeetingAttendance, MeetingInvitee, NetworkMeeting


def _officer_of(user, *province_ids):
    ids = [pk for pk in province_ids if pk]
    return bool(ids) and provinces_kept_by(user).filter(pk__in=ids).exists()


@rules.predicate
def is_officer_of_report_fair(user, fair):
    return isinstance(fair, Fair) and _officer_of(user, fair.province_id)


@rules.predicate
def is_officer_of_group_or_fair(user, application):
    if not isinstance(application, Application):
        return False
    return _officer_of(user, application.fair.province_id, application.group.province_id)


@rules.predicate
def is_member_of_reported_group(user, application):
    return (
        isinstance(application, Application)
        and application.group.members.filter(pk=user.pk).exists()
    )


def _meeting_of(obj):
    return obj.meeting if isinstance(obj, ActionItem) else obj


@rules.predicate
def is_officer_of_meeting(user, obj):
    meeting = _meeting_of(obj)
    if not isinstance(meeting, NetworkMeeting):
        return False
    # A meeting without a fair belongs to its own province; an empty province allows nobody.
    return _officer_of(user, meeting.province_id)


@rules.predicate
def group_attended_meeting(user, meeting):
    return (
        isinstance(meeting, NetworkMeeting)
        and MeetingAttendance.objects.filter(
            meeting=meeting, attended=True, group__members=user
        ).exists()
    )


report_officer = is_admin | (is_officer & is_officer_of_report_fair)


@rules.predicate
def group_invited_to_meeting(user, meeting):
    return (
        isinstance(meeting, NetworkMeeting)
        and MeetingInvitee.objects.filter(meeting=meeting, group__members=user).exists()
    )


meeting_officer = is_admin | (is_officer & is_officer_of_meeting)

rules.add_perm("sales.view_reports", is_staff_officer | is_producer)
rules.add_perm("sales.view_fair_report", report_officer)
rules.add_perm(
    "sales.view_group_report",
    is_admin
    | (is_officer & is_officer_of_group_or_fair)
    | (is_producer & is_member_of_reported_group),
)
rules.add_perm("sales.list_meetings", is_staff_officer | is_producer)
rules.add_perm("sales.add_meeting", is_staff_officer)
rules.add_perm(
    "sales.view_meeting",
    meeting_officer | (is_producer & (group_attended_meeting | group_invited_to_meeting)),
)
rules.add_perm("sales.change_meeting", meeting_officer)

# Visitors and the sales target are set by the fair's officers; the market-channel ledger and the
# fiscal-year report are read and written by officers (their provinces' groups) and producers
# (their own groups), the querysets narrowing what each sees.
rules.add_perm("sales.set_fair_figures", report_officer)
rules.add_perm("sales.view_channel_sales", is_staff_officer | is_producer)
rules.add_perm("sales.add_channel_sale", is_staff_officer | is_producer)

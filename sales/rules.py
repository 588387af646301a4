"""Who may log sales, report and handle problems, watch the fair day by day, read fair and group
reports, and keep network meetings.

Officers act on the fairs of their provinces; producers on the booths their group holds, their own
group's report and the meetings their group attended.
"""

import rules

from booths.models import Application, Assignment, Fair
from otop_fair.rules import is_admin, is_officer, is_producer, is_staff_officer, provinces_kept_by
from sales.models import (
    ActionItem,
    IssueReport,
    MeetingAttendance,
    MeetingInvitee,
    NetworkMeeting,
)


def _fair_province_id(obj):
    if isinstance(obj, Fair):
        return obj.province_id
    if isinstance(obj, Assignment | IssueReport):
        return obj.fair.province_id
    return None


@rules.predicate
def is_officer_of_fair_province(user, obj):
    province_id = _fair_province_id(obj)
    if province_id is None:
        return False
    return provinces_kept_by(user).filter(pk=province_id).exists()


@rules.predicate
def holds_the_booth(user, assignment):
    if not isinstance(assignment, Assignment):
        return False
    return user.producer_groups.filter(pk=assignment.application.group_id).exists()


@rules.predicate
def holds_a_booth_at_fair(user, fair):
    if not isinstance(fair, Fair):
        return False
    return Assignment.objects.filter(
        fair=fair, status="active", application__group__members=user
    ).exists()


@rules.predicate
def is_reporter_or_booth_holder(user, issue):
    if not isinstance(issue, IssueReport):
        return False
    if issue.reported_by_id == user.pk:
        return True
    return issue.assignment_id is not None and holds_the_booth(user, issue.assignment)


fair_officer = is_admin | (is_officer & is_officer_of_fair_province)

rules.add_perm("sales.enter_sales", fair_officer | (is_producer & holds_the_booth))
rules.add_perm("sales.enter_late_sales", fair_officer)
rules.add_perm("sales.view_own_sales", is_producer)
rules.add_perm("sales.list_fairs", is_staff_officer)
rules.add_perm("sales.view_checkin", fair_officer)
rules.add_perm("sales.record_visit", fair_officer)
rules.add_perm("sales.set_cutoff", fair_officer)
rules.add_perm("sales.broadcast", fair_officer)
rules.add_perm("sales.report_issue", fair_officer | (is_producer & holds_a_booth_at_fair))
rules.add_perm("sales.list_issues", is_staff_officer | is_producer)
rules.add_perm("sales.view_issue", fair_officer | is_reporter_or_booth_holder)
rules.add_perm("sales.manage_issue", fair_officer)


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

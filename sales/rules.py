"""Who may log sales, report and handle problems, watch the fair day by day, read fair and group
reports, and keep network meetings.

Officers act on what lies in the provinces they keep (the shared area rule, `otop_fair.areas`):
a fair, its booths and problems by the fair's province, a meeting by its own. Producers act on the
booths their group holds, their own group's report and the meetings their group attended.
"""

import rules

from booths.models import Application, Assignment, Fair
from otop_fair.areas import keeps_area
from otop_fair.predicates import predicate
from otop_fair.rules import is_producer, is_staff_officer
from sales.models import (
    ActionItem,
    IssueReport,
    MeetingAttendance,
    MeetingInvitee,
    NetworkMeeting,
)


def _province_of(obj):
    """The province whose officers act on `obj`: its fair's, or a meeting's own (a meeting
    without a province belongs to nobody)."""
    if isinstance(obj, ActionItem):
        obj = obj.meeting
    if isinstance(obj, NetworkMeeting | Fair):
        return obj.province_id
    if isinstance(obj, Assignment | IssueReport | Application):
        return obj.fair.province_id
    return None


def keeps_its_province(user, obj):
    """`user` keeps the province of the fair (or meeting) `obj` belongs to."""
    province_id = _province_of(obj)
    return province_id is not None and keeps_area(user, province_id=province_id)


keeps_its_province = predicate(keeps_its_province)


def keeps_the_groups_province(user, application):
    return isinstance(application, Application) and keeps_area(
        user, province_id=application.group.province_id
    )


keeps_the_groups_province = predicate(keeps_the_groups_province)


def _group_ids(user):
    """The ids of the groups `user` belongs to, read once per user object: the sales form's POST
    asks twice (the view, then the service under its lock) and each request loads its own user,
    so the answer is never older than the request."""
    if not hasattr(user, "_sales_group_ids"):
        through = user.producer_groups.through
        ids = through.objects.filter(user_id=user.pk).values_list("producergroup_id", flat=True)
        user._sales_group_ids = frozenset(ids)
    return user._sales_group_ids


def holds_the_booth(user, assignment):
    if not isinstance(assignment, Assignment):
        return False
    return assignment.application.group_id in _group_ids(user)


holds_the_booth = predicate(holds_the_booth)


def holds_a_booth_at_fair(user, fair):
    if not isinstance(fair, Fair):
        return False
    return Assignment.objects.filter(
        fair=fair, status="active", application__group__members=user
    ).exists()


holds_a_booth_at_fair = predicate(holds_a_booth_at_fair)


def is_reporter_or_booth_holder(user, issue):
    if not isinstance(issue, IssueReport):
        return False
    if issue.reported_by_id == user.pk:
        return True
    return issue.assignment_id is not None and holds_the_booth(user, issue.assignment)


is_reporter_or_booth_holder = predicate(is_reporter_or_booth_holder)


def is_member_of_reported_group(user, application):
    return (
        isinstance(application, Application)
        and application.group.members.filter(pk=user.pk).exists()
    )


is_member_of_reported_group = predicate(is_member_of_reported_group)


def group_attended_meeting(user, meeting):
    return (
        isinstance(meeting, NetworkMeeting)
        and MeetingAttendance.objects.filter(
            meeting=meeting, attended=True, group__members=user
        ).exists()
    )


group_attended_meeting = predicate(group_attended_meeting)


def group_invited_to_meeting(user, meeting):
    return (
        isinstance(meeting, NetworkMeeting)
        and MeetingInvitee.objects.filter(meeting=meeting, group__members=user).exists()
    )


group_invited_to_meeting = predicate(group_invited_to_meeting)


rules.add_perm("sales.enter_sales", keeps_its_province | (is_producer & holds_the_booth))
rules.add_perm("sales.enter_late_sales", keeps_its_province)
rules.add_perm("sales.view_own_sales", is_producer)
rules.add_perm("sales.list_fairs", is_staff_officer)
rules.add_perm("sales.view_checkin", keeps_its_province)
rules.add_perm("sales.record_visit", keeps_its_province)
rules.add_perm("sales.set_cutoff", keeps_its_province)
rules.add_perm("sales.broadcast", keeps_its_province)
rules.add_perm("sales.report_issue", keeps_its_province | (is_producer & holds_a_booth_at_fair))
rules.add_perm("sales.list_issues", is_staff_officer | is_producer)
rules.add_perm("sales.view_issue", keeps_its_province | is_reporter_or_booth_holder)
rules.add_perm("sales.manage_issue", keeps_its_province)

rules.add_perm("sales.view_reports", is_staff_officer | is_producer)
rules.add_perm("sales.view_fair_report", keeps_its_province)
rules.add_perm(
    "sales.view_group_report",
    keeps_its_province | keeps_the_groups_province | (is_producer & is_member_of_reported_group),
)
rules.add_perm("sales.list_meetings", is_staff_officer | is_producer)
rules.add_perm("sales.add_meeting", is_staff_officer)
rules.add_perm(
    "sales.view_meeting",
    keeps_its_province | (is_producer & (group_attended_meeting | group_invited_to_meeting)),
)
rules.add_perm("sales.change_meeting", keeps_its_province)

# Visitors and the sales target are set by the fair's officers; the market-channel ledger and the
# fiscal-year report are read and written by officers (their provinces' groups) and producers
# (their own groups), the querysets narrowing what each sees.
rules.add_perm("sales.set_fair_figures", keeps_its_province)
rules.add_perm("sales.view_channel_sales", is_staff_officer | is_producer)
rules.add_perm("sales.add_channel_sale", is_staff_officer | is_producer)

"""Who may log sales, report and handle problems, and watch the fair day by day.

Officers act on the fairs of their provinces; producers on the booths their group holds.
"""

import rules

from booths.models import Assignment, Fair
from otop_fair.rules import is_admin, is_officer, is_producer, is_staff_officer, provinces_kept_by
from sales import report_rules  # noqa: F401  (registers the report and meeting permissions)
from sales.models import IssueReport


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

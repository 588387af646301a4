"""Role predicates shared by every app, and the project-wide permissions built from them.

Object-level predicates (an officer's province, a producer's group, a reviewer's assignment) live in
each app's own rules.py and combine with these through `&` and `|`.
"""

import rules

from otop_fair.accounts.models import Role


@rules.predicate
def is_officer(user):
    return user.is_authenticated and user.is_active and user.role == Role.OFFICER


@rules.predicate
def is_committee_member(user):
    return user.is_authenticated and user.is_active and user.role == Role.COMMITTEE


@rules.predicate
def is_producer(user):
    return user.is_authenticated and user.is_active and user.role == Role.PRODUCER


@rules.predicate
def is_admin(user):
    """A superuser whose account is still active (a deactivated one has no rights left)."""
    return user.is_authenticated and user.is_active and user.is_superuser


is_staff_officer = is_officer | is_admin
is_signed_in = rules.is_authenticated

rules.add_perm("otop_fair.view_audit_log", is_staff_officer)
rules.add_perm("otop_fair.view_officer_home", is_staff_officer)
rules.add_perm("otop_fair.view_committee_home", is_committee_member)
rules.add_perm("otop_fair.view_producer_home", is_producer)
rules.add_perm("otop_fair.use_app", is_signed_in)

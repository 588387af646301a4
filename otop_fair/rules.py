"""Role predicates shared by every app, and the project-wide permissions built from them.

Object-level predicates (an officer's province, a producer's group, a reviewer's assignment) live in
each app's own rules.py and combine with these through `&` and `|`.

Offices: the head office (`national_officer`) acts on every province, a provincial officer
(`officer`) on the provinces they keep, a district officer on the groups of their districts.
`provinces_kept_by` and `districts_kept_by` are the one statement of that scope; predicates,
querysets (`visible_to`) and forms all ask them.
"""

import rules

from otop_fair.accounts.models import PROVINCE_OFFICER_ROLES, Role


def _active(user):
    return user.is_authenticated and user.is_active


def acts_on_every_province(user):
    return _active(user) and (user.is_superuser or user.role == Role.NATIONAL_OFFICER)


def provinces_kept_by(user):
    """The provinces whose groups and fairs the user acts on for their office, as a queryset."""
    from producers.models import Province

    if acts_on_every_province(user):
        return Province.objects.all()
    if _active(user) and user.role == Role.OFFICER:
        return user.officer_provinces.all()
    return Province.objects.none()


def districts_kept_by(user):
    """The districts a district officer keeps (empty for everyone else: they keep provinces)."""
    from producers.models import District

    if _active(user) and user.role == Role.DISTRICT_OFFICER:
        return user.officer_districts.all()
    return District.objects.none()


@rules.predicate
def is_officer(user):
    """A provincial or head-office officer: organises fairs and keeps whole provinces."""
    return _active(user) and user.role in PROVINCE_OFFICER_ROLES


@rules.predicate
def is_national_officer(user):
    return _active(user) and user.role == Role.NATIONAL_OFFICER


@rules.predicate
def is_district_officer(user):
    return _active(user) and user.role == Role.DISTRICT_OFFICER


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

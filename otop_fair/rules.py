"""Role predicates shared by every app, and the project-wide permissions built from them.

Who keeps which area is stated once in `otop_fair/areas.py` (re-exported here): each model
declares its `Area`, querysets list by it (`visible_to`) and `keeps_area_of` / `owns_row` ask
the same of one object. Each app's rules.py composes these with its own predicates (a reviewer's
assignment, a committee seat) through `&` and `|`.
"""

import rules

from otop_fair.accounts.models import PROVINCE_OFFICER_ROLES, Role
from otop_fair.areas import (  # noqa: F401  (the apps import the scope from here too)
    acts_on_every_province,
    districts_kept_by,
    keeps_area,
    provinces_kept_by,
)
from otop_fair.predicates import predicate


def _active(user):
    return user.is_authenticated and user.is_active


def keeps_area_of(user, obj):
    """An office keeps the object's area, as the object's model declares it (`Model.area`)."""
    area = getattr(type(obj), "area", None)
    return area is not None and area.is_kept_by(user, obj)


keeps_area_of = predicate(keeps_area_of)


def owns_row(user, obj):
    """The object is one of the producer's own rows (its model's `area.own`)."""
    area = getattr(type(obj), "area", None)
    return area is not None and area.is_owned_by(user, obj)


owns_row = predicate(owns_row)


def keeps_province_of(user, obj):
    """An office keeps the object's province: a district office's districts do not count."""
    area = getattr(type(obj), "area", None)
    return area is not None and keeps_area(user, province_id=area.province_id_of(obj))


keeps_province_of = predicate(keeps_province_of)


# What `Model.objects.visible_to(user)` lists, for one object.
sees_row = keeps_area_of | owns_row


def keeps_provinces(user):
    """A provincial or head-office officer: organises fairs and keeps whole provinces (a district
    officer is an officer too, but keeps districts)."""
    return _active(user) and user.role in PROVINCE_OFFICER_ROLES


keeps_provinces = predicate(keeps_provinces)


# The former name, said "officer" where it means "keeps provinces"; sales/ still imports it.
is_officer = keeps_provinces


def is_national_officer(user):
    return _active(user) and user.role == Role.NATIONAL_OFFICER


is_national_officer = predicate(is_national_officer)


def is_district_officer(user):
    return _active(user) and user.role == Role.DISTRICT_OFFICER


is_district_officer = predicate(is_district_officer)


def is_committee_member(user):
    return user.is_authenticated and user.is_active and user.role == Role.COMMITTEE


is_committee_member = predicate(is_committee_member)


def is_producer(user):
    return user.is_authenticated and user.is_active and user.role == Role.PRODUCER


is_producer = predicate(is_producer)


def is_admin(user):
    """A superuser whose account is still active (a deactivated one has no rights left)."""
    return user.is_authenticated and user.is_active and user.is_superuser


is_admin = predicate(is_admin)


is_staff_officer = keeps_provinces | is_admin
is_signed_in = rules.is_authenticated

rules.add_perm("otop_fair.view_audit_log", is_staff_officer)
rules.add_perm("otop_fair.view_officer_home", is_staff_officer)
rules.add_perm("otop_fair.view_committee_home", is_committee_member)
rules.add_perm("otop_fair.view_producer_home", is_producer)
rules.add_perm("otop_fair.use_app", is_signed_in)

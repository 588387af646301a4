"""Who may see what, over areas: a person's provinces and districts against an object's. Written
once, importing no app; each model says where its area is (the lookups), each app's rules and
`visible_to` querysets compose these.

A minimal version of the contract shared with the r15areas branch (same names and signatures);
at merge that branch's module replaces this one.
"""

from django.db.models import Q

from otop_fair.accounts.models import Role
from otop_fair.rules import acts_on_every_province, districts_kept_by, provinces_kept_by

__all__ = [
    "acts_on_every_province",
    "area_q",
    "districts_kept_by",
    "keeps_area",
    "provinces_kept_by",
]

NOTHING = Q(pk__in=[])


def _role(user):
    return user.role if user.is_authenticated and user.is_active else None


def area_q(user, *, province, district=None, own=None):
    """The filter of a queryset whose province is reached by the lookup `province`, district by
    `district`, and the producer's own rows by `own`: everything for the head office, the kept
    provinces for a provincial officer, the kept districts for a district officer, their own rows
    for a producer, nothing for anyone else."""
    if acts_on_every_province(user):
        return Q()
    role = _role(user)
    if role == Role.OFFICER:
        return Q(**{f"{province}__in": provinces_kept_by(user).values("pk")})
    if role == Role.DISTRICT_OFFICER and district is not None:
        return Q(**{f"{district}__in": districts_kept_by(user).values("pk")})
    if role == Role.PRODUCER and own is not None:
        return Q(**{own: user})
    return NOTHING


def keeps_area(user, *, province_id, district_id=None):
    """Whether `user` keeps the area of one object (its province, and its district if it has
    one): the same rule as `area_q` for an officer; a producer keeps no area."""
    if acts_on_every_province(user):
        return True
    role = _role(user)
    if role == Role.OFFICER and province_id is not None:
        return provinces_kept_by(user).filter(pk=province_id).exists()
    if role == Role.DISTRICT_OFFICER and district_id is not None:
        return districts_kept_by(user).filter(pk=district_id).exists()
    return False

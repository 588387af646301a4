"""Who may see what, over areas (provinces, districts), importing no app.

A minimal version of the contract r15areas owns (issue 15); at merge theirs replaces this one.
"""

from django.db.models import Q

from otop_fair.rules import acts_on_every_province, districts_kept_by, provinces_kept_by

__all__ = [
    "acts_on_every_province",
    "area_q",
    "districts_kept_by",
    "keeps_area",
    "provinces_kept_by",
]


def area_q(user, *, province, district=None, own=None):
    """The filter for rows whose province is reached by `province`, district by `district` and
    the producer's own rows by `own`; nobody else sees any row."""
    if acts_on_every_province(user):
        return Q()
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if user.role == "officer":
        return Q(**{f"{province}__in": provinces_kept_by(user).values("pk")})
    if user.role == "district_officer" and district:
        return Q(**{f"{district}__in": districts_kept_by(user).values("pk")})
    if user.role == "producer" and own:
        return Q(**{own: user})
    return Q(pk__in=[])


def keeps_area(user, *, province_id, district_id=None):
    """The same rule for one object."""
    if acts_on_every_province(user):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    if user.role == "officer":
        return provinces_kept_by(user).filter(pk=province_id).exists()
    if user.role == "district_officer" and district_id is not None:
        return districts_kept_by(user).filter(pk=district_id).exists()
    return False

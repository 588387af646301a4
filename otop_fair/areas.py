"""Who may see what, over areas: a person's provinces and districts against a row's.

The head office (and a superuser) acts on every province, a provincial officer on the provinces
they keep, a district officer on their districts, a producer on their own rows; anyone else on
nothing — no link never means "everything". Each model states where its area is with an `Area`
(the lookups from a row to its province, district and owners); `area_q` filters a queryset by it,
`keeps_area` asks the same of one object, and `AreaQuerySet.visible_to` is the one list of what a
person may see. This module imports no app: the user's role is read from the user model's own
properties and the geography models are looked up by name when first asked for.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.db.models import Q

NOTHING = Q(pk__in=[])


def _active(user):
    return user.is_authenticated and user.is_active


def acts_on_every_province(user):
    return _active(user) and (user.is_superuser or user.is_national_officer)


def _keeps_provinces(user):
    """A provincial officer (the head office keeps every province without links)."""
    return _active(user) and user.is_officer and not acts_on_every_province(user)


def _keeps_districts(user):
    return _active(user) and user.is_district_officer


def _owns_rows(user):
    return _active(user) and user.is_producer


def provinces_kept_by(user):
    """The provinces whose groups and fairs the user acts on for their office, as a queryset."""
    province = apps.get_model("producers", "Province")
    if acts_on_every_province(user):
        return province.objects.all()
    if _keeps_provinces(user):
        return user.officer_provinces.all()
    return province.objects.none()


def districts_kept_by(user):
    """The districts a district officer keeps (empty for everyone else: they keep provinces)."""
    if _keeps_districts(user):
        return user.officer_districts.all()
    return apps.get_model("producers", "District").objects.none()


def area_q(user, *, province: str, district: str | None = None, own: str | None = None) -> Q:
    """The rows `user` may see of a queryset whose province is reached by the lookup `province`,
    its district by `district` and its owners by `own` (rows without such a way are kept by the
    offices above them only)."""
    if acts_on_every_province(user):
        return Q()
    if _keeps_provinces(user):
        return Q(**{f"{province}__in": provinces_kept_by(user).values("pk")})
    if _keeps_districts(user) and district:
        return Q(**{f"{district}__in": districts_kept_by(user).values("pk")})
    if _owns_rows(user) and own:
        return Q(**{own: user})
    return NOTHING


def _kept_ids(user, attribute, queryset_of):
    """The pks of what the user keeps, read once per user object (one request's user)."""
    if not hasattr(user, attribute):
        setattr(user, attribute, set(queryset_of(user).values_list("pk", flat=True)))
    return getattr(user, attribute)


def keeps_area(user, *, province_id, district_id=None) -> bool:
    """`area_q`'s rule for one object whose province and district are known (owners aside)."""
    if acts_on_every_province(user):
        return True
    if _keeps_provinces(user):
        return province_id in _kept_ids(user, "_kept_province_ids", provinces_kept_by)
    if _keeps_districts(user) and district_id is not None:
        return district_id in _kept_ids(user, "_kept_district_ids", districts_kept_by)
    return False


def _id_at(obj, lookup):
    """The pk at the end of `lookup` ("fair__province") from `obj`, following loaded relations."""
    *path, last = lookup.split("__")
    for name in path:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id")


@dataclass(frozen=True)
class Area:
    """Where a model's rows lie: lookups from a row to its province, its district (kept by a
    district officer) and its owners (a producer's own rows). Declared on the model as `area`."""

    province: str
    district: str | None = None
    own: str | None = None

    def q(self, user) -> Q:
        return area_q(user, province=self.province, district=self.district, own=self.own)

    def province_id_of(self, obj):
        return _id_at(obj, self.province)

    def district_id_of(self, obj):
        return _id_at(obj, self.district) if self.district else None

    def is_kept_by(self, user, obj) -> bool:
        """An office keeps the object's province or district."""
        return keeps_area(
            user, province_id=self.province_id_of(obj), district_id=self.district_id_of(obj)
        )

    def is_owned_by(self, user, obj) -> bool:
        """The object is one of the producer's own rows."""
        if not (self.own and _owns_rows(user)):
            return False
        *path, last = self.own.split("__")
        for name in path:  # through loaded relations: the object may not be saved yet
            obj = getattr(obj, name, None)
            if obj is None:
                return False
        if hasattr(obj, f"{last}_id"):
            return getattr(obj, f"{last}_id") == user.pk
        # A page asks for every row: each owner (a group) is looked up once per user object.
        answers = user.__dict__.setdefault("_owned_rows", {})
        key = (type(obj)._meta.label_lower, obj.pk, last)
        if key not in answers:
            answers[key] = getattr(obj, last).filter(pk=user.pk).exists()
        return answers[key]


class AreaQuerySet(models.QuerySet):
    """A queryset of a model that declares its `area`."""

    def visible_to(self, user):
        return self.filter(self.model.area.q(user))

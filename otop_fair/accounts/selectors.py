"""Reads on accounts: the people an officer keeps, their state, and a person's events."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from otop_fair.accounts.models import AccountEvent, Invitation, Role, User
from otop_fair.areas import area_q

STATUS_NO_PASSWORD = "no_password"
STATUS_INACTIVE = "inactive"
STATUS_ACTIVE = "active"


def people_kept_by(user):
    """Every account `user` may manage (never their own)."""
    people = User.objects.exclude(pk=user.pk)
    if user.is_superuser:
        return people
    # Through a province: a committee member's own, a producer's groups'. Nobody is kept by a
    # district office, and a person linked to no province by no office (superusers aside).
    members = User.producer_groups.through.objects.filter(
        area_q(user, province="producergroup__province")
    )
    kept = Q(role=Role.COMMITTEE, province__isnull=False) & area_q(user, province="province")
    kept |= Q(role=Role.PRODUCER, pk__in=members.values("user_id"))
    return people.filter(kept)


def _filtered(people, filters):
    q = (filters.get("q") or "").strip()
    if q:
        people = people.filter(
            Q(username__icontains=q)
            | Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(phone__contains=q)
            | Q(producer_groups__name__icontains=q)
            | Q(producer_groups__registration_no__icontains=q)
        ).distinct()
    if filters.get("role"):
        people = people.filter(role=filters["role"])
    status = filters.get("status")
    if status == STATUS_NO_PASSWORD:
        people = people.filter(is_active=True, password__startswith="!")
    elif status == STATUS_INACTIVE:
        people = people.filter(is_active=False)
    elif status == STATUS_ACTIVE:
        people = people.filter(is_active=True)
    return people


def people_list(user, filters):
    """The matching accounts with their groups and whether a slip is out, in a fixed number of
    queries."""
    open_invitation = Invitation.objects.filter(
        user=OuterRef("pk"), used_at__isnull=True, expires_at__gt=timezone.now()
    )
    return (
        _filtered(people_kept_by(user), filters)
        .select_related("province")
        .prefetch_related(Prefetch("producer_groups", to_attr="listed_groups"))
        .annotate(has_open_invitation=Exists(open_invitation))
        .order_by("first_name", "last_name", "pk")
    )


def person_events(person, limit=30):
    return AccountEvent.objects.filter(target=person).select_related("by")[:limit]

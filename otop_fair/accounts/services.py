"""Writes on accounts: officers create, reset, unlock, deactivate; each one leaves an event."""

import re

from axes.handlers.proxy import AxesProxyHandler
from django.db import transaction

from otop_fair.accounts import invitations
from otop_fair.accounts.models import AccountAction, AccountEvent, InvitationPurpose, Role, User
from otop_fair.thai_text import canonical_phone, normalise_text


def phone_or_blank(value):
    try:
        return canonical_phone(value or "")
    except ValueError:
        return ""


def group_username(group):
    """`otop-` and the registration number in lower-case letters and digits; the group's id
    when nothing of the number is left (a number in Thai letters, say)."""
    slug = re.sub(r"[^a-z0-9]", "", group.registration_no.lower())[:120]
    return f"otop-{slug}" if slug else f"otop-g{group.pk}"


def _usernames(groups):
    """One free username per group: two numbers may read the same once simplified (`A-1`, `A1`),
    so the later ones get their group's id added."""
    wanted = {group.pk: group_username(group) for group in groups}
    candidates = [*wanted.values(), *(f"{name}-{pk}" for pk, name in wanted.items())]
    taken = set(User.objects.filter(username__in=candidates).values_list("username", flat=True))
    names = {}
    for group in groups:
        name = wanted[group.pk]
        if name in taken:
            name = f"{name}-{group.pk}"
        taken.add(name)
        names[group.pk] = name
    return names


def _account_for_group(group, username):
    user = User(
        username=username,
        first_name=normalise_text(group.contact_name)[:150],
        role=Role.PRODUCER,
        phone=phone_or_blank(group.phone),
    )
    user.set_unusable_password()
    return user


def groups_without_account(groups):
    """Those of `groups` that no active member account serves."""
    return groups.exclude(members__is_active=True)


def create_group_accounts(*, groups, by):
    """An account for the contact person of every group in `groups` that has no active member.

    Idempotent: run twice, the second run creates nothing. The groups are locked while it runs,
    so two officers pressing at once cannot make two accounts for one group.
    """
    with transaction.atomic():
        pending = list(
            groups_without_account(groups).select_for_update(of=("self",)).order_by("pk")
        )
        names = _usernames(pending)
        users = User.objects.bulk_create([_account_for_group(g, names[g.pk]) for g in pending])
        membership = pending[0].members.through if pending else None
        if membership:
            membership.objects.bulk_create(
                membership(producergroup_id=g.pk, user_id=u.pk)
                for g, u in zip(pending, users, strict=True)
            )
        AccountEvent.objects.bulk_create(
            AccountEvent(action=AccountAction.CREATED, target=u, by=by) for u in users
        )
    return users


def create_person(*, role, first_name, last_name, phone, email, username, province, by):
    """A committee member's (or, by a superuser, an officer's) account, with no password yet."""
    with transaction.atomic():
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            role=role,
            phone=phone,
            email=email,
            province=province if role == Role.COMMITTEE else None,
        )
        user.set_unusable_password()
        user.save()
        if role == Role.OFFICER and province is not None:
            user.officer_provinces.add(province)
        AccountEvent.objects.create(action=AccountAction.CREATED, target=user, by=by)
    return user


def reset_password(*, user, by):
    """The old password stops working at once; a new slip or link lets the person choose one."""
    with transaction.atomic():
        user.set_unusable_password()
        user.save(update_fields=["password"])
        AccountEvent.objects.create(action=AccountAction.RESET, target=user, by=by)
        return invitations.issue(users=[user], by=by, purpose=InvitationPurpose.RESET)[0]


def unlock(*, user, by):
    """Forget the failed sign-ins counted under the account's username and phone number."""
    with transaction.atomic():
        for key in {user.username, user.phone} - {""}:
            AxesProxyHandler.reset_attempts(username=key)
        AccountEvent.objects.create(action=AccountAction.UNLOCKED, target=user, by=by)


def set_active(*, user, is_active, by):
    """Deactivate a person who left, or bring them back. An inactive account cannot sign in,
    and its open sessions end too: the backend's `get_user` refuses inactive users."""
    with transaction.atomic():
        user.is_active = is_active
        user.save(update_fields=["is_active"])
        action = AccountAction.REACTIVATED if is_active else AccountAction.DEACTIVATED
        AccountEvent.objects.create(action=action, target=user, by=by)

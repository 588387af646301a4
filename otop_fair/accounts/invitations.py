"""One-time invitations: a link for the QR code and a short code to type, both single-use.

Only keyed hashes are stored. A short code has 10 characters from an alphabet without look-alikes
(no 0/O, 1/I/L, 5/S, 2/Z, 8/B), about 45 bits; with expiry and the lock-out counter on guesses
that is far beyond reach.
"""

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from otop_fair.accounts.models import AccountAction, AccountEvent, Invitation, InvitationPurpose

CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 10


def valid_days():
    return getattr(settings, "ACCOUNT_INVITATION_DAYS", 14)


def _digest(kind, secret):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{kind}:{secret}".encode(), hashlib.sha256).hexdigest()


def new_short_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def canonical_code(typed):
    """What a person typed as a short code, without spaces or dashes, in capitals."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())


def shown_code(code):
    """Grouped for reading aloud and typing: `ACD-EFG-HJKM`."""
    return f"{code[:3]}-{code[3:6]}-{code[6:]}"


@dataclass(frozen=True)
class IssuedInvitation:
    """The secrets exist only here, once, to print on a slip or send by e-mail."""

    invitation: Invitation
    token: str
    code: str

    @property
    def user(self):
        return self.invitation.user

    @property
    def shown_code(self):
        return shown_code(self.code)


def secrets_from_seed(seed):
    """The link token and short code of an invitation sent by a job: made again from the seed
    (the outbox row's retry key) and the SECRET_KEY whenever the worker sends, so the outbox
    stores no secret and a retried message carries the same one."""
    token = _digest("seeded-token", seed)[:32]
    number = int(_digest("seeded-code", seed), 16)
    code = ""
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(CODE_ALPHABET))
        code += CODE_ALPHABET[index]
    return token, code


def issue(*, users, by, purpose=InvitationPurpose.INVITE, seeds=None):
    """New invitations for `users`, retiring any earlier unused ones, each recorded as an event.
    With `seeds` (user pk → seed) the secrets are made from the seeds (see secrets_from_seed)."""
    now = timezone.now()
    expires = now + datetime.timedelta(days=valid_days())
    issued = []
    with transaction.atomic():
        Invitation.objects.filter(user__in=users, used_at__isnull=True).update(expires_at=now)
        for user in users:
            if seeds is None:
                token, code = secrets.token_urlsafe(24), new_short_code()
            else:
                token, code = secrets_from_seed(seeds[user.pk])
            invitation = Invitation(
                user=user,
                purpose=purpose,
                token_hash=_digest("token", token),
                code_hash=_digest("code", code),
                created_by=by,
                expires_at=expires,
            )
            issued.append(IssuedInvitation(invitation, token, code))
        Invitation.objects.bulk_create([item.invitation for item in issued])
        AccountEvent.objects.bulk_create(
            AccountEvent(action=AccountAction.INVITED, target=user, by=by) for user in users
        )
    return issued


def _usable():
    return Invitation.objects.select_related("user").filter(
        used_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True
    )


def by_token(token):
    return _usable().filter(token_hash=_digest("token", token or "")).first()


def by_pk(pk):
    return _usable().filter(pk=pk).first() if isinstance(pk, int) else None


def by_code(typed):
    code = canonical_code(typed)
    if len(code) != CODE_LENGTH:
        return None
    return _usable().filter(code_hash=_digest("code", code)).first()


def redeem(*, invitation, password):
    """Set the chosen password and spend the invitation, once even if two requests race."""
    with transaction.atomic():
        spent = Invitation.objects.filter(
            pk=invitation.pk, used_at__isnull=True, expires_at__gt=timezone.now()
        ).update(used_at=timezone.now())
        if not spent:
            return None
        user = invitation.user
        user.set_password(password)
        user.save(update_fields=["password"])
        AccountEvent.objects.create(action=AccountAction.PASSWORD_CHOSEN, target=user, by=user)
    return user

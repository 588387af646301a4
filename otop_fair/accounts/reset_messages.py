""" "Forgot password": the link and short code go to a verified e-mail address, otherwise by LINE
(a linked account) or SMS (the account's phone) — always through the outbox and the job queue, so
the request does the same work (one transaction, nothing sent) whether or not the account exists
and a timer cannot tell who has one.

The outbox row holds no secret: the invitation is issued with the row's retry key as its seed,
and the worker makes the link and code from that seed when it sends (`secret_context`).
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from otop_fair.accounts import invitations
from otop_fair.accounts.login import accounts_for_login
from otop_fair.accounts.models import InvitationPurpose
from otop_fair.notifications.catalogue import CHANNELS_OF
from otop_fair.notifications.models import Channel
from otop_fair.notifications.services import Message, notify, preferences_of, reachable_channels

TEMPLATE = "password_reset"
# However often (and from however many addresses) someone asks, a person gets at most one
# message per window; the link already sent stays good.
WINDOW_MINUTES = 15


def send_reset(key):
    """Every account `key` names gets its way back in: a verified e-mail address by e-mail,
    otherwise LINE or SMS where one reaches the person; anyone else nothing (the page, the same
    for every key, tells them to ask their district office). Returns how many were queued."""
    people = list(accounts_for_login(key))
    by_email = [p for p in people if p.email_verified and p.email]
    by_message = reachable_by_message([p for p in people if p not in by_email])
    return send_reset_messages(by_email, channel=Channel.EMAIL) + send_reset_messages(by_message)


def reachable_by_message(people):
    """Those of `people` whom a configured LINE or SMS channel reaches."""
    prefs = preferences_of([p.pk for p in people])
    allowed = CHANNELS_OF[TEMPLATE]
    return [p for p in people if set(reachable_channels(p, prefs.get(p.pk))) & set(allowed)]


def _window_key(now):
    local = timezone.localtime(now)
    start = local.replace(minute=local.minute - local.minute % WINDOW_MINUTES, second=0)
    return f"{TEMPLATE}:{start:%Y%m%d%H%M}"


def _province_of(person):
    groups = person.producer_groups.values_list("province_id", flat=True)
    return person.province_id or next(iter(groups), None)


@transaction.atomic
def send_reset_messages(people, now=None, channel=None):
    """Queue a reset message to each of `people` and issue its invitation, seeded by the outbox
    row, in one transaction; returns how many were queued. `channel` is given only for people
    whose verified e-mail address takes it; otherwise each person's LINE or SMS."""
    if not people:
        return 0
    now = now or timezone.now()
    context = {"days": invitations.valid_days(), "code_page": _absolute("accounts:short_code")}
    key = _window_key(now)
    messages = [Message(p, TEMPLATE, context, key, _province_of(p), channel) for p in people]
    rows = notify(messages, now=now)
    if rows:
        invitations.issue(
            users=[row.recipient for row in rows],
            by=None,
            purpose=InvitationPurpose.FORGOT,
            seeds={row.recipient_id: str(row.retry_key) for row in rows},
        )
    return len(rows)


def secret_context(row):
    """The link and code of the row's invitation, made again from its seed (catalogue hook)."""
    token, code = invitations.secrets_from_seed(str(row.retry_key))
    link = _absolute("accounts:invitation", token)
    return {"link": link, "code": invitations.shown_code(code)}


def _absolute(name, *args):
    return settings.SITE_URL + reverse(name, args=args)

"""Delivering outbox rows: claim them (a row is claimed by one worker only), send, record.

A claimed row is marked `sending` under `SELECT … FOR UPDATE SKIP LOCKED`, so two workers that
hold jobs naming the same row never both send it. LINE pushes carry the row's retry key, so a
push retried after an unclear failure is delivered once; SMS and e-mail are at-least-once.
"""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from otop_fair.notifications import channels
from otop_fair.notifications.catalogue import render_for_sending
from otop_fair.notifications.models import Channel, ContactPreference, Notification, Status
from otop_fair.notifications.services import (
    line_quota_left,
    preferences_of,
    queue_delivery,
    route,
)

MAX_ATTEMPTS = 5
REPLY_TOKEN_SECONDS = 50
CLAIMABLE = (Status.QUEUED, Status.RETRYING)


class RetryLater(Exception):
    """Some rows met a channel that is down; the job is retried with backoff."""


def claim(ids, now):
    with transaction.atomic():
        rows = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk__in=ids, status__in=CLAIMABLE)
            .exclude(not_before__gt=now)
            .select_related("recipient")
        )
        Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
            status=Status.SENDING, attempts=F("attempts") + 1, claimed_at=now
        )
    for row in rows:
        row.attempts += 1
    return rows


def deliver(ids, now=None):
    """Send the rows named by `ids` that are still waiting; raise RetryLater if any channel was
    down, after recording what did go."""
    now = now or timezone.now()
    rows = claim(ids, now)
    prefs = preferences_of({r.recipient_id for r in rows})
    down = 0
    line_rows = [r for r in rows if r.channel == Channel.LINE]
    for group in _multicast_groups(line_rows, prefs):
        down += _send_line_group(group, prefs, now)
    for row in rows:
        if row.channel != Channel.LINE:
            down += _send_one(row, prefs.get(row.recipient_id), now)
    if down:
        raise RetryLater(f"{down} notifications wait for a channel to come back")
    return len(rows)


def _multicast_groups(rows, prefs):
    """Rows with the same text go together (at most 500 a request); a row whose person wrote to
    us in the last minute goes alone, as a free reply."""
    by_text = {}
    for row in rows:
        preference = prefs.get(row.recipient_id)
        key = "reply" if _reply_token(preference) else render_for_sending(row)
        if key == "reply":
            by_text.setdefault(("reply", row.pk), []).append(row)
        else:
            by_text.setdefault(key, []).append(row)
    for group in by_text.values():
        for i in range(0, len(group), channels.MULTICAST_MAX):
            yield group[i : i + channels.MULTICAST_MAX]


def _reply_token(preference):
    if not preference or not preference.line_reply_token or not preference.line_reply_token_at:
        return None
    age = timezone.now() - preference.line_reply_token_at
    return preference.line_reply_token if age.total_seconds() < REPLY_TOKEN_SECONDS else None


def _send_line_group(group, prefs, now):
    text = render_for_sending(group[0])
    preference = prefs.get(group[0].recipient_id)
    try:
        token = _reply_token(preference)
        if token and len(group) == 1:
            ContactPreference.objects.filter(pk=preference.pk).update(line_reply_token="")
            provider_id = channels.send_line_reply(token, text)
        elif len(group) == 1:
            provider_id = channels.send_line_push(preference.line_user_id, text, group[0].retry_key)
        else:
            ids = [prefs[r.recipient_id].line_user_id for r in group]
            key = uuid.uuid5(uuid.NAMESPACE_OID, ",".join(sorted(str(r.retry_key) for r in group)))
            provider_id = channels.send_line_multicast(ids, text, key)
    except channels.Unreachable as error:
        for row in group:
            _fall_back(row, prefs.get(row.recipient_id), str(error), now)
        return 0
    except channels.ChannelDown as error:
        return sum(_failed(row, prefs.get(row.recipient_id), str(error), now) for row in group)
    _sent([r.pk for r in group], provider_id, now)
    return 0


def _send_one(row, preference, now):
    text = render_for_sending(row)
    user = row.recipient
    try:
        if row.channel == Channel.SMS:
            provider_id = import_string(settings.SMS_BACKEND)(user.phone, text, row.retry_key)
        elif row.channel == Channel.EMAIL:
            provider_id = channels.send_email(user.email, _subject(text), text)
        else:
            provider_id = channels.send_console(user.get_username(), text)
    except channels.Unreachable as error:
        _fall_back(row, preference, str(error), now)
        return 0
    except channels.ChannelDown as error:
        return _failed(row, preference, str(error), now)
    _sent([row.pk], provider_id, now)
    return 0


def _subject(text):
    return "OTOP: " + text.split("\n")[0][:60]


def _sent(pks, provider_id, now):
    Notification.objects.filter(pk__in=pks).update(
        status=Status.SENT, sent_at=now, provider_id=provider_id[:120]
    )


def _failed(row, preference, error, now):
    """A channel down: retry later, or after MAX_ATTEMPTS move to the next channel."""
    if row.attempts >= MAX_ATTEMPTS:
        _fall_back(row, preference, error, now)
        return 0
    Notification.objects.filter(pk=row.pk).update(
        status=Status.RETRYING, failed_at=now, last_error=error[:300]
    )
    return 1


def _fall_back(row, preference, error, now):
    """Try the person's next channel; nobody is left silently unreached — the last resort is the
    officer's print list."""
    channel = route(
        row.recipient,
        preference,
        line_left=line_quota_left(now),
        after=row.channel,
        template=row.template,
    )
    row.channel, row.failed_at, row.last_error = channel, now, error[:300]
    row.status = Status.TO_PRINT if channel == Channel.PRINT else Status.QUEUED
    row.save(update_fields=["channel", "failed_at", "last_error", "status"])
    if row.status == Status.QUEUED:
        transaction.on_commit(lambda: queue_delivery([row]))


def release_stalled(now=None, minutes=10):
    """Rows left `sending` by a worker that died go back to the queue (LINE's retry key keeps a
    push single; SMS and e-mail may arrive twice — the delivery log says so)."""
    now = now or timezone.now()
    stalled = Notification.objects.filter(
        status=Status.SENDING, claimed_at__lt=now - datetime.timedelta(minutes=minutes)
    )
    # A row that keeps killing its worker is not tried for ever: it goes to the print list.
    stalled.filter(attempts__gte=2 * MAX_ATTEMPTS).update(
        status=Status.TO_PRINT, channel=Channel.PRINT, failed_at=now, last_error="worker failed"
    )
    rows = list(stalled.filter(attempts__lt=2 * MAX_ATTEMPTS))
    Notification.objects.filter(pk__in=[r.pk for r in rows]).update(status=Status.QUEUED)
    for row in rows:
        row.status = Status.QUEUED
    queue_delivery(rows)
    return len(rows)

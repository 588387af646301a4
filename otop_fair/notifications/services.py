"""Writing notifications: choose each person's channel, respect quiet hours, and hand the rows to
the job queue in the caller's transaction."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from otop_fair.notifications.catalogue import ASKED_FOR, CHANNELS_OF
from otop_fair.notifications.models import Channel, ContactPreference, Notification, Status

DEFAULT_ORDER = (Channel.LINE, Channel.SMS, Channel.EMAIL)
JOB_SIZE = 100
OPEN_STATUSES = (Status.QUEUED, Status.SENDING, Status.RETRYING)


@dataclass
class Message:
    """One event's message to one person, before it becomes an outbox row."""

    recipient: object
    template: str
    context: dict = field(default_factory=dict)
    dedupe_key: str = ""
    province_id: str | None = None
    # Set only by code that has already proved the channel reaches this person alone (a reset
    # link to a verified e-mail address); otherwise `route` chooses.
    channel: str | None = None


def configured_channels():
    """The channels this deployment has an account for."""
    found = []
    if settings.LINE_CHANNEL_ACCESS_TOKEN:
        found.append(Channel.LINE)
    if settings.SMS_GATEWAY_URL:
        found.append(Channel.SMS)
    if settings.EMAIL_HOST:
        found.append(Channel.EMAIL)
    return found


def reachable_channels(user, preference):
    """The person's channels in their order of preference, kept only where we can reach them."""
    configured = configured_channels()
    order = (preference.channels if preference and preference.channels else None) or DEFAULT_ORDER
    address = {
        Channel.LINE: preference.line_user_id if preference else None,
        Channel.SMS: user.phone,
        Channel.EMAIL: user.email,
    }
    return [c for c in order if c in configured and address.get(c)]


def preferences_of(user_ids):
    """Each person's preference by user id (people without one are simply absent)."""
    return {p.user_id: p for p in ContactPreference.objects.filter(user_id__in=list(user_ids))}


def line_quota_left(now=None):
    """LINE pushes left this month: the quota less what was pushed or is waiting to be pushed.
    Replies are free and do not count."""
    now = timezone.localtime(now or timezone.now())
    month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    used = (
        Notification.objects.filter(channel=Channel.LINE)
        .filter(Q(status__in=OPEN_STATUSES) | Q(status=Status.SENT, sent_at__gte=month_start))
        .exclude(provider_id__startswith="reply:")
        .count()
    )
    return settings.LINE_MONTHLY_PUSH_QUOTA - used


def route(user, preference, *, line_left, after=None, template=None):
    """The channel to try first: the first reachable one (LINE only while the quota lasts); the
    console when no account is configured; the print list when the person is unreachable. A
    message the catalogue limits to some channels takes only those."""
    allowed = CHANNELS_OF.get(template)
    if not configured_channels() and allowed is None:
        return Channel.CONSOLE
    channels = [c for c in reachable_channels(user, preference) if allowed is None or c in allowed]
    if after is not None:
        channels = channels[channels.index(after) + 1 :] if after in channels else []
    for channel in channels:
        if channel != Channel.LINE or line_left > 0:
            return channel
    return Channel.PRINT


def quiet_until(preference, now):
    """When the person's quiet hours end, if `now` falls inside them; otherwise None."""
    if not preference or preference.quiet_from is None or preference.quiet_until is None:
        return None
    local = timezone.localtime(now)
    start, end, at = preference.quiet_from, preference.quiet_until, local.time()
    inside = start <= at < end if start < end else (at >= start or at < end)
    if not inside:
        return None
    day = local.date() if at < end else local.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, end))


def forecast(users, now=None):
    """Before a large send: how many go by each channel, and whether LINE's quota suffices."""
    users = list(users)
    prefs = preferences_of([u.pk for u in users])
    left = line_quota_left(now)
    counts, line_wanted = {}, 0
    for user in users:
        preference = prefs.get(user.pk)
        line_wanted += Channel.LINE in reachable_channels(user, preference)
        channel = route(user, preference, line_left=left)
        left -= channel == Channel.LINE
        counts[channel] = counts.get(channel, 0) + 1
    quota = line_quota_left(now)
    by_channel = [(Channel(c).label, n) for c, n in counts.items()]
    return {"by_channel": by_channel, "line_wanted": line_wanted, "line_left": quota}


@transaction.atomic
def notify(messages, now=None):
    """Write one outbox row per message (skipping events already told) and queue their delivery
    in the same transaction. Returns the rows written."""
    now = now or timezone.now()
    messages = [m for m in messages if m.recipient is not None]
    keyed = [(m.recipient.pk, m.dedupe_key) for m in messages if m.dedupe_key]
    told = _already_told(keyed)
    prefs = preferences_of({m.recipient.pk for m in messages})
    left = line_quota_left(now)
    rows = []
    for m in messages:
        if m.dedupe_key and (m.recipient.pk, m.dedupe_key) in told:
            continue
        preference = prefs.get(m.recipient.pk)
        channel = m.channel or route(m.recipient, preference, line_left=left, template=m.template)
        left -= channel == Channel.LINE
        rows.append(_row(m, channel, preference, now))
    Notification.objects.bulk_create(rows, batch_size=1000)
    queue_delivery(rows)
    return rows


def _already_told(keyed):
    if not keyed:
        return set()
    keys = {key for _, key in keyed}
    return set(
        Notification.objects.filter(dedupe_key__in=keys).values_list("recipient_id", "dedupe_key")
    )


def _row(message, channel, preference, now):
    return Notification(
        recipient=message.recipient,
        channel=channel,
        template=message.template,
        context=message.context,
        dedupe_key=message.dedupe_key,
        province_id=message.province_id,
        status=Status.TO_PRINT if channel == Channel.PRINT else Status.QUEUED,
        not_before=None if message.template in ASKED_FOR else quiet_until(preference, now),
        created_at=now,
    )


def queue_delivery(rows):
    """Defer delivery jobs of at most JOB_SIZE rows each, held back until quiet hours end."""
    from otop_fair.notifications.tasks import deliver

    waiting = {}
    for row in rows:
        if row.status == Status.QUEUED:
            waiting.setdefault(row.not_before, []).append(row.pk)
    for not_before, ids in waiting.items():
        chunks = [{"ids": ids[i : i + JOB_SIZE]} for i in range(0, len(ids), JOB_SIZE)]
        if not_before is None:
            deliver.batch_defer(*chunks)
        else:
            deliver.configure(schedule_at=not_before).batch_defer(*chunks)

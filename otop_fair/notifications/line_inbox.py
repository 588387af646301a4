"""What people send to the Official Account, handled by a worker after the webhook has verified
and queued it: a follow, a one-time code that links the account, or a chat line that another app
answers (sales by LINE chat) through the `line_text_received` signal."""

import re

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from otop_fair.notifications import channels
from otop_fair.notifications.models import (
    Channel,
    ContactPreference,
    LineLinkCode,
    Notification,
    Status,
)
from otop_fair.notifications.services import configured_channels

# Sent with user=, text=, message_id=, now=. A receiver that understands the text returns the
# reply to send; one that does not returns None.
line_text_received = Signal()
CODE_SHAPE = re.compile(r"^[A-Z0-9]{8}$")


def handle_event(event, now=None):
    now = now or timezone.now()
    line_user_id = (event.get("source") or {}).get("userId")
    if not line_user_id:
        return
    preference = (
        ContactPreference.objects.filter(line_user_id=line_user_id).select_related("user").first()
    )
    with translation.override("th"):
        reply = _answer(event, line_user_id, preference, now)
    token = event.get("replyToken")
    if reply and token:
        send_reply(preference, token, reply, now)
    elif token and preference:
        # Nothing to say now: keep the token, a notification in the next minute goes free.
        preference.line_reply_token, preference.line_reply_token_at = token, now
        preference.save(update_fields=["line_reply_token", "line_reply_token_at"])


def _answer(event, line_user_id, preference, now):
    kind = event.get("type")
    if kind == "follow":
        return _("Welcome. To get fair news here, send the code shown on your OTOP Fair page.")
    if kind == "unfollow" and preference:
        preference.line_user_id = None
        preference.save(update_fields=["line_user_id"])
        return None
    message = event.get("message") or {}
    if kind != "message" or message.get("type") != "text":
        return None
    text = message.get("text", "").strip()
    linked = _link(text, line_user_id, now)
    if linked:
        return _("Your LINE is now linked to %(name)s.") % {"name": linked.display_name}
    if preference is None:
        return _("This LINE is not linked yet. Send the code shown on your OTOP Fair page.")
    answers = line_text_received.send(
        sender=None, user=preference.user, text=text, message_id=message.get("id", ""), now=now
    )
    for _receiver, answer in answers:
        if answer:
            return answer
    return _('Sorry, I did not understand. To report sales, send for example: "ยอด 12500"')


@transaction.atomic
def _link(text, line_user_id, now):
    code = text.upper().replace(" ", "")
    if not CODE_SHAPE.match(code):
        return None
    found = (
        LineLinkCode.objects.select_for_update()
        .filter(code=code, used_at__isnull=True, expires_at__gt=now)
        .select_related("user")
        .first()
    )
    if found is None:
        return None
    found.used_at = now
    found.save(update_fields=["used_at"])
    ContactPreference.objects.filter(line_user_id=line_user_id).update(line_user_id=None)
    preference, _created = ContactPreference.objects.get_or_create(user=found.user)
    preference.line_user_id, preference.line_linked_at = line_user_id, now
    preference.save(update_fields=["line_user_id", "line_linked_at"])
    return found.user


def send_reply(preference, token, text, now):
    """Replies are free; they are kept in the outbox like every other message."""
    if Channel.LINE in configured_channels():
        try:
            provider_id = channels.send_line_reply(token, text)
        except (channels.ChannelDown, channels.Unreachable):
            return
        channel = Channel.LINE
    else:
        provider_id, channel = channels.send_console("LINE reply", text), Channel.CONSOLE
    if preference is not None:
        Notification.objects.create(
            recipient=preference.user,
            channel=channel,
            template="chat_reply",
            context={"text": text},
            status=Status.SENT,
            attempts=1,
            sent_at=now,
            provider_id=provider_id[:120],
        )

"""The ways a message leaves the app. Each `send_*` returns the provider's id for the message, or
raises `Unreachable` (this channel cannot reach the person: try the next) or `ChannelDown` (try
again later)."""

import json
import logging
import urllib.error
import urllib.request
import uuid
from email.utils import make_msgid
from smtplib import SMTPException, SMTPRecipientsRefused

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    Configuration,
    MessagingApi,
    MulticastRequest,
    PushMessageRequest,
    ReplyMessageRequest,
    TextMessage,
)

log = logging.getLogger("otop_fair.notifications")
MULTICAST_MAX = 500
LINE_TEXT_MAX = 5000


class ChannelDown(Exception):
    """The provider failed for now (network, 5xx, rate limit): retry later."""


class Unreachable(Exception):
    """This channel cannot reach this person (blocked, unknown number, refused address)."""


def line_api():
    configuration = Configuration(
        host=settings.LINE_API_HOST, access_token=settings.LINE_CHANNEL_ACCESS_TOKEN
    )
    return MessagingApi(ApiClient(configuration))


def _line_call(call):
    """Run one LINE API call; a 409 on a retry key means LINE already took that request."""
    try:
        response = call()
    except ApiException as error:
        headers = {k.lower(): v for k, v in (error.headers or {}).items()}
        if error.status == 409 and "x-line-accepted-request-id" in headers:
            return headers["x-line-accepted-request-id"]
        if error.status in (400, 403, 404):
            raise Unreachable(f"LINE {error.status}: {error.body!r:.200}") from error
        raise ChannelDown(f"LINE {error.status}: {error.body!r:.200}") from error
    except OSError as error:
        raise ChannelDown(f"LINE unreachable: {error}") from error
    headers = {k.lower(): v for k, v in (response.headers or {}).items()}
    return headers.get("x-line-request-id", "")


def send_line_push(line_user_id, text, retry_key):
    request = PushMessageRequest(to=line_user_id, messages=[TextMessage(text=text[:LINE_TEXT_MAX])])
    return _line_call(
        lambda: line_api().push_message_with_http_info(request, x_line_retry_key=str(retry_key))
    )


def send_line_multicast(line_user_ids, text, retry_key):
    request = MulticastRequest(to=list(line_user_ids), messages=[TextMessage(text=text)])
    return _line_call(
        lambda: line_api().multicast_with_http_info(request, x_line_retry_key=str(retry_key))
    )


def send_line_reply(reply_token, text):
    request = ReplyMessageRequest(
        replyToken=reply_token, messages=[TextMessage(text=text[:LINE_TEXT_MAX])]
    )
    return "reply:" + _line_call(lambda: line_api().reply_message_with_http_info(request))


def send_sms(phone, text, reference):
    """POST to the configured gateway: {"to", "text", "reference"} → {"id"}. At-least-once: a
    gateway that took the message but failed to answer may get it again on retry."""
    body = json.dumps({"to": phone, "text": text, "reference": str(reference)}).encode()
    request = urllib.request.Request(
        settings.SMS_GATEWAY_URL,
        data=body,
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return str(json.loads(response.read() or b"{}").get("id", ""))
    except urllib.error.HTTPError as error:
        if 400 <= error.code < 500 and error.code != 429:
            raise Unreachable(f"SMS {error.code}") from error
        raise ChannelDown(f"SMS {error.code}") from error
    except (OSError, ValueError) as error:
        raise ChannelDown(f"SMS gateway: {error}") from error


def send_email(address, subject, text):
    """Through Django's SMTP backend; the Message-ID is the provider id. At-least-once."""
    message_id = make_msgid(domain="otop-fair")
    message = EmailMessage(
        subject, text, settings.DEFAULT_FROM_EMAIL, [address], headers={"Message-ID": message_id}
    )
    connection = get_connection("django.core.mail.backends.smtp.EmailBackend", timeout=10)
    try:
        connection.send_messages([message])
    except SMTPRecipientsRefused as error:
        raise Unreachable(f"e-mail refused: {address}") from error
    except (SMTPException, OSError) as error:
        raise ChannelDown(f"SMTP: {error}") from error
    return message_id


def send_console(recipient_label, text):
    """No account configured: the message is written to the console (and stays in the outbox)."""
    print(f"[notification → {recipient_label}] {text}", flush=True)
    return f"console:{uuid.uuid4().hex[:12]}"

"""The outbox (one row per message to one person), each person's channel preferences, and the
one-time codes that link a LINE account."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from otop_fair.areas import Area, AreaQuerySet


class Channel(models.TextChoices):
    LINE = "line", _("LINE")
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")
    CONSOLE = "console", _("Console (no account configured)")
    PRINT = "print", _("Print and hand over")


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    RETRYING = "retrying", _("Waiting to retry")
    TO_PRINT = "to_print", _("Not reachable: print it")


class Notification(models.Model):
    """One message to one person. Written in the transaction of the event that causes it, so an
    event that rolls back tells nobody, and one that commits is never forgotten."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    template = models.CharField(_("message"), max_length=40)
    context = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The province whose officers may read this row in the delivery log.
    province = models.ForeignKey(
        "producers.Province", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # One event tells one person once: a second notify() with the same key is a no-op.
    dedupe_key = models.CharField(max_length=120, blank=True)
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("last failure"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    provider_id = models.CharField(_("provider id"), max_length=120, blank=True)
    # Sent as LINE's X-Line-Retry-Key: a retried push is delivered once.
    retry_key = models.UUIDField(default=uuid.uuid4, editable=False)

    # The delivery log: the officers of the row's province read it.
    area = Area(province="province")
    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="one_notification_per_event_and_person",
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="sent_notification_has_sent_at",
            ),
        ]
        indexes = [models.Index(fields=["channel", "status", "sent_at"])]

    def __str__(self):
        return f"{self.template} → {self.recipient_id} ({self.channel})"


class ContactPreference(models.Model):
    """How one person wants to be reached, and when not to be disturbed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_preference"
    )
    # Channels in order of preference, e.g. ["line", "sms", "email"].
    channels = models.JSONField(default=list, blank=True)
    quiet_from = models.TimeField(_("quiet from"), null=True, blank=True)
    quiet_until = models.TimeField(_("quiet until"), null=True, blank=True)
    # Set by the webhook when the person sends their code; never typed by anyone.
    line_user_id = models.CharField(max_length=64, null=True, blank=True, unique=True)
    line_linked_at = models.DateTimeField(null=True, blank=True)
    # A reply token is free to use for about a minute after the person wrote to us.
    line_reply_token = models.CharField(max_length=64, blank=True)
    line_reply_token_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("contact preference")
        verbose_name_plural = _("contact preferences")

    def __str__(self):
        return str(self.user)


CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_MINUTES = 30


class LineLinkCode(models.Model):
    """A one-time code shown on the person's page; sending it to the Official Account links the
    LINE account that sent it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="line_link_codes"
    )
    code = models.CharField(max_length=12, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.code

    @classmethod
    def issue(cls, user, now=None):
        now = now or timezone.now()
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        return cls.objects.create(
            user=user, code=code, expires_at=now + datetime.timedelta(minutes=CODE_MINUTES)
        )

"""Rows the whole site shares that belong to no app: the public pages' rate-limit counters and
the one-time keys of create forms."""

from django.conf import settings
from django.db import models


class PublicVisitCount(models.Model):
    """Requests one address made to the public pages in one minute (the public rate limit).

    A row in the one database is seen by every process and node, and one upsert counts a
    request atomically (a cache's get-then-set loses counts between processes). The table is
    UNLOGGED: counting writes no WAL, so it never waits for a disk flush, and a crash that empties
    it only forgets the current minute's counts.
    """

    address = models.CharField(max_length=64)
    minute = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["address", "minute"], name="public_visits_once_a_minute"
            )
        ]
        indexes = [models.Index(fields=["minute"], name="public_visits_by_minute")]

    def __str__(self):
        return f"{self.address} @ {self.minute}: {self.count}"


class UsedFormKey(models.Model):
    """A create form's one-time key that has been used, and where its result is.

    The page gives every create form a fresh key; the same page sent twice (a double tap, the
    back button and send again, no JavaScript to stop it) sends the same key, and the unique
    rule lets only the first one create anything. The second is answered with the first one's
    result. See `otop_fair.form_keys`.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.CharField(max_length=64)
    result_url = models.CharField(max_length=500)
    used_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="form_key_used_once_per_user")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.key}"

"""Rows the whole site shares that belong to no app: the public pages' rate-limit counters."""

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

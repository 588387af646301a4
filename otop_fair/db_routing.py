"""Read-only report pages read from a replica when DATABASE_REPLICA_URL names one.

Only views wrapped in `reads_from_replica` use it, and inside them only the fair's own data (the
registry, booths and sales): sessions, accounts, the login lock-out and the cache always go to the
primary, so a replica a moment behind never logs anyone out or serves a stale lock-out. Writes
always go to the primary.
"""

import functools
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
REPORTED_APPS = {"producers", "booths", "sales"}

_reading_reports = ContextVar("reading_reports", default=False)


def reads_from_replica(view):
    """Run a read-only view's queries of the fair's data on the replica, when there is one."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        token = _reading_reports.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            _reading_reports.reset(token)

    return wrapped


def report_database(model):
    """The alias a report's raw SQL over `model` should run on (the router's answer, or default)."""
    return ReplicaRouter().db_for_read(model) or "default"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _reading_reports.get()
            and REPLICA in settings.DATABASES
            and model._meta.app_label in REPORTED_APPS
        ):
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA

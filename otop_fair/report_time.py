"""A report or export may not hold a web worker for minutes: each of its statements is given a
time limit, and a report that runs past it gets a Thai page asking for a narrower range.

The limit is `SET LOCAL statement_timeout` inside the view's own transaction, on every database
the report may read (the primary and, when there is one, the replica): it ends with the
transaction, so it is safe behind PgBouncer in transaction mode and never reaches another request.
"""

import functools
from contextlib import ExitStack

from django.conf import settings
from django.db import OperationalError, connections, transaction
from django.shortcuts import render

from otop_fair.db_routing import REPLICA

QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement stopped by statement_timeout


def _report_databases():
    return ["default", *([REPLICA] if REPLICA in settings.DATABASES else [])]


def _is_timed_out(error):
    return getattr(error.__cause__, "sqlstate", None) == QUERY_CANCELED


def bounded_report_time(view):
    """Run a report or export view with the statement time limit of `REPORT_STATEMENT_TIMEOUT_MS`;
    past it, the person gets the "took too long" page (503) instead of a server error."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        limit = f"{int(settings.REPORT_STATEMENT_TIMEOUT_MS)}ms"
        try:
            with ExitStack() as transactions:
                for alias in _report_databases():
                    transactions.enter_context(transaction.atomic(using=alias))
                    with connections[alias].cursor() as cursor:
                        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [limit])
                return view(request, *args, **kwargs)
        except OperationalError as error:
            if not _is_timed_out(error):
                raise
            return render(request, "otop_fair/report_too_slow.html", status=503)

    wrapped.has_bounded_report_time = True
    return wrapped

"""The sane window of a fair's dates: the rules `Fair.clean`, the services and the database share.

A mistyped year once made a fair of thousands of days whose pages took seconds and megabytes, and
0001-01-01 was accepted; these rules keep every fair short, near, and in order.
"""

import datetime

from django.utils.translation import gettext as _

from otop_fair.thai import reader_date

MAX_FAIR_DAYS = 60
MAX_DAYS_AHEAD = 3 * 366  # about three years
APPLICATIONS_OPEN_AT_MOST_DAYS_BEFORE = 366
EARLIEST_FAIR_DAY = datetime.date(2000, 1, 1)
# A fair may start running on the day before its first day, when the booths are set up.
START_DAYS_EARLY = 1


def fair_date_errors(*, start, end, opens, closes, today):
    """Field name → a Thai message for each broken rule; dates the form could not read are None."""
    errors = {}
    if start and start < EARLIEST_FAIR_DAY:
        errors["start_date"] = _("The first fair day must be in %(year)s or later.") % {
            "year": EARLIEST_FAIR_DAY.year + 543
        }
    elif start and start > today + datetime.timedelta(days=MAX_DAYS_AHEAD):
        errors["start_date"] = _("A fair can be set up at most about three years ahead.")
    if start and end and end < start:
        errors["end_date"] = _("The last fair day cannot be before the first.")
    elif start and end and (end - start).days + 1 > MAX_FAIR_DAYS:
        errors["end_date"] = _("A fair lasts at most %(days)s days.") % {"days": MAX_FAIR_DAYS}
    if opens and closes and closes < opens:
        errors["applications_close_on"] = _("Applications cannot close before they open.")
    elif closes and start and closes >= start:
        errors["applications_close_on"] = _("Applications must close before the fair starts.")
    if opens and start and (start - opens).days > APPLICATIONS_OPEN_AT_MOST_DAYS_BEFORE:
        errors["applications_open_on"] = _(
            "Applications open at most a year before the fair starts."
        )
    return errors


def start_running_error(fair, today):
    """Why the fair may not start running today (too early), or None."""
    earliest = fair.start_date - datetime.timedelta(days=START_DAYS_EARLY)
    if today < earliest:
        return _("The fair can start running from %(date)s, the day before its first day.") % {
            "date": reader_date(earliest)
        }
    return None

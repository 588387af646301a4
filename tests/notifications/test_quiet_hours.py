"""Quiet hours, for any window (across midnight or not) and any moment."""

import datetime

from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from otop_fair.notifications.models import ContactPreference
from otop_fair.notifications.services import quiet_until

times = st.times().map(lambda t: t.replace(second=0, microsecond=0))
moments = st.datetimes(
    min_value=datetime.datetime(2026, 1, 1), max_value=datetime.datetime(2027, 12, 31)
).map(timezone.make_aware)


def inside(start, end, at):
    return start <= at < end if start < end else (at >= start or at < end)


@given(start=times, end=times, now=moments)
def test_a_message_waits_exactly_until_the_quiet_hours_end(start, end, now):
    if start == end:
        return  # the form refuses an empty window
    preference = ContactPreference(quiet_from=start, quiet_until=end)
    until = quiet_until(preference, now)
    local = timezone.localtime(now)
    if not inside(start, end, local.time()):
        assert until is None
        return
    assert until > now and until - now <= datetime.timedelta(days=1)
    assert timezone.localtime(until).time() == end
    assert not inside(start, end, timezone.localtime(until).time())


def test_without_quiet_hours_a_message_goes_at_once():
    assert quiet_until(ContactPreference(), timezone.now()) is None

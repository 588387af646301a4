"""Jobs of the notifications package (procrastinate). Workers: `manage.py procrastinate worker`."""

from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from otop_fair.notifications import delivery, line_inbox

# 5 s, 25 s, 2 min, 10 min, 52 min: a provider's outage of an hour is ridden out.
BACKOFF = RetryStrategy(max_attempts=6, exponential_wait=5, retry_exceptions={delivery.RetryLater})


@app.task(queue="notifications", retry=BACKOFF, name="notifications.deliver")
def deliver(ids: list[int]) -> int:
    return delivery.deliver(ids)


@app.periodic(cron="*/5 * * * *", periodic_id="release_stalled_notifications")
@app.task(queue="notifications", queueing_lock="release_stalled", name="notifications.release")
def release_stalled(timestamp: int) -> int:
    return delivery.release_stalled()


@app.task(queue="notifications", name="notifications.line_event")
def handle_line_event(event: dict) -> None:
    line_inbox.handle_event(event)

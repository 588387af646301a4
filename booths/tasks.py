"""Periodic work of the booths app, run by the job queue's workers (procrastinate).

Offer expiry used to run when someone opened a page; now a worker runs it every minute, so an
offer lapses and its booth passes on whether or not anybody is looking.
"""

from procrastinate.contrib.django import app

from booths import notices
from booths.services import waitlist


@app.periodic(cron="* * * * *", periodic_id="expire_offers")
@app.task(queueing_lock="expire_offers", name="booths.expire_offers")
def expire_offers(timestamp: int) -> int:
    return waitlist.expire_overdue_offers()


@app.periodic(cron="7 * * * *", periodic_id="remind_expiring_offers")
@app.task(queueing_lock="remind_expiring_offers", name="booths.remind_expiring_offers")
def remind_expiring_offers(timestamp: int) -> int:
    return notices.offers_expiring()


@app.periodic(cron="13 * * * *", periodic_id="remind_scoring_deadline")
@app.task(queueing_lock="remind_scoring_deadline", name="booths.remind_scoring_deadline")
def remind_scoring_deadline(timestamp: int) -> int:
    return notices.scoring_deadline_near()

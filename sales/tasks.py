"""Periodic work of the sales app, run by the job queue's workers (procrastinate). Cron times are
in UTC: Bangkok is UTC+7."""

from django.conf import settings
from procrastinate.contrib.django import app

from sales import notices

REMINDER_HOUR_UTC = (settings.SALES_REMINDER_HOUR - 7) % 24


@app.periodic(cron=f"0 {REMINDER_HOUR_UTC} * * *", periodic_id="sales_reminder")
@app.task(queueing_lock="sales_reminder", name="sales.remind_daily_sales")
def remind_daily_sales(timestamp: int) -> int:
    return notices.sales_reminders()


@app.periodic(cron="0 1 * * *", periodic_id="action_items_due")  # 08:00 in Bangkok
@app.task(queueing_lock="action_items_due", name="sales.action_items_due")
def remind_action_items(timestamp: int) -> int:
    return notices.action_items_due()

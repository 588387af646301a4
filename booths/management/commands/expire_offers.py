"""`manage.py expire_offers`: lapse waiting-list offers past their deadline and pass the booths on.

The job queue's worker does this every minute (booths/tasks.py); this command is for a one-off run.
"""

from django.core.management.base import BaseCommand

from booths.services.waitlist import expire_overdue_offers


class Command(BaseCommand):
    help = "Expire overdue waiting-list offers and offer the booths to the next applicants."

    def handle(self, *args, **options):
        total = expire_overdue_offers()
        self.stdout.write(f"expire_offers: {total} offers expired")

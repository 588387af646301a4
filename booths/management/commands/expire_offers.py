"""`manage.py expire_offers`: lapse waiting-list offers past their deadline and pass the booths on.

Pages also do this when officers or producers open them; run this from cron so that nobody has to.
"""

from django.core.management.base import BaseCommand

from booths.models import Fair, FairState
from booths.services import expire_offers


class Command(BaseCommand):
    help = "Expire overdue waiting-list offers and offer the booths to the next applicants."

    def handle(self, *args, **options):
        total = 0
        for fair in Fair.objects.filter(state__in=[FairState.ALLOCATED, FairState.RUNNING]):
            total += expire_offers(fair=fair)
        self.stdout.write(f"expire_offers: {total} offers expired")

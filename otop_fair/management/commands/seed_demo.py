"""`manage.py seed_demo --booths N --applicants M --days D`: a realistic demo fair at any size.

Idempotent: accounts, groups and the demo fair are created once; a second run keeps what users
entered since. Each app contributes its part through its own `demo` module.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from booths import demo as booths_demo
from producers import demo as producers_demo
from sales import demo as sales_demo


class Command(BaseCommand):
    help = "Create demo accounts and a realistic demo fair (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--booths", type=int, default=60)
        parser.add_argument("--applicants", type=int, default=90)
        parser.add_argument("--days", type=int, default=5)
        parser.add_argument("--seed", type=int, default=2569)

    def handle(self, *args, booths, applicants, days, seed, **options):
        started = time.monotonic()
        rng = producers_demo.make_rng(seed)
        with transaction.atomic():
            officer, committee, producers = producers_demo.seed_accounts()
            groups = producers_demo.seed_registry(applicants, rng=rng)
            producers_demo.attach_demo_producers(producers, groups)
            producers_demo.seed_field_work(officer, groups, seed=seed)
            producers_demo.seed_photos(groups, by=producers[0])
        fair, created = booths_demo.seed_fair(
            officer=officer, booths=booths, days=days, groups=groups, rng=rng
        )
        sales_demo.seed_sales(fair=fair, officer=officer, rng=rng)
        state = "created" if created else "kept as it was"
        self.stdout.write(
            f"seed_demo: {len(groups)} groups, fair '{fair.name}' {state} "
            f"({fair.booths.count()} booths, {fair.applications.count()} applications) "
            f"in {time.monotonic() - started:.1f}s"
        )

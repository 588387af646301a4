"""`manage.py seed_demo --booths N --applicants M --days D`: realistic demo fairs at any size.

Idempotent: accounts, groups and the demo fairs are created once; a second run keeps what users
entered since. Each app contributes its part through its own `demo` module; this command only
puts them together and says what there is.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from booths import demo as booths_demo
from producers import demo as producers_demo
from producers.models import Product
from sales import demo as sales_demo


class Command(BaseCommand):
    help = "Create demo accounts and three demo fairs (idempotent), then list what there is."

    def add_arguments(self, parser):
        parser.add_argument("--booths", type=int, default=60)
        parser.add_argument("--applicants", type=int, default=90)
        parser.add_argument("--days", type=int, default=5)
        parser.add_argument("--seed", type=int, default=2569)

    def handle(self, *args, booths, applicants, days, seed, **options):
        started = time.monotonic()
        rng = producers_demo.make_rng(seed)
        existing = {fair.name for fair in booths_demo.demo_fairs()}
        with transaction.atomic():
            officer, committee, producers = producers_demo.seed_accounts()
            offices = producers_demo.seed_office_accounts()
            groups = producers_demo.seed_registry(applicants, rng=rng)
            producers_demo.attach_demo_producers(producers, groups)
            producers_demo.seed_field_work(officer, groups, seed=seed)
            producers_demo.seed_photos(groups, by=producers[0])
        fair, _created = booths_demo.seed_fair(
            officer=officer, booths=booths, days=days, groups=groups, rng=rng
        )
        sales_rows = sales_demo.seed_sales(fair=fair, officer=officer, rng=rng)
        accounts = [officer, *offices, *committee, *producers]
        if options["verbosity"] > 0:
            self._report(existing, groups, sales_rows, accounts, time.monotonic() - started)

    def _report(self, existing, groups, sales_rows, accounts, seconds):
        fairs = booths_demo.demo_fairs()
        lines = [f"seed_demo: the demo is ready ({seconds:.1f} s).", f"  {len(fairs)} fairs:"]
        for fair in fairs:
            made = "kept as it was" if fair.name in existing else "made now"
            lines.append(
                f"    {fair.name} ({fair.province.name_th}): {fair.state}, "
                f"{fair.booth_total} booths, {fair.application_total} applications; {made}"
            )
        products = Product.objects.filter(group__in=groups).count()
        lines.append(f"  {len(groups)} producer groups with {products} products")
        if sales_rows:
            lines.append(f"  {sales_rows} daily sales entries at the running fair, made now")
        names = ", ".join(user.username for user in accounts)
        lines.append(f"  {len(accounts)} accounts: {names}")
        lines.append(f"  password of every demo account: {producers_demo.DEMO_PASSWORD}")
        self.stdout.write("\n".join(lines))

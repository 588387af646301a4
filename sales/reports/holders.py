"""The booth holders every report figure starts from."""

from django.db.models import Exists, OuterRef

from booths.models import Application, Assignment

# From an application to the takings (sales + orders) of every day of every booth it held.
SALES_PATH = "assignments__daily_sales__total"


def booth_holders(fair):
    """Applications of `fair` that held a booth at some point (released ones included)."""
    held = Assignment.objects.filter(application=OuterRef("pk"))
    return Application.objects.filter(fair=fair).filter(Exists(held))

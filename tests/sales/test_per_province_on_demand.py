"""A national fair's page does not write a line per province (77 of them): it says the sum in
one line, and shows the provinces as one table on demand (a <details> the officer opens)."""

import re
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from producers.models import Province
from sales.models import SalesTarget

pytestmark = pytest.mark.django_db
SETTINGS = settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _shown_before_opening(html):
    """The page as read before any <details> is opened: its summary line shows, its body not."""
    return re.sub(r"</summary>.*?</details>", "", html, flags=re.S)


@SETTINGS
@given(
    provinces=st.integers(min_value=1, max_value=77),
    amount=st.integers(min_value=1, max_value=10**7),
    whole_fair=st.booleans(),
)
def test_province_targets_are_one_line_of_sum_and_a_table_on_demand(
    fair, client_for, province_officer, provinces, amount, whole_fair
):
    client = client_for(province_officer)
    with transaction.atomic():
        chosen = list(Province.objects.order_by("code")[:provinces])
        SalesTarget.objects.bulk_create(
            SalesTarget(fair=fair, province=p, amount=Decimal(amount)) for p in chosen
        )
        if whole_fair:
            SalesTarget.objects.create(fair=fair, amount=Decimal(99))
        html = client.get(reverse("sales:fair_figures", args=[fair.pk])).content.decode()
        transaction.set_rollback(True)
    card = html.split('data-testid="targets-set"', 1)[1].split('data-testid="target-progress"')[0]
    outside = _shown_before_opening(card)
    assert not any(p.name_th in outside for p in chosen)
    assert all(card.count(f"<td>{p.name_th}</td>") == 1 for p in chosen)
    assert f"{provinces} จังหวัด" in outside and f"฿{provinces * amount:,}" in outside
    assert ("฿99" in outside) == whole_fair

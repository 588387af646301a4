"""The officer's registry list at national scale: 100,000 producer groups, one page of 25."""

import datetime
import statistics
import time

import pytest
from django.test import Client

from otop_fair.thai import thai_sort_key
from producers.models import (
    Category,
    ProducerGroup,
    Product,
    Province,
    RatingRound,
    StarRating,
    Subdistrict,
)
from tests.factories import UserFactory
from tests.producers.conftest import ensure_geography

GROUPS = 100_000
PRODUCTS_PER_GROUP = 2
MARKS = ["", "", "premium", "classic", "standard", "certificate"]
# Our own bound for one page of the list with the standing filters (issue 17), head office.
STANDING_FILTERS_MS = 1500


def national_registry():
    ensure_geography()
    subs = list(Subdistrict.objects.select_related("district").order_by("code"))
    names = ["กลุ่มแม่บ้าน", "วิสาหกิจชุมชน", "ร้าน", "บ้าน", "บริษัท", "เครือข่าย"]
    groups = ProducerGroup.objects.bulk_create(
        (
            ProducerGroup(
                name=(name := f"{names[i % len(names)]}{subs[(i * 7) % len(subs)].name_th} {i}"),
                sort_name=thai_sort_key(name),
                group_type="community",
                registration_no=f"BENCH-{i:07d}",
                contact_name="ผู้ติดต่อ",
                subdistrict=subs[(i * 7) % len(subs)],
                province_id=subs[(i * 7) % len(subs)].district.province_id,
                quadrant="ABCD"[i % 4],
                registered_on=datetime.date(2015, 10, 1) + datetime.timedelta(days=i % 3650),
            )
            for i in range(GROUPS)
        ),
        batch_size=5000,
    )
    categories = list(Category)
    Product.objects.bulk_create(
        (
            Product(
                group=g,
                name=f"สินค้า {j}",
                sort_name=f"สินคา {j}",
                category=categories[(g.pk + j) % 5],
                otop_mark=MARKS[(g.pk + j) % len(MARKS)],
            )
            for g in groups
            for j in range(PRODUCTS_PER_GROUP)
        ),
        batch_size=10000,
    )
    rate_products()


def rate_products():
    """Two rounds: 2023 (expired by now) and 2025; about 60% of products rated in each."""
    old = RatingRound.objects.create(
        year=2023, valid_from=datetime.date(2023, 1, 1), valid_until=datetime.date(2024, 12, 31)
    )
    new = RatingRound.objects.create(year=2025)
    ids = Product.objects.values_list("pk", flat=True).iterator(chunk_size=20000)
    StarRating.objects.bulk_create(
        (
            StarRating(product_id=pk, round=round_, stars=1 + (pk * 7 + n) % 5)
            for pk in ids
            for n, round_ in enumerate((old, new))
            if (pk + n) % 5 < 3
        ),
        batch_size=10000,
    )


def timed_ms(client, url, params, repeat=5):
    client.get(url, params)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        assert client.get(url, params).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


@pytest.mark.django_db
def test_registry_list_at_national_scale(report_bench):
    national_registry()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    officer = UserFactory(role="officer", username="bench_officer")
    officer.officer_provinces.add(*Province.objects.filter(code__in=["50", "34"]))
    admin = UserFactory(role="", username="bench_admin", is_superuser=True)
    client = Client()
    url = "/registry/groups/"
    client.force_login(officer)
    report_bench("registry_list_100k_officer_ms", timed_ms(client, url, {}))
    report_bench("registry_list_100k_search_ms", timed_ms(client, url, {"q": "แม่บ้าน"}))
    client.force_login(admin)
    report_bench("registry_list_100k_national_ms", timed_ms(client, url, {}))
    report_bench(
        "registry_list_100k_national_filtered_ms",
        timed_ms(client, url, {"category": "food", "q": "BENCH-00999"}),
    )
    standing = {"quadrant": "A", "mark": "premium", "round": new_round_pk(), "fiscal_year": "2566"}
    client.force_login(UserFactory(role="national_officer", username="bench_national"))
    head_office = timed_ms(client, url, standing)
    report_bench("registry_list_100k_head_office_standing_filters_ms", head_office)
    client.force_login(officer)
    provincial = timed_ms(client, url, {**standing, "stars": "3"})
    report_bench("registry_list_100k_officer_standing_filters_ms", provincial)
    district = UserFactory(role="district_officer", username="bench_district")
    district.officer_districts.add(Subdistrict.objects.order_by("code")[0].district)
    client.force_login(district)
    report_bench("registry_list_100k_district_ms", timed_ms(client, url, {"quadrant": "B"}))
    assert max(head_office, provincial) < STANDING_FILTERS_MS


def new_round_pk():
    return str(RatingRound.objects.get(year=2025).pk)

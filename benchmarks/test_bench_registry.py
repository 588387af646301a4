"""The officer's registry list at national scale: 100,000 producer groups, one page of 25."""

import statistics
import time

import pytest
from django.test import Client

from otop_fair.thai import thai_sort_key
from producers.models import Category, ProducerGroup, Product, Province, Subdistrict
from tests.factories import UserFactory
from tests.producers.conftest import ensure_geography

GROUPS = 100_000
PRODUCTS_PER_GROUP = 2


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
            )
            for g in groups
            for j in range(PRODUCTS_PER_GROUP)
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

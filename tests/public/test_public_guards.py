"""Public pages are cached in the shared cache until something they show changes, rate limited
per address across processes, and tell robots what the office chose."""

import gzip
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from otop_fair.models import PublicVisitCount
from producers.models import Product
from tests.factories import UserFactory
from tests.public.helpers import STORY, showcase_group


@pytest.fixture
def shown(db, producer_user):
    group, product, profile = showcase_group(producer_user)
    profile.show_story = True
    profile.save()
    return group, product, profile


def _cached_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM otop_cache WHERE cache_key LIKE %s", ["%public-page%"])
        return cursor.fetchone()[0]


def test_anonymous_answer_is_served_from_the_shared_cache_until_a_change(client, shown):
    _group, product, profile = shown
    url = reverse("public:group", args=[profile.slug])
    assert STORY in client.get(url).content.decode()
    assert _cached_rows() >= 1
    # A write that bypasses the models (no signal) is not seen: the page comes from the cache.
    Product.objects.filter(pk=product.pk).update(story_origin="เรื่องใหม่")
    assert STORY in client.get(url).content.decode()
    # A change through the models drops the cached pages at once.
    product.refresh_from_db()
    product.save()
    assert "เรื่องใหม่" in client.get(url).content.decode()


def test_signed_in_visitors_are_never_served_the_anonymous_copy(client, client_for, shown, officer):
    _group, product, profile = shown
    url = reverse("public:group", args=[profile.slug])
    client.get(url)
    Product.objects.filter(pk=product.pk).update(story_origin="เรื่องใหม่")
    assert "เรื่องใหม่" in client_for(officer).get(url).content.decode()


def test_rate_limit_counts_every_client_of_one_address(settings, shown):
    settings.PUBLIC_RATE_LIMIT = 3
    cache.clear()
    _group, _product, profile = shown
    url = reverse("public:group", args=[profile.slug])
    answers = [Client().get(url).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    other_address = Client(REMOTE_ADDR="10.1.2.3").get(url)
    assert other_address.status_code == 200


def test_behind_a_proxy_each_forwarded_address_has_its_own_limit(settings, shown):
    settings.PUBLIC_RATE_LIMIT = 2
    settings.TRUSTED_PROXY_COUNT = 1  # the one the deployment sets (README), as the lock-out reads
    cache.clear()
    url = reverse("public:group", args=[shown[2].slug])
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = [Client(**proxy).get(url, HTTP_X_FORWARDED_FOR="1.1.1.1").status_code for _ in range(3)]
    # A forged left-most address does not escape the limit: the proxy's own entry counts.
    forged = Client(**proxy).get(url, HTTP_X_FORWARDED_FOR="9.9.9.9, 1.1.1.1")
    other = Client(**proxy).get(url, HTTP_X_FORWARDED_FOR="2.2.2.2")
    assert first == [200, 200, 429]
    assert forged.status_code == 429
    assert other.status_code == 200


def test_rate_limit_lives_in_the_shared_database(settings, shown):
    """Another process sees the same count: it is a row of the database, not process memory."""
    settings.PUBLIC_RATE_LIMIT = 50
    _group, _product, profile = shown
    for _ in range(3):
        Client().get(reverse("public:group", args=[profile.slug]))
    with connection.cursor() as cursor:
        cursor.execute("SELECT address, count FROM otop_fair_publicvisitcount")
        assert cursor.fetchall() == [("127.0.0.1", 3)]


@pytest.mark.django_db(transaction=True)
def test_rate_limit_counts_every_request_made_at_the_same_time(settings):
    """Four processes' worth of visitors at once: no request goes uncounted (an atomic upsert,
    where a cache's get-then-set would lose some)."""
    settings.PUBLIC_RATE_LIMIT = 1000
    profile = showcase_group(UserFactory(role="producer", username="producer_rate"))[2]
    url = reverse("public:group", args=[profile.slug])

    def visit(_):
        try:
            return [Client().get(url).status_code for _ in range(10)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = [code for codes in pool.map(visit, range(8)) for code in codes]
    assert answers == [200] * 80
    assert sum(PublicVisitCount.objects.values_list("count", flat=True)) == 80


def test_a_cached_page_is_sent_compressed_as_stored(client, shown, django_assert_max_num_queries):
    """A repeat visit sends the stored gzip bytes: one count of the visit, one cache read."""
    url = reverse("public:group", args=[shown[2].slug])
    plain = client.get(url).content
    with django_assert_max_num_queries(2):
        zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain


@pytest.mark.parametrize(
    ("choice", "rule"), [("noindex, nofollow", "Disallow: /\n"), ("index, follow", "Allow: /otop/")]
)
def test_robots_follow_the_offices_choice(client, settings, shown, choice, rule):
    settings.PUBLIC_ROBOTS = choice
    cache.clear()
    robots = client.get("/robots.txt")
    assert rule in robots.content.decode()
    page = client.get(reverse("public:group", args=[shown[2].slug]))
    assert page["X-Robots-Tag"] == choice


@pytest.mark.django_db
def test_the_cache_and_the_visit_counts_never_wait_for_a_disk_flush():
    """Both hold only what can be counted or computed again: UNLOGGED tables (no WAL)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relpersistence FROM pg_class WHERE relname = ANY(%s)",
            [["otop_cache", "otop_fair_publicvisitcount"]],
        )
        assert dict(cursor.fetchall()) == {"otop_cache": "u", "otop_fair_publicvisitcount": "u"}

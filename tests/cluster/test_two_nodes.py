"""Two web nodes behind one address hold no state of their own: what a person does through node A —
signing in, mistyping a password, opening the ranking, uploading a photo — is what node B sees.

One browser talks to both nodes (cookies belong to the host, as behind a load balancer), so each
test moves from node to node mid-journey.
"""

import io
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
import requests
from django.db import connection, transaction
from PIL import Image

from booths.models import FairState
from booths.services import review
from producers.models import Province
from tests.cluster.conftest import BUCKET, REPLICA_NAME
from tests.factories import (
    CriterionFactory,
    FairFactory,
    ProductFactory,
    ReviewFactory,
    UserFactory,
)
from tests.sales.report_factories import build_known_fair

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.cluster]

PASSWORD = "otop-demo"
LOCKED_OUT = "ใส่รหัสผ่านผิดหลายครั้งเกินไป"


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """The cache table is not a model, so the transactional tests' flush leaves it alone."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM otop_cache")


@pytest.fixture
def chiang_mai_officer():
    user = UserFactory(role="officer", username="officer_cm")
    user.officer_provinces.add(Province.objects.get(code="50"))
    return user


def csrf_token(browser, url):
    browser.get(url)
    return browser.cookies.get("csrftoken")


def sign_in(browser, node, username, password=PASSWORD):
    """Sign in as a person would, acknowledging the privacy notice a first sign-in asks for."""
    token = csrf_token(browser, f"{node}/accounts/login/")
    response = browser.post(
        f"{node}/accounts/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": token},
        allow_redirects=False,
    )
    if response.status_code == 302:
        notice = f"{node}/accounts/privacy/"
        token = csrf_token(browser, notice)
        browser.post(notice, {"csrfmiddlewaretoken": token}, allow_redirects=False)
    return response


def test_a_sign_in_through_node_a_is_a_session_on_node_b_and_a_sign_out_on_b_ends_it_on_a(
    nodes, chiang_mai_officer
):
    browser = requests.Session()
    assert sign_in(browser, nodes["A"], "officer_cm").status_code == 302
    assert browser.get(f"{nodes['B']}/officer/", allow_redirects=False).status_code == 200
    token = browser.cookies.get("csrftoken")
    browser.post(f"{nodes['B']}/accounts/logout/", {"csrfmiddlewaretoken": token})
    response = browser.get(f"{nodes['A']}/officer/", allow_redirects=False)
    assert response.status_code == 302
    assert "/accounts/login/" in response.headers["Location"]


def test_wrong_passwords_spread_over_both_nodes_lock_the_sign_in_on_both(nodes, chiang_mai_officer):
    browser = requests.Session()
    for node in ("A", "B", "A"):  # the limit is four (AXES_FAILURE_LIMIT in conftest)
        assert sign_in(browser, nodes[node], "officer_cm", "wrong").status_code == 200
    assert sign_in(browser, nodes["B"], "officer_cm", "wrong").status_code == 429
    for node in ("A", "B"):
        response = sign_in(browser, nodes[node], "officer_cm")
        assert response.status_code == 429
        assert LOCKED_OUT in response.text


def scored_fair(officer, names):
    """A fair whose scoring closed, with one submitted review per named group scoring `value`."""
    fair = FairFactory(created_by=officer, state=FairState.SCORING)
    CriterionFactory(fair=fair, weight=1)
    reviews = {}
    for name, value in names.items():
        item = ReviewFactory(member__fair=fair, application__group__name=name)
        submit(item, value)
        reviews[name] = item
    return fair, reviews


def submit(item, value):
    values = {c.pk: (Decimal(value), "") for c in item.member.fair.criteria.all()}
    review.save_scores(review=item, values=values, by=item.member.user, submit=True)


def ranking_cache_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cache_key, expires FROM otop_cache WHERE cache_key LIKE %s ORDER BY expires",
            ["%booths:ranking:%"],
        )
        return cursor.fetchall()


def shown_order(html, names):
    return sorted(names, key=html.index)


def test_the_ranking_is_computed_once_for_both_nodes_and_a_new_score_reaches_both(
    nodes, chiang_mai_officer
):
    fair, reviews = scored_fair(chiang_mai_officer, {"กลุ่มทองคำ": 9, "กลุ่มเงินยวง": 4})
    names = list(reviews)
    browser = requests.Session()
    sign_in(browser, nodes["A"], "officer_cm")
    url = f"/fairs/{fair.pk}/ranking/"
    assert shown_order(browser.get(nodes["A"] + url).text, names) == names
    computed = ranking_cache_rows()
    assert len(computed) == 1
    # Node B reads what A computed: the entry is neither recomputed nor written again.
    assert shown_order(browser.get(nodes["B"] + url).text, names) == names
    assert ranking_cache_rows() == computed
    # A member resubmits a better score: both nodes show the new order, computed once.
    submit(reviews["กลุ่มเงินยวง"], 10)
    assert shown_order(browser.get(nodes["B"] + url).text, names) == names[::-1]
    assert shown_order(browser.get(nodes["A"] + url).text, names) == names[::-1]
    assert len(ranking_cache_rows()) == 2


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 120, 40)).save(buffer, format="JPEG")
    return buffer.getvalue()


def test_a_photo_uploaded_through_node_a_is_served_by_node_b_from_object_storage(
    nodes, object_store, chiang_mai_officer
):
    _, s3 = object_store
    product = ProductFactory()
    browser = requests.Session()
    sign_in(browser, nodes["A"], "officer_cm")
    token = csrf_token(browser, f"{nodes['A']}/registry/products/{product.pk}/")
    response = browser.post(
        f"{nodes['A']}/registry/products/{product.pk}/photos/",
        {"caption": "ผ้าไหม", "csrfmiddlewaretoken": token},
        files={"photo": ("silk.png", jpeg_bytes(), "image/png")},
        allow_redirects=False,
    )
    assert response.status_code == 302
    photo = product.photos.get()
    stored = s3.get_object(Bucket=BUCKET, Key=f"media/{photo.image.name}")["Body"].read()
    served = browser.get(f"{nodes['B']}/registry/photos/{photo.pk}/full.jpg")
    assert served.status_code == 200
    assert served.headers["Content-Type"] == "image/jpeg"
    assert served.content == stored
    # Nothing reached either node's own disk, and a stranger gets no photo from B.
    assert not any(any(root.iterdir()) for root in nodes["media_roots"])
    stranger = requests.get(
        f"{nodes['B']}/registry/photos/{photo.pk}/full.jpg", allow_redirects=False
    )
    assert stranger.status_code == 302


def replica_last_query():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT query FROM pg_stat_activity WHERE application_name = %s", [REPLICA_NAME]
        )
        return " ".join(row[0] for row in cursor.fetchall())


def replica_waits_reading_sales(timeout_s=20):
    """The replica's connection, caught waiting on the locked sales table: a report page's read
    is seen while it happens (afterwards pg_stat_activity shows only the report's COMMIT)."""
    deadline = time.monotonic() + timeout_s
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT query FROM pg_stat_activity WHERE application_name = %s"
                " AND wait_event_type = 'Lock'",
                [REPLICA_NAME],
            )
            waiting = " ".join(row[0] for row in cursor.fetchall())
            if "sales_dailysales" in waiting:
                return True
            time.sleep(0.05)
    return False


def test_node_b_reads_report_pages_from_its_replica_and_writes_to_the_primary(
    nodes, chiang_mai_officer
):
    known = build_known_fair(chiang_mai_officer)
    browser = requests.Session()
    sign_in(browser, nodes["B"], "officer_cm")
    assert replica_last_query() == ""  # signing in (a write and session reads) used the primary
    url = f"{nodes['B']}/sales/reports/{known.fair.pk}/"
    with ThreadPoolExecutor(1) as pool:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("LOCK TABLE sales_dailysales IN ACCESS EXCLUSIVE MODE")
            page = pool.submit(browser.get, url, timeout=60)
            read_on_the_replica = replica_waits_reading_sales()
        page = page.result()
    assert read_on_the_replica
    assert page.status_code == 200
    assert "฿5,500" in page.text

"""The same create form sent twice (a double tap without JavaScript, the back button and send
again) makes one row: the page carries a one-time key, and the second send is answered with the
first one's result. Walked over every form of the bad-input world, plus the photo and ledger
forms that world does not post."""

import re

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from otop_fair.form_keys import create_once
from otop_fair.models import UsedFormKey
from sales.models import ChannelSale, IssueReport
from tests.matrix_world import jpeg_upload
from tests.test_bad_input import CASE_NAMES, _cases, clients, world  # noqa: F401 (fixtures)

KEY = re.compile(r'name="client_key" value="([0-9a-f]{32})"')
ALREADY = "บันทึกไว้แล้ว"


def row_counts():
    """Rows of every table but the histories (an edit sent twice may record a second change)
    and the used keys; the notification outbox counts (a broadcast sent twice is a duplicate)."""
    tables = sorted(
        m._meta.db_table
        for label in ("accounts", "producers", "booths", "sales", "notifications")
        for m in apps.get_app_config(label).get_models()
        if not m._meta.db_table.split("_", 1)[1].startswith("historical")
    )
    sql = ", ".join(f'(SELECT count(*) FROM "{table}")' for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def form_key(client, url):
    page = client.get(url)
    found = KEY.search(page.content.decode()) if page.status_code == 200 else None
    return found.group(1) if found else None


@pytest.mark.parametrize("name", CASE_NAMES)
def test_a_form_sent_twice_creates_nothing_the_second_time(db, world, clients, name):  # noqa: F811
    kwargs, role, valid = _cases(world)[name]
    client, url = clients[role], reverse(name, kwargs=kwargs)
    with transaction.atomic():
        key = form_key(client, url)
        data = valid | ({"client_key": key} if key else {})
        client.post(url, data)
        after_first = row_counts()
        client.post(url, data)
        grown = {t: n - after_first[t] for t, n in row_counts().items() if n > after_first[t]}
        transaction.set_rollback(True)
    assert not grown, f"{name} sent twice made more rows: {grown}"


def test_a_problem_report_sent_twice_without_javascript_is_filed_once(
    db,
    world,  # noqa: F811
    clients,  # noqa: F811
):
    client, url = clients["producer_a"], reverse("sales:issue_new", args=[world.fair.pk])
    with transaction.atomic():
        before = IssueReport.objects.count()
        data = {
            "category": "electricity",
            "description": "ไฟดับ",
            "client_key": form_key(client, url),
        }
        first, second = client.post(url, data), client.post(url, data, follow=True)
        assert IssueReport.objects.count() == before + 1
        assert second.redirect_chain[0][0] == first["Location"]
        assert ALREADY in second.content.decode()
        transaction.set_rollback(True)


def test_two_fresh_pages_file_two_reports(db, world, clients):  # noqa: F811
    client, url = clients["producer_a"], reverse("sales:issue_new", args=[world.fair.pk])
    with transaction.atomic():
        before = IssueReport.objects.count()
        for _ in range(2):
            data = {"category": "other", "description": "น้ำไม่ไหล"}
            client.post(url, data | {"client_key": form_key(client, url)})
        assert IssueReport.objects.count() == before + 2
        transaction.set_rollback(True)


def test_a_product_photo_sent_twice_is_added_once(db, world, clients):  # noqa: F811
    client = clients["producer_a"]
    page = reverse("producers:product_edit", args=[world.product_a.pk])
    url = reverse("producers:photo_add", args=[world.product_a.pk])
    with transaction.atomic():
        key = form_key(client, page)
        before = world.product_a.photos.count()
        for _ in range(2):
            client.post(url, {"photo": jpeg_upload(), "caption": "ผ้าทอ", "client_key": key})
        assert world.product_a.photos.count() == before + 1
        transaction.set_rollback(True)


def test_a_ledger_entry_sent_twice_is_entered_once(db, world, clients):  # noqa: F811
    client, url = clients["producer_a"], reverse("sales:channel_new")
    with transaction.atomic():
        data = {"group": world.group_a.pk, "day": "15/10/2569", "kind": "study_visit"}
        data |= {"place": "บ้านถวาย", "takings": "1,250", "client_key": form_key(client, url)}
        before = ChannelSale.objects.count()
        client.post(url, data)
        client.post(url, data)
        assert ChannelSale.objects.count() == before + 1
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sends=st.lists(st.sampled_from(["a", "b", "c", ""]), min_size=1, max_size=6))
def test_each_key_creates_once_and_answers_every_resend_with_its_result(sends, producer_user):
    UsedFormKey.objects.all().delete()
    made = []

    def create():
        made.append(len(made))
        return made[-1]

    answers = [
        create_once(by=producer_user, key=k, create=create, url_of=lambda n: f"/r/{n}")
        for k in sends
    ]
    distinct = {k for k in sends if k}
    assert len(made) == len(distinct) + sends.count("")
    for i, (key, (url, is_new)) in enumerate(zip(sends, answers, strict=True)):
        assert is_new == (not key or sends.index(key) == i)
        assert not key or url == answers[sends.index(key)][0]

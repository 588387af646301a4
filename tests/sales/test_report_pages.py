"""The fair report and group report pages: who may open them, what they show, how many queries."""

import pytest
from django.urls import reverse

from producers.models import Province
from tests.factories import UserFactory
from tests.sales.report_factories import build_known_fair, build_sized_fair

pytestmark = pytest.mark.django_db


@pytest.fixture
def chiang_mai_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


@pytest.fixture
def known(chiang_mai_officer):
    return build_known_fair(chiang_mai_officer)


def test_officer_of_the_fair_province_sees_the_report_with_figures_and_charts(
    client_for, chiang_mai_officer, known
):
    response = client_for(chiang_mai_officer).get(
        reverse("sales:fair_report", args=[known.fair.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "฿5,500" in html
    assert "<svg" in html
    assert known.groups["g1"].name in html
    assert reverse("sales:fair_report_pdf", args=[known.fair.pk]) in html


def test_officer_of_another_province_cannot_open_the_fair_report(client_for, known):
    other = UserFactory(role="officer", username="officer_bkk")
    other.officer_provinces.add(Province.objects.get(code="10"))
    url = reverse("sales:fair_report", args=[known.fair.pk])
    assert client_for(other).get(url).status_code == 403


def test_producer_cannot_open_the_fair_report(client_for, producer_user, known):
    known.groups["g1"].members.add(producer_user)
    url = reverse("sales:fair_report", args=[known.fair.pk])
    assert client_for(producer_user).get(url).status_code == 403


def test_producer_sees_their_own_group_report_but_never_another_groups(
    client_for, producer_user, known
):
    own, other = known.groups["g1"], known.groups["g2"]
    own.members.add(producer_user)
    client = client_for(producer_user)
    response = client.get(reverse("sales:group_report", args=[known.fair.pk, own.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "฿4,000" in html and "1 / 1" in html
    assert other.name not in html
    forbidden = reverse("sales:group_report", args=[known.fair.pk, other.pk])
    assert client.get(forbidden).status_code == 403
    export = reverse("sales:group_report_export", args=[known.fair.pk, other.pk, "csv"])
    assert client.get(export).status_code == 403
    index = client.get(reverse("sales:report_index")).content.decode()
    assert own.name in index and other.name not in index


def test_officer_of_the_groups_province_opens_its_group_report(client_for, known):
    bangkok = UserFactory(role="officer", username="officer_bkk2")
    bangkok.officer_provinces.add(Province.objects.get(code="10"))
    url = reverse("sales:group_report", args=[known.fair.pk, known.groups["g2"].pk])
    response = client_for(bangkok).get(url)
    assert response.status_code == 200
    assert "฿500" in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_every_section_exports_in_every_format(client_for, chiang_mai_officer, known, fmt):
    client = client_for(chiang_mai_officer)
    for table in (
        "days",
        "categories",
        "areas",
        "zones",
        "stars",
        "top",
        "below",
        "previous",
        "problems",
        "selection",
    ):
        url = reverse("sales:fair_report_export", args=[known.fair.pk, table, fmt])
        response = client.get(url)
        assert response.status_code == 200, table
        assert "filename*=UTF-8''" in response["Content-Disposition"]


def test_unknown_section_is_not_found(client_for, chiang_mai_officer, known):
    url = reverse("sales:fair_report_export", args=[known.fair.pk, "nope", "csv"])
    assert client_for(chiang_mai_officer).get(url).status_code == 404


@pytest.mark.parametrize("booths", [100, 3000])
def test_report_page_runs_a_constant_number_of_queries(
    client_for, chiang_mai_officer, django_assert_max_num_queries, booths
):
    fair = build_sized_fair(chiang_mai_officer, booths)
    client = client_for(chiang_mai_officer)
    # 3 of them are the statement time limit's savepoint, set_config and release.
    with django_assert_max_num_queries(22):
        response = client.get(reverse("sales:fair_report", args=[fair.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("booths", [10, 200])
def test_group_report_runs_a_constant_number_of_queries(
    client_for, chiang_mai_officer, django_assert_max_num_queries, booths
):
    from booths.models import Application

    fair = build_sized_fair(chiang_mai_officer, booths)
    application = Application.objects.filter(fair=fair).first()
    client = client_for(chiang_mai_officer)
    url = reverse("sales:group_report", args=[fair.pk, application.group_id])
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200

"""The fair report's sales per quadrant (the group's) and per OTOP mark (the highest mark among the
products the application entered), against the hand-built fair whose totals are known."""

from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from producers.models import OtopMark, Quadrant
from sales.reports import fair_report, group_report
from tests.factories import ProductFactory, UserFactory
from tests.sales.report_factories import build_known_fair

pytestmark = pytest.mark.django_db

# Totals of the known fair: g1 4,000 · g2 500 · g3 700 · g4 300.
TOTALS = {"g1": Decimal(4000), "g2": Decimal(500), "g3": Decimal(700), "g4": Decimal(300)}


@pytest.fixture
def known(officer):
    return build_known_fair(officer)


def place(known, key, quadrant="", marks=()):
    """Put group `key` in `quadrant` and give the products its application entered `marks`."""
    group = known.groups[key]
    group.quadrant = quadrant
    group.save(update_fields=["quadrant"])
    application = group.applications.get(fair=known.fair)
    application.products.all().update(otop_mark="")
    for mark in marks:
        application.products.add(ProductFactory(group=group, otop_mark=mark))


def amounts(rows):
    return {row.label: (row.groups, row.total) for row in rows}


def test_sales_per_quadrant_count_each_group_in_its_own(known):
    place(known, "g1", Quadrant.A)
    place(known, "g3", Quadrant.A)
    place(known, "g4", Quadrant.B)
    rows = fair_report(known.fair).quadrants
    assert [row.label for row in rows] == [Quadrant.A.label, Quadrant.B.label, "ยังไม่จัดกลุ่ม"]
    assert amounts(rows)[Quadrant.A.label] == (2, Decimal(4700))
    assert amounts(rows)[Quadrant.B.label] == (1, Decimal(300))


def test_an_application_counts_under_the_highest_mark_it_entered_and_once(known):
    place(known, "g1", marks=[OtopMark.CLASSIC, OtopMark.PREMIUM, OtopMark.CERTIFICATE])
    place(known, "g2", marks=[OtopMark.CLASSIC])
    place(known, "g3", marks=[OtopMark.STANDARD, OtopMark.STANDARD])
    rows = fair_report(known.fair).marks
    assert [row.label for row in rows] == [
        OtopMark.PREMIUM.label,
        OtopMark.CLASSIC.label,
        OtopMark.STANDARD.label,
        "ไม่มีตราโอทอป",
    ]
    assert [(row.groups, row.total) for row in rows] == [
        (1, Decimal(4000)),
        (1, Decimal(500)),
        (1, Decimal(700)),
        (1, Decimal(300)),
    ]


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    placed=st.fixed_dictionaries(
        {
            key: st.tuples(
                st.sampled_from(["", *Quadrant.values]),
                st.lists(st.sampled_from(OtopMark.values), max_size=3),
            )
            for key in TOTALS
        }
    )
)
def test_quadrant_and_mark_rows_each_add_up_to_the_fair_total(officer, placed):
    known = build_known_fair(officer)
    for key, (quadrant, marks) in placed.items():
        place(known, key, quadrant, marks)
    report = fair_report(known.fair)
    for rows in (report.quadrants, report.marks):
        assert sum(row.total for row in rows) == sum(TOTALS.values())
        assert sum(row.groups for row in rows) == len(TOTALS)
    by_quadrant = {}
    for key, (quadrant, _marks) in placed.items():
        by_quadrant[quadrant] = by_quadrant.get(quadrant, 0) + TOTALS[key]
    assert sorted(row.total for row in report.quadrants) == sorted(by_quadrant.values())


def test_the_report_page_and_its_export_show_both_sections(known, officer, client_for):
    place(known, "g1", Quadrant.A, [OtopMark.PREMIUM])
    officer.officer_provinces.add(known.fair.province)
    client = client_for(officer)
    page = client.get(reverse("sales:fair_report", args=[known.fair.pk])).content.decode()
    assert 'id="quadrants"' in page and 'id="marks"' in page
    assert str(Quadrant.A.label) in page
    export = reverse("sales:fair_report_export", args=[known.fair.pk, "marks", "csv"])
    assert str(OtopMark.PREMIUM.label) in client.get(export).content.decode("utf-8-sig")


def test_the_group_report_names_the_groups_quadrant_and_its_highest_mark(known, client_for):
    place(known, "g1", Quadrant.B, [OtopMark.STANDARD, OtopMark.CLASSIC])
    application = known.groups["g1"].applications.get(fair=known.fair)
    assert group_report(application).mark == OtopMark.CLASSIC
    member = known.groups["g1"].members.first() or UserFactory(role="producer")
    known.groups["g1"].members.add(member)
    url = reverse("sales:group_report", args=[known.fair.pk, known.groups["g1"].pk])
    page = client_for(member).get(url).content.decode()
    assert str(OtopMark.CLASSIC.label) in page and str(Quadrant.B.label) in page
